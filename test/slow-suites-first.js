/**
 * Jest's test sequencer, with two changes:
 * - The suites that need the add-in built (the "build" project: test/build, test/browser, the bundle test) start only
 *   after the longest unit suites: their globalSetup builds webpack in a process of its own meanwhile, and a worker
 *   that started one of them first would only wait for it.
 * - When jest has no timings yet (a cleared cache, a fresh CI clone), the suites known to take seconds start first, so
 *   the two workers do not end with one of them running a long suite alone (jest's default orders by file size, which
 *   puts these small files last). Once jest has timings it orders by them.
 */
const TestSequencer = require("@jest/test-sequencer").default;

/** Rough CPU seconds of each on this 2-core machine (measured one suite at a time); only their order matters. */
const SLOW_SUITES = [
  [/test\/browser\/.*\.test\.ts$/, 15],
  [/test\/hostile\/arguments\.test\.ts$/, 14],
  [/test\/hostile\/releases\.test\.ts$/, 12],
  [/test\/export\/libreoffice\.test\.ts$/, 8],
  [/test\/fuzz\/functions\.fuzz\.test\.ts$/, 6],
  [/test\/fuzz\/importer\.fuzz\.test\.ts$/, 6],
  [/test\/export\/acceptance\.test\.ts$/, 5],
  [/test\/export\/xlsx\.test\.ts$/, 4],
  [/test\/export\/charts\.test\.ts$/, 3],
  [/test\/core\/exact\.test\.ts$/, 3],
  [/test\/cli\/releases\.test\.ts$/, 3],
  [/test\/taskpane\/release-library\.test\.ts$/, 3],
  [/test\/core\/fourth-quarter\.test\.ts$/, 2],
  [/test\/core\/release-refusals\.test\.ts$/, 2],
];

/** How many seconds of unit suites run before the first suite that needs the build (it takes about 15 s). */
const BUILD_HEAD_START = 18;
const needsBuild = (test) => test.context.config.displayName?.name === "build";

class SlowSuitesFirst extends TestSequencer {
  sort(tests) {
    let sorted = super.sort(tests);
    const known = (test) => test.duration != null;
    const seconds = (test) => (known(test) ? test.duration / 1000 : SLOW_SUITES.find(([pattern]) => pattern.test(test.path.split("\\").join("/")))?.[1] ?? 0);
    if (!sorted.some(known)) sorted = [...sorted].sort((a, b) => seconds(b) - seconds(a)); // stable: the rest keep jest's order
    // Two workers: the build-project suites go in once the unit suites ahead of them have kept both busy long enough.
    const built = sorted.filter(needsBuild);
    const unit = sorted.filter((test) => !needsBuild(test));
    let ahead = 0;
    let at = 0;
    while (at < unit.length && ahead < 2 * BUILD_HEAD_START) ahead += Math.max(1, seconds(unit[at++]));
    return [...unit.slice(0, at), ...built, ...unit.slice(at)];
  }
}

module.exports = SlowSuitesFirst;
