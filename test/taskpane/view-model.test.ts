/** The task pane's data, from the core: search groups, a metric across periods, the source table around a figure. */
import { formatValue } from "../../src/core";
import { FILING_TEXT } from "../../src/data/filing.generated";
import { checksView, formatGrowth, metricDetail, metricFormula, searchMetrics, sourceView, terms, termsText } from "../../src/taskpane/view-model";
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
    const v = sourceView(engine, () => FILING_TEXT, "AdjustedEBITDA", "2026Q1", "RMB");
    expect(v.description).toMatch(/line 305: 747,506/);
    expect(v.table).toMatchObject({ title: "RECONCILIATION OF GAAP AND NON-GAAP RESULTS", line: 305, column: 3 });
    const row = v.table!.lines.find((l) => l.line === 305)!;
    expect(row.cells[0]).toBe("Adjusted EBITDA (Non-GAAP Financial Measure)");
    expect(row.cells[3]).toBe("747,506");
    expect(v.table!.lines.flatMap((l) => l.cells).join(" ")).not.toMatch(/<b>|\\\$/);
    expect(sourceView(engine, () => FILING_TEXT, "AdjustedEBITDA", "2026Q1", "USD").table!.column).toBe(4);
    // Each figure column's header, for choosing another column in a narrow pane.
    expect(v.table!.columns).toEqual(["Three Months Ended Mar 31, 2025 RMB", "Three Months Ended Dec 31, 2025 RMB", "Three Months Ended Mar 31, 2026 RMB", "Three Months Ended Mar 31, 2026 US$"]);
  });
});

describe("formatting", () => {
  test.each([
    [747506, "amount", "747,506"],
    [-343720, "amount", "(343,720)"],
    [0.128, "ratio", "12.8%"],
    [-0.048, "ratio", "(4.8%)"],
    [-1.5, "perShare", "(1.50)"],
  ] as const)("%d (%s) shows as %s", (value, unit, text) => expect(formatValue(value, unit)).toBe(text));

  test("growth, formulas and number formats", () => {
    expect(formatGrowth(0.1234)).toBe("12.3%");
    expect(formatGrowth(-0.04)).toBe("(4.0%)");
    expect(formatGrowth(null)).toBe("–");
    expect(metricFormula("AdjustedEBITDA", "2026Q1", "RMB")).toBe('=KC.METRIC("AdjustedEBITDA","2026Q1")');
    expect(metricFormula("AdjustedEBITDA", "2026Q1", "USD")).toBe('=KC.METRIC("AdjustedEBITDA","2026Q1","USD")');
  });
});

describe("labels for ids", () => {
  test("a definition reads in printed labels, each with its id", () => {
    const t = terms(engine, engine.metric("GrossMargin").formula!);
    expect(t).toEqual([{ id: "GrossProfit", label: "Gross profit", ambiguous: false }, " / ", { id: "TotalRevenues", label: "Total revenues", ambiguous: false }]);
    // The loss per share and the share count both print as "Basic and diluted": the label alone does not say which.
    expect(terms(engine, "NetLossPerShare = NetLossAttributableToShareholders * 1000 / WeightedAverageShares").filter((x) => typeof x !== "string" && x.ambiguous)).toEqual([
      { id: "NetLossPerShare", label: "Basic and diluted", ambiguous: true },
      { id: "WeightedAverageShares", label: "Basic and diluted", ambiguous: true },
    ]);
    expect(termsText(terms(engine, "AccumulatedDeficit - AccumulatedDeficit[-1]"))).toBe("Accumulated deficit − Accumulated deficit (a quarter before)");
    expect(termsText(terms(engine, "AdjustedNetLoss - InterestIncome"))).toBe("Adjusted net loss (Non-GAAP Financial Measure) − Interest income");
  });
});

describe("checksView", () => {
  const view = checksView(engine);
  const find = (ids: string, period: string) => view.all.find((c) => c.ids === ids && c.period === period)!;

  test("259 tie-outs; the filing's own 14 US$ footing differences picked out; nothing fails", () => {
    expect([view.all.length, view.ok, view.noted.length, view.failed.length]).toEqual([259, 245, 14, 0]);
    expect(view.summary).toBe("259 tie-outs: 245 agree exactly or to the printed rounding, 14 are the filing's own inconsistencies (explained below), none fails.");
  });

  test("total assets in US$: printed 4,125,290, RMB 28,456,254 / 6.8980 = 4,125,290.519; status and gap on one line", () => {
    const c = find("TotalAssets (US$) = TotalAssets (RMB) / 6.8980", "2026Q1");
    expect(termsText(c.identity)).toBe("Total assets (US$) = Total assets (RMB) / 6.8980");
    expect([c.printed, c.recomputed, c.verdict, c.currency]).toEqual(["4,125,290", "4,125,290.519", "noted · 0.519 apart", null]);
  });

  test("negatives in parentheses: net loss in US$ (49,831) printed, RMB (343,720) / 6.8980 = (49,828.936)", () => {
    const c = find("NetLoss (US$) = NetLoss (RMB) / 6.8980", "2026Q1");
    expect([c.printed, c.recomputed, c.verdict]).toEqual(["(49,831)", "(49,828.936)", "noted · 2.064 apart"]);
  });

  test("a margin reads as percentages: gross margin 2025Q1 printed 16.2%, 318,306 / 1,969,977 = 16.158%", () => {
    const c = find("GrossMargin = GrossProfit / TotalRevenues", "2025Q1");
    expect(termsText(c.identity)).toBe("Gross margin = Gross profit / Total revenues");
    expect([c.printed, c.recomputed, c.verdict]).toEqual(["16.2%", "16.158%", "ok · to the printed rounding (3 decimals)"]);
  });

  test("a check of the US$ column that does not say so itself carries a US$ tag", () => {
    const c = find("GrossProfit = TotalRevenues + CostOfRevenues", "2026Q1");
    expect(view.all.filter((x) => x.ids === c.ids && x.period === "2026Q1").map((x) => x.currency)).toEqual([null, "US$"]);
  });
});
