/** The task pane's actions, the parts that need no workbook: a statement as a formatted table, the model's plan, which formulas Freeze takes. */
import { modelSheetNames, planModel } from "../../src/taskpane/actions/build-model";
import { formulaSource, kcKind } from "../../src/taskpane/actions/freeze";
import { statementContent, statementFormula } from "../../src/taskpane/actions/insert";
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
    expect(plan.chart).toMatchObject({ sheet: "KC Ratios", lines: [2, 3], data: { rows: 4, cols: 5 }, axisFormats: { primary: "#,##0;(#,##0)", secondary: "0%" } });
    // Built, it shows the scenario with its first yellow input selected.
    expect([plan.batch.activate, plan.batch.select, plan.scenario.inputRange]).toEqual(["KC Scenario", "D7", "D7:D14"]);
    expect(plan.batch.charts).toEqual([plan.chart]);
    const scenarioLook = plan.batch.looks!.find((l) => l.sheet === "KC Scenario")!;
    expect(scenarioLook.inputs).toEqual(["D7", "D8", "D9", "D10", "D11", "D12", "D13", "D14"]);
    expect(scenarioLook.freeze).toEqual({ rows: 5, cols: 1 });
    expect(plan.batch.looks!.find((l) => l.sheet === "KC IS")!.bold).toContain("A11"); // gross profit, a total
  });
});

describe("which formulas Freeze takes", () => {
  test.each([
    ['=KC.METRIC("AdjustedEBITDA","2026Q1")', "whole"],
    ['=kc.statement("IS")', "whole"],
    ['=KC.METRIC("AdjustedEBITDA",A4)', "whole"],
    ['=D1*KC.METRIC("TotalRevenues","2026Q1")', "mixed"],
    ['=IF(D1>0,KC.MARGIN("GrossProfit","2026Q1"),D1)', "mixed"],
    ['=1+kc.statement("IS")', "mixed"],
    ['="see KC.METRIC(" & D1 & ")"', null],
    ["=SUM(A1:A3)", null],
    ["=XKC.METRIC(1)", null],
    ["KC.METRIC(1)", null],
    [747506, null],
  ] as const)("%s: %s", (formula, kind) => expect(kcKind(formula)).toBe(kind));

  test("the filing line of a literal KC.METRIC; none for a reference", () => {
    expect(formulaSource(engine, '=KC.METRIC("AdjustedEBITDA","2026Q1")')).toMatch(/line 305: 747,506/);
    expect(formulaSource(engine, '=KC.METRIC("AdjustedEBITDA",A4)')).toBe("");
  });
});
