/**
 * Every KC function, fuzzed through its registered entry point with fast-check (the fuzzer and its property are in
 * functions-fuzz.ts): each case returns the type functions.json declares or a #VALUE! / #N/A CustomFunctions.Error with
 * the core's message, nothing else thrown, every call within its time limit. npm test runs 120 cases per function,
 * npm run fuzz 10,000 (fuzz-settings.ts: profiles, fixed seeds, KC_FUZZ_SEED and KC_FUZZ_RUNS to replay).
 * npm run fuzz runs it in a plain Node process, as the functions run in Excel (fuzz-settings.ts: fuzzReport).
 */
import * as path from "path";
import { FuzzReport, fuzzFunctions } from "./functions-fuzz";
import { describeRun, fuzzReport, fuzzSettings } from "./fuzz-settings";

const settings = fuzzSettings();
const { seed, functionRuns: RUNS } = settings;

let report: FuzzReport;

beforeAll(async () => {
  console.log(describeRun("functions", settings, `${RUNS} cases per KC function`, "test/fuzz/functions.fuzz.test.ts"));
  report = await fuzzReport(settings, path.join(__dirname, "functions-fuzz.ts"), [RUNS, seed], () => fuzzFunctions(RUNS, seed));
}, 300_000);

test(`every function of functions.json is fuzzed (seed ${seed})`, () => {
  expect(report.seed).toBe(seed);
  expect([...report.registered].sort()).toEqual(["CHANGE", "CHECKS", "GROWTH", "MARGIN", "METRIC", "METRICS", "PERIODS", "REPORTED", "SERIES", "SOURCE", "STATEMENT"]);
  expect(report.functions.map((f) => f.name).sort()).toEqual([...report.registered].sort());
});

describe.each(["METRIC", "MARGIN", "GROWTH", "REPORTED", "SOURCE", "STATEMENT", "SERIES", "METRICS", "PERIODS", "CHECKS"])("KC.%s", (name) => {
  test(`${RUNS} fuzzed calls (seed ${seed}): the declared type, or #VALUE!/#N/A with the core's message; nothing else; none slow`, () => {
    const fn = report.functions.find((f) => f.name === name)!;
    // On failure: fast-check's seed, path and shrunk counterexample (replay with KC_FUZZ_SEED).
    expect({ seed, failure: fn.failure }).toEqual({ seed, failure: null });
    const calls = fn.values + Object.values(fn.errors).reduce((a, b) => a + b, 0);
    expect(calls).toBeGreaterThanOrEqual(RUNS);
    // The mix is not degenerate: plausible input reaches values, hostile input reaches errors.
    expect(fn.values).toBeGreaterThan(0);
    if (name !== "CHECKS") expect(fn.errors["#VALUE!"]).toBeGreaterThan(0);
    expect(Object.keys(fn.errors).every((code) => code === "#VALUE!" || code === "#N/A")).toBe(true);
  });
});
