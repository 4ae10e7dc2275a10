/**
 * Every KC function, fuzzed through its registered entry point with fast-check (the fuzzer and its property are in
 * functions-fuzz.ts): at least 10,000 cases per function, each returning the type functions.json declares or a
 * #VALUE! / #N/A CustomFunctions.Error with the core's message, nothing else thrown, every call within its time limit.
 *
 * The fuzzer runs in a plain Node process, as the functions run in Excel's JavaScript runtime. Inside Jest's sandbox
 * (a vm context) every lookup of a global such as Math or Number is some fifty times slower, which would make both
 * the per-call time limit and the suite's running time measure Jest rather than the add-in.
 *
 * KC_FUZZ_RUNS sets the cases per function (default 10,000); KC_FUZZ_SEED replays the seed a failure reports.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import type { FuzzReport } from "./functions-fuzz";

const RUNS = Number(process.env.KC_FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.KC_FUZZ_SEED ?? (Date.now() ^ (Math.random() * 0x100000000)));
const ROOT = path.join(__dirname, "..", "..");

let report: FuzzReport;

beforeAll(() => {
  const stdout = execFileSync(process.execPath, ["--require", "ts-node/register/transpile-only", path.join(__dirname, "functions-fuzz.ts"), String(RUNS), String(SEED)], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 280_000,
  });
  report = JSON.parse(stdout) as FuzzReport;
}, 300_000);

test("every function of functions.json is fuzzed", () => {
  expect([...report.registered].sort()).toEqual(["CHANGE", "CHECKS", "GROWTH", "MARGIN", "METRIC", "METRICS", "PERIODS", "REPORTED", "SERIES", "SOURCE", "STATEMENT"]);
  expect(report.functions.map((f) => f.name).sort()).toEqual([...report.registered].sort());
});

describe.each(["METRIC", "MARGIN", "GROWTH", "REPORTED", "SOURCE", "STATEMENT", "SERIES", "METRICS", "PERIODS", "CHECKS"])("KC.%s", (name) => {
  test(`${RUNS} fuzzed calls: the declared type, or #VALUE!/#N/A with the core's message; nothing else; none slow`, () => {
    const fn = report.functions.find((f) => f.name === name)!;
    // On failure: fast-check's seed, path and shrunk counterexample (replay with KC_FUZZ_SEED).
    expect(fn.failure).toBeNull();
    const calls = fn.values + Object.values(fn.errors).reduce((a, b) => a + b, 0);
    expect(calls).toBeGreaterThanOrEqual(RUNS);
    // The mix is not degenerate: plausible input reaches values, hostile input reaches errors.
    expect(fn.values).toBeGreaterThan(0);
    if (name !== "CHECKS") expect(fn.errors["#VALUE!"]).toBeGreaterThan(0);
    expect(Object.keys(fn.errors).every((code) => code === "#VALUE!" || code === "#N/A")).toBe(true);
  });
});
