/**
 * `npm test` runs tsc --noEmit, then this: ts-jest on Node, in two projects.
 *   unit   every test/**\/*.test.ts that does not need the built add-in
 *   build  the suites that read webpack's output (BUILT_SUITES): their globalSetup builds production and development
 *          once per run (test/build/global-setup.ts), and only when one of them is selected (`npx jest test/core`
 *          builds nothing)
 * The fuzzers run a fixed-seed sample here; `npm run fuzz` (jest.fuzz.config.js) runs them in full.
 */
const BUILT_SUITES = ["test/build/**/*.test.ts", "test/browser/**/*.test.ts", "test/fuzz/bundle.test.ts"];

/** What both projects share. */
const base = {
  rootDir: __dirname,
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    // Transpile only: tsconfig.json sets isolatedModules, which makes ts-jest use ts.transpileModule per file instead of
    // type-checking the program in every worker; the type-check is `tsc --noEmit`, the first step of npm test.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleNameMapper: {
    // office-addin-mock reaches these ESM-only packages through office-addin-manifest; Jest on Node 20 cannot require them.
    "^strip-bom$": "<rootDir>/test/shims/strip-bom.js",
    "^uuid$": "<rootDir>/test/shims/uuid.js",
  },
};

module.exports = {
  // Jest's default on a 2-core machine is one worker, i.e. every suite in turn; the slow suites mostly wait on child
  // processes (webpack, Chromium, LibreOffice, the fuzzers), so two workers overlap them.
  maxWorkers: 2,
  testSequencer: "<rootDir>/test/slow-suites-first.js",
  projects: [
    { ...base, displayName: "unit", testMatch: ["<rootDir>/test/**/*.test.ts", ...BUILT_SUITES.map((glob) => `!**/${glob}`)] },
    {
      ...base,
      displayName: "build",
      testMatch: BUILT_SUITES.map((glob) => `<rootDir>/${glob}`),
      globalSetup: "<rootDir>/test/build/global-setup.ts",
      globalTeardown: "<rootDir>/test/build/global-teardown.ts",
    },
  ],
};
