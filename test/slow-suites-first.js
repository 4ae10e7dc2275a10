/**
 * Jest's test sequencer, with one change: when jest has no timings yet (a cleared cache, a fresh CI clone), the suites
 * known to take seconds start first, so the two workers do not end with one of them running a long suite alone.
 * Jest's default then orders by file size, which puts these small files last. Once jest has timings it orders by them.
 */
const TestSequencer = require("@jest/test-sequencer").default;

/** Rough CPU seconds of each on this 2-core machine (measured one suite at a time); only their order matters. */
const SLOW_SUITES = [
  [/test\/browser\/.*\.test\.ts$/, 15],
  [/test\/hostile\/arguments\.test\.ts$/, 14],
  [/test\/hostile\/releases\.test\.ts$/, 12],
  [/test\/fuzz\/functions\.fuzz\.test\.ts$/, 6],
  [/test\/fuzz\/importer\.fuzz\.test\.ts$/, 6],
  [/test\/export\/libreoffice\.test\.ts$/, 6],
  [/test\/export\/forecast\.test\.ts$/, 6],
  [/test\/export\/xlsx\.test\.ts$/, 3],
];

class SlowSuitesFirst extends TestSequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((test) => test.duration != null)) return sorted;
    const seconds = (test) => SLOW_SUITES.find(([pattern]) => pattern.test(test.path.split("\\").join("/")))?.[1] ?? 0;
    return [...sorted].sort((a, b) => seconds(b) - seconds(a)); // stable: the rest keep jest's order
  }
}

module.exports = SlowSuitesFirst;
