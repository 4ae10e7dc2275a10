/**
 * The fuzzer behind functions.fuzz.test.ts, run in a plain Node process (see there why).
 *
 * Fuzzing every KC function through its registered entry point: the function functions.json names, found by name and
 * called the way Excel's runtime calls it (loadRegistry: the same generator and associate step as the build, with the
 * CustomFunctions stand-in of src/functions/node-runtime.ts).
 *
 * Property, for any arguments Excel could pass (strings of any length and script, formula-like text, numbers including
 * NaN, ±Infinity, -0 and 1e308, booleans, null, nested arrays of mixed cells, overrides ranges of any shape, 10,000 rows):
 *   - the call returns the type functions.json declares (a finite number that is not -0; text; a non-empty rectangular
 *     matrix of finite numbers, text and booleans), or
 *   - it throws a CustomFunctions.Error with code #VALUE! or #N/A and a non-empty message that is the core's own (never
 *     the adapter's generic fallback, which would mean the core crashed and the adapter hid it);
 *   - nothing else is thrown, and every call returns within CALL_LIMIT_MS (measured per call).
 *
 * Arguments are biased toward valid-looking input (real metric ids, labels and aliases, period forms, options) and
 * near-miss spellings of them, so the deep paths (overrides through the model, scaling, growth bases) run too.
 * Run alone: node --require ts-node/register/transpile-only test/fuzz/functions-fuzz.ts [runs] [seed]
 * (defaults: the full profile of fuzz-settings.ts). It prints one JSON report (FuzzReport) on stdout.
 */
import fc from "fast-check";
import { createEngine } from "../../src/core";
import { DATASET } from "../../src/data/dataset.generated";
import { ErrorCode } from "../../src/dev/custom-functions";
import { RegisteredFunction, functionRegistry } from "../../src/dev/registry";
import { UNEXPECTED_MESSAGE } from "../../src/functions/adapter";
import { fuzzSettings } from "./fuzz-settings";

/** Generous: a call normally takes well under a millisecond, the 10,000-row overrides a few. */
const CALL_LIMIT_MS = 2_000;

type Scalar = string | number | boolean | null | undefined;

export interface FunctionReport {
  name: string;
  runs: number;
  /** Calls that returned a value, and calls that threw, by Excel error code. */
  values: number;
  errors: Record<string, number>;
  slowestMs: number;
  totalMs: number;
  /** fast-check's report (seed, path, shrunk counterexample) when the property failed, else null. */
  failure: string | null;
}

export interface FuzzReport {
  seed: number;
  /** Function names as registered (functions.json), upper case. */
  registered: string[];
  functions: FunctionReport[];
}

// The catalog, read once, to bias the fuzzer toward names the core knows.
const catalog = createEngine(DATASET);
const METRIC_IDS = catalog.metrics().map((m) => m.id);
const METRIC_NAMES = catalog.metrics().flatMap((m) => [m.id, m.label, ...m.aliases]);
const PERIODS = catalog.filingPeriods();

// ----------------------------------------------------------------------------------------------------------------
// Arbitraries

/** Text with a character dropped, doubled, swapped or changed, case and spacing changed: near misses of a name. */
const nearMiss = (base: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(base, fc.nat(), fc.integer({ min: 0, max: 7 }), fc.string({ minLength: 1, maxLength: 1 }))
    .map(([text, at, how, ch]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      switch (how) {
        case 0:
          return text.slice(0, i) + text.slice(i + 1);
        case 1:
          return text.slice(0, i) + text[i] + text.slice(i);
        case 2:
          return text.slice(0, i) + (text[i + 1] ?? "") + (text[i] ?? "") + text.slice(i + 2);
        case 3:
          return text.slice(0, i) + ch + text.slice(i + 1);
        case 4:
          return text.toUpperCase();
        case 5:
          return ` ${text.toLowerCase()}\t`;
        case 6:
          return text.replace(/([a-z])([A-Z])/g, "$1 $2");
        default:
          return text + ch;
      }
    });

const FORMULA_LIKE = [
  "=cmd|'/c calc'!A1",
  "=HYPERLINK(\"http://example.invalid\",\"x\")",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+1+1",
  "-2+3",
  "=KC.METRIC(\"TotalRevenues\",\"2026Q1\")",
  "=1/0",
  "#N/A",
  "#VALUE!",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "'; DROP TABLE metrics; --",
  "${7*7}",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "\u0000",
  "\u202e2026Q1",
  "\ufeffTotalRevenues",
  "TotalRevenues\u200b",
  "２０２６Ｑ１",
  "ＴｏｔａｌＲｅｖｅｎｕｅｓ",
  "2026Q1\r\n",
  "\ud800",
  "😀",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
  "0x10",
  "",
  " ",
];

/** Strings of 1,000 to 100,000 characters, built by repetition so they are cheap to generate. */
const hugeString: fc.Arbitrary<string> = fc
  .tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 4, unit: "binary" }), fc.constantFrom(...FORMULA_LIKE.filter(Boolean), ...METRIC_IDS.slice(0, 5))), fc.constantFrom(1_000, 10_000, 100_000))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length));

const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30, unit: "binary" }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: "grapheme" }) },
  { weight: 3, arbitrary: fc.constantFrom(...FORMULA_LIKE) },
  { weight: 1, arbitrary: hugeString },
);

const SPECIAL_NUMBERS = [NaN, Infinity, -Infinity, -0, 0, 1e308, -1e308, Number.MAX_VALUE, Number.MIN_VALUE, Number.EPSILON, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 0.1 + 0.2, 1e-308];
const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.double() },
  { weight: 2, arbitrary: fc.integer({ min: -1e9, max: 1e9 }) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_NUMBERS) },
  // Excel date serials around the filing's quarter ends (46112 is 2026-03-31).
  { weight: 2, arbitrary: fc.integer({ min: 45600, max: 46400 }) },
  { weight: 1, arbitrary: fc.integer({ min: -10, max: 2_958_470 }) },
);

const anyScalar: fc.Arbitrary<Scalar> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  { weight: 3, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
);

/** Arrays nested up to three deep, of mixed cells (ragged, empty, deeper than Excel would ever send). */
const nested: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof({ depthSize: "small", withCrossShrink: true }, anyScalar, fc.array(tie("node"), { maxLength: 4 })),
})).node;

/** Anything Excel (or a caller that ignores functions.json) could pass for an argument. */
const anything: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anyScalar },
  { weight: 2, arbitrary: fc.array(fc.array(anyScalar, { maxLength: 4 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: nested },
);

const metricName: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...METRIC_IDS) },
  { weight: 3, arbitrary: fc.constantFrom(...METRIC_NAMES) },
  { weight: 3, arbitrary: nearMiss(fc.constantFrom(...METRIC_NAMES)) },
  { weight: 1, arbitrary: fc.constant([["TotalRevenues"]]) },
  { weight: 3, arbitrary: anything },
);

const periodForms = (period: string): string[] => {
  const [year, quarter] = [period.slice(0, 4), period.slice(5)];
  const end = ["03-31", "06-30", "09-30", "12-31"][Number(quarter) - 1];
  return [period, `Q${quarter} ${year}`, `${quarter}Q${year.slice(2)}`, `${year}-${end}`, `FY${year} Q${quarter}`, period.toLowerCase()];
};
const PERIOD_TEXT = [...PERIODS.flatMap(periodForms), "FQ0", "FQ-1", "FQ-4", "FQ -5", "FQ-999", "FQ-1000", "LATEST", "2027Q1", "1900Q1", "9999Q4", "2026Q5", "2026Q0", "Mar 31, 2026", "March 31 2026", "3/31/2026", "2026-02-29", "2025-02-29"];
const period: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...PERIOD_TEXT) },
  { weight: 2, arbitrary: nearMiss(fc.constantFrom(...PERIOD_TEXT)) },
  { weight: 2, arbitrary: fc.constantFrom(46112, 46022, 45747, 46112.5, 60, 61, 2958465, 2958466) },
  { weight: 3, arbitrary: anything },
);

const option = (values: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 5, arbitrary: fc.constantFrom(...values) },
    { weight: 2, arbitrary: nearMiss(fc.constantFrom(...values)) },
    { weight: 2, arbitrary: anything },
  );
const currency = option(["RMB", "USD", "usd", "US$", "$", "¥", "CNY", "EUR", ""]);
const scale = option(["thousands", "units", "millions", "billions", "k", "m", "bn", "1000", "000", "asPrinted"]);
const basis = option(["YoY", "QoQ", "yoy", "q", "sequential", "year over year", "MoM"]);
const statementName = option(["IS", "BS", "CF", "NONGAAP", "balance sheet", "P&L", "cash flows", "bridge", "NARRATIVE", "DERIVED", "ratios"]);

/** Override values: ordinary figures, huge and special numbers, blanks, text. */
const overrideValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -5_000_000, max: 5_000_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 1e308, -1e308, NaN, Infinity, -Infinity, 1e-300, 0.5) },
  { weight: 1, arbitrary: fc.constantFrom("", null, "3000000", true) },
  { weight: 1, arbitrary: anyScalar },
);
const overrideRow: fc.Arbitrary<unknown[]> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...METRIC_IDS), overrideValue) },
  { weight: 2, arbitrary: fc.tuple(metricName, overrideValue) },
  { weight: 1, arbitrary: fc.constant<unknown[]>(["", ""]) },
  { weight: 1, arbitrary: fc.array(anyScalar, { maxLength: 4 }) },
);
/** 10,000 (and 10,001) rows, built from a seed rather than generated cell by cell. */
const manyRows: fc.Arbitrary<unknown[][]> = fc
  .tuple(fc.constantFrom(9_999, 10_000, 10_001), fc.constantFrom("blank", "same", "distinct", "unknown"), fc.integer({ min: 1, max: 5_000_000 }))
  .map(([n, kind, value]) =>
    Array.from({ length: n }, (_, i) => {
      if (kind === "blank") return i === n - 1 ? ["TotalRevenues", value] : ["", ""];
      if (kind === "same") return ["TotalRevenues", value + i];
      if (kind === "distinct") return i < METRIC_IDS.length ? [METRIC_IDS[i], value] : [null, null];
      return [`Metric${i}`, value];
    }),
  );
const overrides: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constant(null) },
  { weight: 8, arbitrary: fc.array(overrideRow, { minLength: 1, maxLength: 6 }) },
  // Duplicated metrics.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...METRIC_IDS), overrideValue, overrideValue).map(([id, a, b]) => [[id, a], [id, b]]) },
  // Wrong shapes: one column, three columns, a row, ragged rows, empty ranges.
  { weight: 2, arbitrary: fc.constantFrom([], [[]], [["TotalRevenues"]], [["TotalRevenues", 1, 2]], [["TotalRevenues", "CostOfRevenues"], [1, 2]], [["TotalRevenues", 1], ["CostOfRevenues"]]) },
  { weight: 1, arbitrary: manyRows },
  { weight: 3, arbitrary: anything },
);

const periodsRange: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.array(fc.array(fc.oneof(fc.constantFrom(...PERIOD_TEXT, "", null), anyScalar), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(101, 10_000).map((n) => [Array.from({ length: n }, (_, i) => PERIODS[i % PERIODS.length])]) },
  { weight: 2, arbitrary: anything },
);

/** The hostile arbitrary for each parameter, by its name in functions.json; any other name gets `anything`. */
const HOSTILE: Record<string, fc.Arbitrary<unknown>> = {
  metric: metricName,
  base: fc.oneof(fc.constant(null), metricName),
  period,
  currency,
  scale,
  basis,
  overrides,
  statement: statementName,
  periods: periodsRange,
  search: fc.oneof(fc.constant(null), fc.constantFrom("ebitda", "loss", "cash", "Total", "margin"), anyString, anything),
};

/** Valid input, by parameter name: what an analyst types, so most of these calls reach the model. */
const PLAUSIBLE: Record<string, fc.Arbitrary<unknown>> = {
  metric: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...METRIC_IDS) }, { weight: 1, arbitrary: fc.constantFrom(...METRIC_NAMES) }),
  base: fc.oneof(fc.constant(null), fc.constantFrom("TotalRevenues", "CostOfRevenues", "GrossProfit", "TotalOperatingExpenses", "TotalAssets", "NetLoss"), fc.constantFrom(...METRIC_IDS)),
  period: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PERIODS) }, { weight: 2, arbitrary: fc.constantFrom(...PERIOD_TEXT.slice(0, PERIODS.length * 6 + 2)) }, { weight: 1, arbitrary: fc.constantFrom(46112, 46022, 45747) }),
  currency: fc.constantFrom(null, null, "RMB", "USD", "usd", "US$"),
  scale: fc.constantFrom(null, null, "thousands", "units", "millions", "billions", "m", 1000),
  basis: fc.constantFrom(null, "YoY", "QoQ"),
  overrides: fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.uniqueArray(fc.tuple(fc.constantFrom(...METRIC_IDS), fc.oneof(fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.double({ min: -1e12, max: 1e12, noNaN: true }))), { minLength: 1, maxLength: 5, selector: ([id]) => id }) },
  ),
  statement: fc.constantFrom("IS", "BS", "CF", "NONGAAP", "balance sheet", "income statement", "cash flow", "bridge"),
  periods: fc.oneof(fc.constant(null), fc.constantFrom(...PERIODS).map((p) => [[p]]), fc.subarray(PERIODS, { minLength: 1 }).map((ps) => [ps])),
  search: fc.constantFrom(null, "ebitda", "loss", "cash", "Total", "margin", "revenues", "IS"),
};

/**
 * Excel passes one argument per declared parameter (null when omitted). Two calls in five take plausible arguments
 * (each one, one time in ten, hostile instead); the rest take hostile ones; a few pass fewer or more arguments.
 */
function argumentsFor(fn: RegisteredFunction): fc.Arbitrary<unknown[]> {
  const hostile = fn.meta.parameters.map((p) => fc.oneof({ weight: 9, arbitrary: HOSTILE[p.name] ?? anything }, { weight: 1, arbitrary: anything }));
  const plausible = fn.meta.parameters.map((p) => fc.oneof({ weight: 9, arbitrary: PLAUSIBLE[p.name] ?? anything }, { weight: 1, arbitrary: HOSTILE[p.name] ?? anything }));
  return fc.oneof(
    { weight: 16, arbitrary: fc.tuple(...plausible) },
    { weight: 22, arbitrary: fc.tuple(...hostile) },
    { weight: 1, arbitrary: fc.tuple(...hostile).chain((args) => fc.nat(args.length).map((n) => args.slice(0, n))) },
    { weight: 1, arbitrary: fc.tuple(fc.tuple(...hostile), anything).map(([args, extra]) => [...args, extra]) },
  );
}

// ----------------------------------------------------------------------------------------------------------------
// The property

// Jest runs tests in a vm context where every global lookup (Number, Object, Math) is slow: look them up once.
const { isFinite } = Number;
const { is } = Object;
const { max } = Math;
const isCell = (v: unknown): boolean => (typeof v === "number" && isFinite(v) && !is(v, -0)) || typeof v === "string" || typeof v === "boolean";

/** Why a result does not have the type functions.json declares, or null when it does. */
function typeProblem(fn: RegisteredFunction, value: unknown): string | null {
  const result = fn.meta.result ?? {};
  if (result.dimensionality === "matrix") {
    if (!Array.isArray(value) || value.length === 0) return "a matrix result is not a non-empty array";
    const width = Array.isArray(value[0]) ? value[0].length : -1;
    if (width <= 0) return "a matrix result's first row is empty or not an array";
    for (const row of value) {
      if (!Array.isArray(row) || row.length !== width) return "a matrix result is not rectangular";
      const bad = row.findIndex((cell) => !isCell(cell));
      if (bad >= 0) return `a matrix result holds ${String(row[bad])} (${typeof row[bad]})`;
    }
    return null;
  }
  if (result.type === "number") {
    if (typeof value !== "number" || !isFinite(value)) return `a number result is ${String(value)} (${typeof value})`;
    return is(value, -0) ? "a number result is -0" : null;
  }
  if (result.type === "string") return typeof value === "string" ? null : `a string result is ${typeof value}`;
  return `functions.json declares a result type this test does not know: ${JSON.stringify(result)}`;
}

/** Why a thrown value is not the Excel error the contract allows, or null when it is. */
function errorProblem(error: unknown): string | null {
  if (!(error instanceof CustomFunctions.Error)) return `threw something other than CustomFunctions.Error: ${String(error)}`;
  if (error.code !== ErrorCode.invalidValue && error.code !== ErrorCode.notAvailable) return `threw Excel error ${error.code}`;
  if (typeof error.message !== "string" || error.message.trim() === "") return `threw ${error.code} without a message`;
  if (error.message === UNEXPECTED_MESSAGE) return "the core threw something other than a KcError (the adapter's generic #VALUE!)";
  return null;
}

function describeArgs(args: unknown[]): string {
  const shown = JSON.stringify(args, (_, v) =>
    typeof v === "number" && !isFinite(v) ? String(v) : typeof v === "string" && v.length > 60 ? `${v.slice(0, 60)}...(${v.length} chars)` : v === undefined ? "undefined" : v,
  );
  return shown.length > 500 ? `${shown.slice(0, 500)}...` : shown;
}

/** One call, checked: throws (failing the property) with what was wrong. */
function check(report: FunctionReport, fn: RegisteredFunction, args: unknown[]): void {
  const start = performance.now();
  let problem: string | null;
  try {
    const value = fn.invoke(...args);
    problem = typeProblem(fn, value);
    report.values++;
  } catch (error) {
    problem = errorProblem(error);
    const code = (error as { code?: unknown } | null)?.code;
    const key = typeof code === "string" ? code : "other";
    report.errors[key] = (report.errors[key] ?? 0) + 1;
  }
  const elapsed = performance.now() - start;
  report.slowestMs = max(report.slowestMs, elapsed);
  report.totalMs += elapsed;
  if (elapsed > CALL_LIMIT_MS) problem = `took ${elapsed.toFixed(0)} ms (limit ${CALL_LIMIT_MS} ms)`;
  if (problem) throw new Error(`KC.${fn.meta.name}(${describeArgs(args)}): ${problem}`);
}

/** Fuzzes every registered function with `runs` cases each. Never throws for a failed property: the report says. */
export async function fuzzFunctions(runs: number, seed: number): Promise<FuzzReport> {
  const registry = functionRegistry().byName;
  const functions: FunctionReport[] = [];
  for (const [name, fn] of registry) {
    const report: FunctionReport = { name, runs, values: 0, errors: {}, slowestMs: 0, totalMs: 0, failure: null };
    const details = fc.check(
      fc.property(argumentsFor(fn), (args) => check(report, fn, args)),
      { numRuns: runs, seed, includeErrorInReport: true },
    );
    if (details.failed) report.failure = fc.defaultReportMessage(details) ?? "failed";
    functions.push(report);
  }
  return { seed, registered: [...registry.keys()], functions };
}

if (require.main === module) {
  const defaults = fuzzSettings("full");
  const runs = Number(process.argv[2] ?? defaults.functionRuns);
  const seed = Number(process.argv[3] ?? defaults.seed);
  fuzzFunctions(runs, seed).then(
    (report) => process.stdout.write(JSON.stringify(report)),
    (error) => {
      process.stderr.write(String(error?.stack ?? error));
      process.exitCode = 1;
    },
  );
}
