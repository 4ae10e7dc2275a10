/**
 * `npm run fuzz`: the long runs CI makes after npm test.
 * - The fuzzers in full (test/fuzz/fuzz-settings.ts, profile "full"): 10,000 cases per KC function, 200 random importer
 *   mutations, the scan of every number of the filing, 4,000 override scenarios. Fixed seeds; KC_FUZZ_SEED=random for a
 *   new one (printed, and named in any failure), KC_FUZZ_SEED=<n> to replay it.
 * - The hostile-input suites (test/hostile): hostile releases and arguments, each timed in a child process.
 */
const unit = require("./jest.config.js").projects.find((project) => project.displayName === "unit");

module.exports = {
  ...unit,
  displayName: "fuzz",
  maxWorkers: 2,
  testMatch: ["<rootDir>/test/fuzz/*.fuzz.test.ts", "<rootDir>/test/hostile/*.test.ts"],
  globals: { kcFuzzProfile: "full" },
};
