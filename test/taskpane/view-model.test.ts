/** The task pane's data, from the core: search groups, a metric across periods, the source table around a figure. */
import { formatValue } from "../../src/core";
import { FILING_TEXT } from "../../src/data/filing.generated";
import { formatGrowth, metricDetail, metricFormula, searchMetrics, sourceView } from "../../src/taskpane/view-model";
import { engine } from "../helpers/engine";

describe("searchMetrics", () => {
  test("'ebitda' finds the EBITDA measures, grouped under the non-GAAP reconciliation", () => {
    const groups = searchMetrics(engine, "ebitda");
    expect(groups.map((g) => g.name)).toEqual(["Non-GAAP reconciliation"]);
    expect(groups[0].metrics.map((m) => m.id)).toContain("AdjustedEBITDA");
  });

  test("matches ids, labels and aliases without case or punctuation; groups keep the catalog's statement order", () => {
    expect(searchMetrics(engine, "ADJUSTED-ebitda")[0].metrics[0].id).toBe("AdjustedEBITDA");
    const all = searchMetrics(engine, "revenue");
    expect(all.length).toBeGreaterThan(1);
    expect(new Set(all.map((g) => g.statement)).size).toBe(all.length);
    expect(searchMetrics(engine, "zzzz-no-such-metric")).toEqual([]);
  });
});

describe("metricDetail", () => {
  test("AdjustedEBITDA: 747,506 in 2026Q1 recomputed and printed, newest first, with growth", () => {
    const d = metricDetail(engine, "AdjustedEBITDA", "RMB");
    expect(d.unitLabel).toMatch(/RMB thousands/);
    expect(d.formula).toMatch(/AdjustedNetLoss/);
    expect(d.periods[0]).toMatchObject({ period: "2026Q1", value: 747506, printed: 747506 });
    expect(d.periods[0].yoy).toBeCloseTo(747506 / 318543 - 1, 12);
    expect(d.periods[0].qoq).toBeCloseTo(747506 / 785248 - 1, 12);
  });

  test("in US$ the printed 2026Q1 column is 108,365", () => {
    const d = metricDetail(engine, "AdjustedEBITDA", "USD");
    expect(d.periods[0]).toMatchObject({ period: "2026Q1", printed: 108365 });
  });
});

describe("sourceView", () => {
  test("AdjustedEBITDA 2026Q1: the reconciliation table, line 305, the third figure column", () => {
    const v = sourceView(engine, FILING_TEXT, "AdjustedEBITDA", "2026Q1", "RMB");
    expect(v.description).toMatch(/line 305: 747,506/);
    expect(v.table).toMatchObject({ title: "RECONCILIATION OF GAAP AND NON-GAAP RESULTS", line: 305, column: 3 });
    const row = v.table!.lines.find((l) => l.line === 305)!;
    expect(row.cells[0]).toBe("Adjusted EBITDA (Non-GAAP Financial Measure)");
    expect(row.cells[3]).toBe("747,506");
    expect(v.table!.lines.flatMap((l) => l.cells).join(" ")).not.toMatch(/<b>|\\\$/);
    expect(sourceView(engine, FILING_TEXT, "AdjustedEBITDA", "2026Q1", "USD").table!.column).toBe(4);
  });
});

describe("formatting", () => {
  test.each([
    [747506, "amount", "747,506"],
    [-343720, "amount", "(343,720)"],
    [0.128, "ratio", "12.8%"],
    [-1.5, "perShare", "(1.50)"],
  ] as const)("%d (%s) shows as %s", (value, unit, text) => expect(formatValue(value, unit)).toBe(text));

  test("growth, formulas and number formats", () => {
    expect(formatGrowth(0.1234)).toBe("+12.3%");
    expect(formatGrowth(-0.04)).toBe("-4.0%");
    expect(formatGrowth(null)).toBe("–");
    expect(metricFormula("AdjustedEBITDA", "2026Q1", "RMB")).toBe('=KC.METRIC("AdjustedEBITDA","2026Q1")');
    expect(metricFormula("AdjustedEBITDA", "2026Q1", "USD")).toBe('=KC.METRIC("AdjustedEBITDA","2026Q1","USD")');
  });
});
