/**
 * The custom functions as Excel calls them (src/functions/functions.ts), with a stub of Excel's CustomFunctions
 * global: optional arguments as null, ranges as 2-D arrays, errors as CustomFunctions.Error with Excel's codes and the
 * core's message, and nothing else ever escaping. Expected figures are from the filing (line numbers in
 * src/data/sources/kingsoft-cloud-2026q1-press-release.txt).
 */
import { functionsEngine } from "../../src/functions/runtime";
import { UNEXPECTED_MESSAGE } from "../../src/functions/adapter";

/** Excel's CustomFunctions global, as far as the functions use it. */
class StubError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}
(globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
  Error: StubError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  associate: () => undefined,
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- after the stub is in place, as in Excel
const kc = require("../../src/functions/functions") as typeof import("../../src/functions/functions");

/** What a call threw, or fails the test if it returned. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

afterEach(() => jest.restoreAllMocks());

describe("figures, with optional arguments omitted (null)", () => {
  test.each([
    // metric, period, expected, filing line
    ["AdjustedEBITDA", "2026Q1", 747506, 305],
    ["AdjustedEBITDA", "2025Q4", 785248, 305],
    ["AdjustedEBITDA", "2025Q1", 318543, 305],
    ["TotalRevenues", "2026Q1", 2703732, 233],
    ["CostOfRevenues", "2026Q1", -2357984, 234],
    ["GrossProfit", "2026Q1", 345748, 235],
    ["NetLoss", "2026Q1", -343720, 249],
    ["AdjustedNetLoss", "2025Q4", -94632, 299],
  ])("KC.METRIC(%s, %s) = %d (line %d)", (metric, period, expected) => {
    expect(kc.metric(metric, period, null as never, null as never, null as never)).toBe(expected);
  });

  test("currency and scale: TotalRevenues 2026Q1 in US$ millions is 391.959 (line 233, US$ column)", () => {
    expect(kc.metric("TotalRevenues", "2026Q1", "USD", "millions", null as never)).toBe(391.959);
  });

  test("overrides (a range) flow through every dependent subtotal", () => {
    expect(kc.metric("GrossProfit", "2026Q1", null as never, null as never, [["TotalRevenues", 3000000]])).toBe(3000000 - 2357984);
    // Adjusted EBITDA moves one for one with gross profit down the bridge (lines 235, 305).
    expect(kc.metric("AdjustedEBITDA", "2026Q1", null as never, null as never, [["TotalRevenues", 3000000]])).toBe(747506 + (3000000 - 2703732));
  });

  test("KC.MARGIN and KC.GROWTH default to TotalRevenues and YoY", () => {
    expect(kc.margin("GrossProfit", "2026Q1", null as never, null as never)).toBeCloseTo(345748 / 2703732, 14);
    expect(kc.growth("TotalRevenues", "2026Q1", null as never, null as never)).toBeCloseTo(2703732 / 1969977 - 1, 14);
    expect(kc.growth("TotalRevenues", "2026Q1", "QoQ", null as never)).toBeCloseTo(2703732 / 2761387 - 1, 14);
    expect(kc.growth("NetLoss", "2026Q1", null as never, [["TotalRevenues", 3000000], ["CostOfRevenues", -2400000]])).toBeCloseTo(
      (-343720 + (3000000 - 2703732) + (-2400000 + 2357984)) / -316110 - 1,
      14,
    );
  });

  test("KC.REPORTED is the printed figure: GrossMargin 12.8% (line 283), net loss per share (0.08) (line 253)", () => {
    expect(kc.reported("GrossMargin", "2026Q1", null as never)).toBe(0.128);
    expect(kc.reported("NetLossPerShare", "2026Q1", null as never)).toBe(-0.08);
  });

  test("KC.SOURCE names the line of the filing", () => {
    expect(kc.source("NetLoss", "2026Q1", null as never)).toMatch(/line 249/);
  });

  test("KC.STATEMENT accepts one period as a one-cell range, and spills a rectangular table", () => {
    const table = kc.statement("IS", [["2026Q1"]], null as never, null as never);
    expect(table[0][1]).toBe("2026Q1");
    expect(table.find((row) => row[0] === "Total revenues")).toEqual(["Total revenues", 2703732]);
    expect(table.find((row) => row[0] === "Gross profit")).toEqual(["Gross profit", 345748]);
    expect(new Set(table.map((row) => row.length))).toEqual(new Set([2]));
  });

  test("KC.SERIES, KC.PERIODS, KC.METRICS, KC.CHECKS spill tables", () => {
    expect(kc.series("AdjustedEBITDA", null as never, null as never).slice(1)).toEqual([
      ["2025Q1", 318543],
      ["2025Q4", 785248],
      ["2026Q1", 747506],
    ]);
    expect(kc.periods(null as never)).toEqual([["2025Q1"], ["2025Q4"], ["2026Q1"]]);
    expect(kc.metrics(null as never, "ebitda").some((row) => row[0] === "AdjustedEBITDA")).toBe(true);
    const checks = kc.checks();
    expect(checks[0]).toEqual(["Identity", "Period", "Printed", "Recomputed", "Status"]);
    expect(checks.length).toBeGreaterThan(1);
  });
});

describe("errors", () => {
  test("an unknown metric is #VALUE! with what to type instead", () => {
    const error = thrown(() => kc.metric("AdjEBTDA", "2026Q1", null as never, null as never, null as never));
    expect(error).toBeInstanceOf(StubError);
    expect(error).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("AdjustedEBITDA") });
  });

  test.each([
    ["a malformed period", () => kc.metric("TotalRevenues", "2026Q5", null as never, null as never, null as never)],
    ["a bad currency", () => kc.metric("TotalRevenues", "2026Q1", "EUR", null as never, null as never)],
    ["a bad scale", () => kc.metric("TotalRevenues", "2026Q1", null as never, "dozens", null as never)],
    ["a bad overrides range", () => kc.metric("GrossProfit", "2026Q1", null as never, null as never, [["TotalRevenues", "lots"]])],
    ["a bad growth basis", () => kc.growth("TotalRevenues", "2026Q1", "monthly", null as never)],
    ["an unknown statement", () => kc.statement("PNL", null as never, null as never, null as never)],
  ])("%s is #VALUE! with a message", (_what, call) => {
    expect(thrown(call)).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/\S/) });
  });

  test.each([
    ["a period the filing does not have", () => kc.metric("TotalRevenues", "2024Q1", null as never, null as never, null as never)],
    ["YoY growth without the year-earlier quarter", () => kc.growth("NetLoss", "2025Q4", null as never, null as never)],
  ])("%s is #N/A with a message", (_what, call) => {
    expect(thrown(call)).toMatchObject({ code: "#N/A", message: expect.stringMatching(/\S/) });
  });

  test("any other exception from the core becomes #VALUE! with a generic message, never escapes", () => {
    jest.spyOn(functionsEngine().excel, "metric").mockImplementation(() => {
      throw new TypeError("boom");
    });
    expect(thrown(() => kc.metric("TotalRevenues", "2026Q1", null as never, null as never, null as never))).toEqual(new StubError("#VALUE!", UNEXPECTED_MESSAGE));
    jest.spyOn(functionsEngine().excel, "statement").mockImplementation(() => {
      throw "not even an Error";
    });
    expect(thrown(() => kc.statement("IS", null as never, null as never, null as never))).toEqual(new StubError("#VALUE!", UNEXPECTED_MESSAGE));
  });

  test("a result of the wrong type never reaches Excel", () => {
    jest.spyOn(functionsEngine().excel, "metric").mockReturnValue(NaN);
    expect(thrown(() => kc.metric("TotalRevenues", "2026Q1", null as never, null as never, null as never))).toMatchObject({ code: "#VALUE!" });
    jest.spyOn(functionsEngine().excel, "source").mockReturnValue(42 as never);
    expect(thrown(() => kc.source("NetLoss", "2026Q1", null as never))).toMatchObject({ code: "#VALUE!" });
    jest.spyOn(functionsEngine().excel, "periods").mockReturnValue([["2025Q1"], ["2025Q4", "extra"]]);
    expect(thrown(() => kc.periods(null as never))).toMatchObject({ code: "#VALUE!" });
  });
});
