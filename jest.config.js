/**
 * Jest on Node, ts-jest transpiling, in three projects:
 *   unit     every test/**\/*.test.ts that needs neither the built add-in nor a program outside Node: `npm test`
 *            (`jest --selectProjects unit`), the fixed-seed fuzz samples included
 *   build    the suites that read webpack's output (BUILT_SUITES: the build, the bundle, the task pane in Chromium):
 *            their globalSetup builds production and development once per run (test/build/global-setup.ts), and only
 *            when one of them is selected (`npx jest test/core` builds nothing)
 *   engines  the exported workbook recalculated by LibreOffice (ENGINE_SUITES)
 * `npm run test:e2e` runs build and engines, `npx jest` all three, `npm run fuzz` (jest.fuzz.config.js) the fuzzers in
 * full and the hostile-input suites (test/hostile). CI runs npm run lint (with tsc), npm test, npm run test:e2e and
 * npm run fuzz.
 */
const BUILT_SUITES = ["test/build/**/*.test.ts", "test/browser/**/*.test.ts", "test/fuzz/bundle.test.ts"];
const ENGINE_SUITES = ["test/export/libreoffice.test.ts"];
/** Run by `npm run fuzz` (jest.fuzz.config.js) only. */
const FUZZ_ONLY_SUITES = ["test/hostile/**/*.test.ts"];

/** What both projects share. */
const base = {
  rootDir: __dirname,
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    // Transpile only: tsconfig.json sets isolatedModules, which makes ts-jest use ts.transpileModule per file instead of
    // type-checking the program in every worker; the type-check is `tsc --noEmit`, which npm run lint runs.
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
    { ...base, displayName: "unit", testMatch: ["<rootDir>/test/**/*.test.ts", ...[...BUILT_SUITES, ...ENGINE_SUITES, ...FUZZ_ONLY_SUITES].map((glob) => `!**/${glob}`)] },
    {
      ...base,
      displayName: "build",
      testMatch: BUILT_SUITES.map((glob) => `<rootDir>/${glob}`),
      globalSetup: "<rootDir>/test/build/global-setup.ts",
      globalTeardown: "<rootDir>/test/build/global-teardown.ts",
    },
    { ...base, displayName: "engines", testMatch: ENGINE_SUITES.map((glob) => `<rootDir>/${glob}`) },
  ],
};
