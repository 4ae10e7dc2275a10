/**
 * Hostile function arguments (the cases: arguments.ts), run in one child Node process that measures each: the error
 * every call got, the time per call, the heap left behind. Before: 50,000 distinct 16,000-character bases left 776 MB
 * in the caches; 10,000 distinct 16,384-character names of one length took 2 minutes (V8 hashes such strings by their
 * length alone); a repeated typo reran the did-you-mean search (0.5 ms a call); a whole-column periods range was
 * flattened before its limit was checked (194 to 401 ms a call). The bounds below are generous for this 2-core machine.
 */
import { ChildRun, runGroup } from "./child";
import { ARGUMENT_CASES } from "./arguments";

let run: ChildRun;

beforeAll(async () => {
  run = await runGroup("arguments", 120_000);
}, 130_000);

const measured = (name: string): Record<string, number | string> => {
  const report = run.reports.find((r) => r.name === name);
  if (!report) throw new Error(`no case '${name}'`);
  expect(report.err).toBe("");
  return report.measured!;
};

test("every case ran in one child", () => {
  expect(run.reports.map((r) => r.name)).toEqual(ARGUMENT_CASES.map((c) => c.name));
  expect(run.wallMs).toBeLessThan(60_000);
});

test("50,000 distinct 16,000-character bases: each #VALUE! for its length, and nothing kept", () => {
  const m = measured("50,000 distinct 16,000-character basis strings");
  expect(m.errors).toBe("textTooLong");
  expect(m.heapGrowthMb).toBeLessThan(16);
  expect(m.msPerCall).toBeLessThan(0.5);
});

test("10,000 distinct 16,384-character names of one length: refused before any hash of them", () => {
  const m = measured("10,000 distinct 16,384-character metric names of one length");
  expect(m.errors).toBe("metricTooLong");
  expect(m.msPerCall).toBeLessThan(0.5);
  expect(m.heapGrowthMb).toBeLessThan(16);
});

test("names at the length limit are looked up and cached, within the caches' memory bound", () => {
  const m = measured("25,000 distinct metric names at the length limit (255 characters)");
  expect(m.errors).toBe("metricUnknown");
  // The name index keeps at most 2 MB of keys, the results cache 16 MB (both estimates), with their refusals.
  expect(m.heapGrowthMb).toBeLessThan(48);
});

test("the same typo in 10,000 cells costs a cache lookup, as a valid name does", () => {
  const m = measured("the same typo in 10,000 cells");
  expect(m.errors).toBe("metricUnknown");
  expect(m.msPerCall).toBeLessThan(0.05);
  expect(m.validMsPerCall).toBeLessThan(0.05);
});

test("a whole-column periods range reads its periods, without flattening a million cells", () => {
  const m = measured("a whole-column periods range (D:D) in KC.STATEMENT");
  expect(m.header).toBe("2025Q4,2026Q1");
  expect(m.values).toBe(20);
  expect(m.msPerCall).toBeLessThan(100);
  expect(m.heapGrowthMb).toBeLessThan(8);
});

test("a whole column of more than 100 periods: refused, saying how many rows are read", () => {
  const m = measured("a whole-column periods range with 101 periods in it");
  expect(m.errors).toBe("periodsTooMany");
  expect(m.message).toMatch(/^Periods range refused: it has more than 100 periods in its 101 rows in use/);
  expect(m.msPerCall).toBeLessThan(100);
});

test("a whole-column overrides range: refused at once, saying why", () => {
  const m = measured("a whole-column overrides range (D:E)");
  expect(m.errors).toBe("overridesTooManyRows");
  expect(m.message).toMatch(/^Overrides range refused: it has 1048576 rows, more than the 10000 an overrides range may have/);
  expect(m.msPerCall).toBeLessThan(1);
});
