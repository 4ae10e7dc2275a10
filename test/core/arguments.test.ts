/**
 * Function arguments at and past their limits (src/core/limits.ts): text past its length is #VALUE! before any lookup
 * or cache; refusals are cached like results; caches are bounded by entries and by bytes; whole columns are read to
 * their last row in use; an overrides row's problem names the row; messages cut by whole characters. (The timings of
 * the same cases at scale are measured in a child process: test/hostile/arguments.test.ts.)
 */
import { createEngine } from "../../src/core";
import { rowsInUse } from "../../src/core/args";
import { MAX_NAME_LENGTH, MAX_OPTION_LENGTH } from "../../src/core/limits";
import { MetricIndex } from "../../src/core/lookup";
import { BoundedCache, ResultsCache } from "../../src/core/results-cache";
import { quote } from "../../src/core/text";
import { DATASET } from "../../src/data/dataset.generated";
import { caught } from "../helpers/caught";

const fresh = () => createEngine(DATASET);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe("text past its length limit is #VALUE! before anything reads it", () => {
  const name = (n: number) => "x".repeat(n);

  test.each([
    ["metric", (e: ReturnType<typeof fresh>, t: string) => e.excel.metric(t, "2026Q1"), MAX_NAME_LENGTH, "metricTooLong", /^Metric name is too long \(more than 255 characters\)/],
    ["base of KC.MARGIN", (e: ReturnType<typeof fresh>, t: string) => e.excel.margin("GrossProfit", "2026Q1", t), MAX_NAME_LENGTH, "metricTooLong", /^Metric name is too long/],
    ["currency", (e: ReturnType<typeof fresh>, t: string) => e.excel.metric("TotalRevenues", "2026Q1", t), MAX_OPTION_LENGTH, "textTooLong", /^Currency is too long \(more than 32 characters\)\. Type "RMB"/],
    ["scale", (e: ReturnType<typeof fresh>, t: string) => e.excel.metric("TotalRevenues", "2026Q1", null, t), MAX_OPTION_LENGTH, "textTooLong", /^Scale is too long \(more than 32 characters\)\. Type "thousands"/],
    ["growth basis", (e: ReturnType<typeof fresh>, t: string) => e.excel.growth("TotalRevenues", "2026Q1", t), MAX_OPTION_LENGTH, "textTooLong", /^Growth basis is too long \(more than 32 characters\)\. Type "YoY"/],
    ["statement", (e: ReturnType<typeof fresh>, t: string) => e.excel.statement(t), MAX_NAME_LENGTH, "textTooLong", /^Statement is too long \(more than 255 characters\)\. Type BS, IS, NONGAAP or CF\./],
    ["search", (e: ReturnType<typeof fresh>, t: string) => e.excel.metrics(null, t), MAX_NAME_LENGTH, "textTooLong", /^Search is too long \(more than 255 characters\)/],
  ])("%s: as long as its limit, read; one character more, refused for its length", (_, call, max, key, message) => {
    const engine = fresh();
    // At the limit: read, and refused (or answered) for what it says, not for its length.
    let atLimit: string | null = null;
    try {
      call(engine, name(max as number));
    } catch (error) {
      atLimit = (error as { key?: string }).key ?? null;
    }
    expect(atLimit).not.toBe(key);
    const error = caught(() => call(engine, name((max as number) + 1)));
    expect(error.key).toBe(key);
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toMatch(message as RegExp);
  });

  test("neither the results cache nor the name index ever sees it", () => {
    const engine = fresh();
    const results = jest.spyOn(ResultsCache.prototype, "set");
    const names = jest.spyOn(BoundedCache.prototype, "set");
    const search = jest.spyOn(MetricIndex.prototype as unknown as { closest: () => string[] }, "closest");
    try {
      for (const call of [
        () => engine.excel.metric(name(16_000), "2026Q1"),
        () => engine.excel.metric("TotalRevenues", "2026Q1", name(16_000)),
        () => engine.excel.growth("TotalRevenues", "2026Q1", name(16_000)),
        () => engine.excel.margin("GrossProfit", "2026Q1", name(16_000)),
      ]) {
        caught(call);
      }
      // The valid names beside them are read and kept as usual; the long text never is.
      const keys = [...results.mock.calls, ...names.mock.calls].flat();
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((k) => typeof k === "string" && k.length > MAX_NAME_LENGTH)).toEqual([]);
      expect(search).not.toHaveBeenCalled();
    } finally {
      results.mockRestore();
      names.mockRestore();
      search.mockRestore();
    }
  });
});

describe("a refusal is cached like a result", () => {
  test("the same typo twice runs the lookup and its did-you-mean search once", () => {
    const engine = fresh();
    // KC.METRIC's results cache keeps figures only: the name index keeps the refusal, so the lookup runs once.
    const lookup = jest.spyOn(MetricIndex.prototype as unknown as { lookup: () => string }, "lookup");
    const search = jest.spyOn(MetricIndex.prototype as unknown as { closest: () => string[] }, "closest");
    try {
      const first = caught(() => engine.excel.metric("TotalRevenus", "2026Q1"));
      const second = caught(() => engine.excel.metric("TotalRevenus", "2026Q1"));
      expect(first.message).toBe("Unknown metric 'TotalRevenus'. Did you mean TotalRevenues?");
      expect(second.message).toBe(first.message);
      expect(second.key).toBe("metricUnknown");
      expect(lookup).toHaveBeenCalledTimes(1);
      expect(search).toHaveBeenCalledTimes(1);
    } finally {
      lookup.mockRestore();
      search.mockRestore();
    }
  });

  test("for KC.MARGIN and KC.GROWTH too", () => {
    const engine = fresh();
    const resolve = jest.spyOn(engine.index, "resolve");
    for (let i = 0; i < 3; i++) {
      expect(caught(() => engine.excel.margin("GrossProfitt", "2026Q1")).key).toBe("metricUnknown");
      expect(caught(() => engine.excel.growth("NetLoss", "2025Q4")).key).toBe("growthNoBase");
    }
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  test("a call with overrides is never cached (the scenario can change)", () => {
    const engine = fresh();
    const resolve = jest.spyOn(engine.index, "resolve");
    for (let i = 0; i < 2; i++) caught(() => engine.excel.metric("TotalRevenus", "2026Q1", null, null, [["TotalRevenues", 1]]));
    // The metric and the override's name, on each call (the name index answers the second from its own cache).
    expect(resolve).toHaveBeenCalledTimes(2);
  });
});

describe("KC.METRIC keeps by its arguments only calls typed in canonical form", () => {
  test("a period spelled otherwise, a label or a date gives the same figure from the readers' caches, and is not kept", () => {
    const engine = fresh();
    const set = jest.spyOn((engine.excel as unknown as { metricResults: ResultsCache<number> }).metricResults, "set");
    try {
      for (let pass = 0; pass < 2; pass++) {
        expect(engine.excel.metric("AdjustedEBITDA", "Q1 2026")).toBe(747506);
        expect(engine.excel.metric("Adjusted EBITDA", "2026Q1")).toBe(747506);
        expect(engine.excel.metric("AdjustedEBITDA", 46112)).toBe(747506); // 2026-03-31 as a date serial
        expect(engine.excel.metric("TotalAssets", "2026Q1", "rmb", "Millions")).toBe(28456.254);
      }
      expect(set).not.toHaveBeenCalled();
      expect(engine.excel.metric("AdjustedEBITDA", "2026Q1")).toBe(747506);
      expect(engine.excel.metric("TotalAssets", "2026Q1", "RMB", "millions")).toBe(28456.254);
      expect(set.mock.calls.map((c) => c.slice(0, 4))).toEqual([["AdjustedEBITDA", "2026Q1", undefined, undefined], ["TotalAssets", "2026Q1", "RMB", "millions"]]);
    } finally {
      set.mockRestore();
    }
  });
});

describe("caches are bounded by entries and by bytes", () => {
  test("the results cache clears itself before its keys pass the byte bound", () => {
    const cache = new ResultsCache<number>(1_000_000, 100_000);
    const key = "k".repeat(200);
    let most = 0;
    for (let i = 0; i < 2_000; i++) {
      cache.set(`${i}${key}`, "2026Q1", null, null, i);
      most = Math.max(most, cache.estimatedBytes);
    }
    expect(most).toBeLessThanOrEqual(100_000);
    expect(cache.size).toBeGreaterThan(0);
    expect(cache.size).toBeLessThan(2_000);
    expect(cache.get(`1999${key}`, "2026Q1", null, null)).toBe(1999);
  });

  test("the name index's cache too", () => {
    const cache = new BoundedCache<string, number>(1_000_000, 50_000);
    for (let i = 0; i < 1_000; i++) {
      cache.set(`${i}`.padEnd(255, "x"), i);
      expect(cache.estimatedBytes).toBeLessThanOrEqual(50_000);
    }
    expect(cache.get("999".padEnd(255, "x"))).toBe(999);
  });

  test("and by entries", () => {
    const cache = new BoundedCache<number, number>(3, Infinity);
    [1, 2, 3, 4].forEach((n) => cache.set(n, n));
    expect([cache.size, cache.get(1), cache.get(4)]).toEqual([1, undefined, 4]);
  });
});

// A whole column (D:D) on both hosts: blank-cells.test.ts.
describe("a periods range is read to its last row in use", () => {
  const column = (rows: number, filled: Record<number, unknown>): unknown[][] => Array.from({ length: rows }, (_, i) => [filled[i] ?? null]);

  test("blank cells between periods are skipped; blanks are null or empty text", () => {
    const { excel } = fresh();
    expect(excel.statement("IS", column(1000, { 0: "2025Q1", 5: "", 9: "2026Q1" }) as never)[0].slice(1)).toEqual(["2025Q1", "2026Q1"]);
  });

  test("rows in use, found from the end", () => {
    expect(rowsInUse([])).toBe(0);
    expect(rowsInUse([[null], [""], [undefined]])).toBe(0);
    expect(rowsInUse([["a"], [null], [null, "b"], [null, null]])).toBe(3);
    expect(rowsInUse([["a"], "b", null])).toBe(2);
  });
});

describe("an overrides range's problems name the row", () => {
  const metric = (overrides: unknown[][]) => caught(() => fresh().excel.metric("GrossProfit", "2026Q1", null, null, overrides as never));

  test.each([
    ["a typo", [["CostOfRevenues", -2400000], ["", ""], ["TotalRevenus", 3000000]], "overrideRow", "Overrides row 3: unknown metric 'TotalRevenus'. Did you mean TotalRevenues?"],
    ["a metric beside a blank value", [["TotalRevenues", 3000000], ["CostOfRevenues", null]], "overrideValueBlank", "Overrides row 2: CostOfRevenues has no value. Type its value, or clear the metric cell to remove the override (desktop Excel reads a cleared value cell as 0, an override of 0)."],
    ["a number for a name", [["TotalRevenues", 3000000], [42, 5]], "overrideNameNotText", "Overrides row 2: the metric must be a name such as TotalRevenues, not 42."],
    ["TRUE for a name", [[true, 5]], "overrideNameNotText", "Overrides row 1: the metric must be a name such as TotalRevenues, not TRUE."],
    ["a name too long", [["x".repeat(300), 5]], "overrideRow", "Overrides row 1: metric name is too long (more than 255 characters). Type an id such as TotalRevenues."],
  ])("%s", (_, overrides, key, message) => {
    const error = metric(overrides as unknown[][]);
    expect([error.key, error.message]).toEqual([key, message]);
  });

  test("a row of spaces and a blank value is a blank row", () => {
    expect(fresh().excel.metric("GrossProfit", "2026Q1", null, null, [["  ", null], ["TotalRevenues", 3000000]])).toBe(3000000 - 2357984);
  });

  test("more than 10,000 rows: refused, saying why", () => {
    const error = metric(Array.from({ length: 10_001 }, () => ["", ""]));
    expect(error.key).toBe("overridesTooManyRows");
    expect(error.message).toMatch(/^Overrides range refused: it has 10001 rows, more than the 10000 an overrides range may have \(a scenario needs a few\)\./);
  });
});

describe("messages cut what was typed by whole characters (one helper: quote)", () => {
  test("25 emoji as a metric name are quoted whole", () => {
    const typed = "😀".repeat(25);
    const error = caught(() => fresh().excel.metric(typed, "2026Q1"));
    expect(error.message).toContain(`'${typed}'`);
    expect(error.message).not.toMatch(LONE_SURROGATE);
  });

  test("60 emoji are cut after 37, never inside a pair", () => {
    const error = caught(() => fresh().excel.metric("😀".repeat(60), "2026Q1"));
    expect(error.message).toContain(`'${"😀".repeat(37)}...'`);
    expect(error.message).not.toMatch(LONE_SURROGATE);
  });

  test.each([
    ["a currency", (t: string) => fresh().excel.metric("TotalRevenues", "2026Q1", t)],
    ["a period", (t: string) => fresh().excel.metric("TotalRevenues", t)],
    ["an override's name", (t: string) => fresh().excel.metric("GrossProfit", "2026Q1", null, null, [[t, 1]])],
    ["an override's value", (t: string) => fresh().excel.metric("GrossProfit", "2026Q1", null, null, [["TotalRevenues", t]])],
  ])("%s of emoji", (_, call) => {
    expect(caught(() => call("😀".repeat(16))).message).not.toMatch(LONE_SURROGATE);
    expect(caught(() => call("a😀".repeat(15))).message).not.toMatch(LONE_SURROGATE);
  });

  test("quote: one line, at most 40 characters, by code points", () => {
    expect(quote("a\nb\tc")).toBe("a b c");
    expect(quote("😀".repeat(41))).toBe(`${"😀".repeat(37)}...`);
    expect(quote("x".repeat(10_000_000)).length).toBe(40);
    expect(quote(12.5)).toBe("12.5");
  });
});
