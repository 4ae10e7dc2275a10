/** The task pane's actions that need no workbook: a statement as a formatted table, the model's plan, the checks. */
import { checksView, formulaSource, isKcFormula, modelSheetNames, planModel, statementContent, statementFormula } from "../../src/taskpane/actions";
import { engine } from "../helpers/engine";

describe("statementContent", () => {
  test("the income statement as values: header, the filing's rows, thousands / per-share formats", () => {
    const t = statementContent(engine, "IS", "values", "RMB");
    expect(t.cells[0]).toEqual(["Statement of comprehensive loss (RMB thousands)", "2025Q1", "2025Q4", "2026Q1"]);
    expect(t.cells[2]).toEqual(["Public cloud services", 1353479, 1902378, 1996301]);
    expect([t.rows, t.cols]).toEqual([32, 4]);
    expect(t.formats[2]).toEqual(["General", "#,##0;(#,##0)", "#,##0;(#,##0)", "#,##0;(#,##0)"]);
    const perShare = t.cells.findIndex((r) => /basic and diluted/i.test(String(r[0])));
    expect(t.formats[perShare][3]).toBe("#,##0.00;(#,##0.00)");
    expect(t.formats[0]).toEqual(["General", "General", "General", "General"]);
  });

  test("the bridge's margins are 0.0%; as a formula only the top-left cell holds one, the rest is left for the spill", () => {
    const t = statementContent(engine, "NONGAAP", "formula", "RMB");
    const margin = statementContent(engine, "NONGAAP", "values", "RMB").cells.findIndex((r) => r[0] === "Gross margin");
    expect(t.formats[margin][3]).toBe("0.0%");
    expect(t.cells[0][0]).toBe('=KC.STATEMENT("NONGAAP")');
    expect(t.cells.flat().filter((c) => c !== "")).toEqual(['=KC.STATEMENT("NONGAAP")']);
    expect(statementFormula("BS", "USD")).toBe('=KC.STATEMENT("BS",,"USD")');
    expect(statementContent(engine, "BS", "values", "RMB").cells.find((r) => r[0] === "Total assets")![2]).toBe(28456254);
  });
});

describe("planModel", () => {
  test("sheets named so they collide with none, one suffix for all when any is taken", () => {
    expect(modelSheetNames(["IS", "BS"], ["Sheet1"])).toEqual({ IS: "KC IS", BS: "KC BS" });
    expect(modelSheetNames(["IS", "BS"], ["kc bs"])).toEqual({ IS: "KC IS (2)", BS: "KC BS (2)" });
  });

  test("the export layout on new sheets, KC.METRIC reading the scenario inputs as overrides, a chart of mix and margins", () => {
    const plan = planModel(engine, ["Sheet1"]);
    expect(plan.batch.newSheets).toEqual(["KC About", "KC IS", "KC BS", "KC CF", "KC Non-GAAP", "KC Ratios", "KC Scenario"]);
    expect(plan.homes["GrossProfit|2026Q1"]).toBe("'KC IS'!D11");
    const is = plan.batch.writes.find((w) => w.sheet === "KC IS")!;
    expect(is.cells[10][3]).toBe("=D9+D10"); // gross profit: a native formula over the revenue and cost cells
    expect(plan.scenario.overrides).toBe("'KC Scenario'!B54:C61");
    const block = plan.batch.writes.find((w) => w.sheet === "KC Scenario" && w.row > 0)!;
    const row = block.cells.find((r) => r[1] === "GrossMargin")!;
    expect(row[2]).toBe('=KC.METRIC("GrossMargin","2026Q1",,,$B$54:$C$61)');
    expect(block.cells.find((r) => r[1] === "PublicCloudRevenues")![2]).toBe("=D7");
    expect(plan.chart).toMatchObject({ sheet: "KC Ratios", lines: [2, 3], data: { rows: 4, cols: 5 } });
    expect(plan.batch.charts).toEqual([plan.chart]);
    const scenarioLook = plan.batch.looks!.find((l) => l.sheet === "KC Scenario")!;
    expect(scenarioLook.inputs).toEqual(["D7", "D8", "D9", "D10", "D11", "D12", "D13", "D14"]);
    expect(scenarioLook.freeze).toEqual({ rows: 5, cols: 1 });
    expect(plan.batch.looks!.find((l) => l.sheet === "KC IS")!.bold).toContain("A11"); // gross profit, a total
  });
});

describe("freeze helpers", () => {
  test("which formulas are KC formulas, and the filing line of a literal KC.METRIC", () => {
    expect(isKcFormula('=KC.METRIC("AdjustedEBITDA","2026Q1")')).toBe(true);
    expect(isKcFormula('=1+kc.statement("IS")')).toBe(true);
    expect(isKcFormula("=SUM(A1:A3)")).toBe(false);
    expect(isKcFormula("=XKC.METRIC(1)")).toBe(false);
    expect(isKcFormula("KC.METRIC(1)")).toBe(false);
    expect(formulaSource(engine, '=KC.METRIC("AdjustedEBITDA","2026Q1")')).toMatch(/line 305: 747,506/);
    expect(formulaSource(engine, '=KC.METRIC("AdjustedEBITDA",A4)')).toBe("");
  });
});

describe("checksView", () => {
  test("the filing's own US$ footing differences are called out as noted; nothing fails", () => {
    const v = checksView(engine);
    expect(v.rows.length).toBe(259);
    expect(v.failed).toEqual([]);
    expect(v.noted.length).toBe(14);
    expect(v.noted.every((r) => /\[US\$\]$/.test(r.identity) && /footed in US\$/.test(r.note))).toBe(true);
    const assets = v.noted.find((r) => r.identity.startsWith("TotalAssets (US$)"))!;
    expect(assets).toMatchObject({ period: "2026Q1", printed: 4125290 });
    expect(v.summary).toBe("259 tie-outs: 245 agree exactly or to the printed rounding, 14 are the filing's own inconsistencies (noted below), none fails.");
  });
});
