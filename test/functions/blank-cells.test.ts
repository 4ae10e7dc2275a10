/**
 * Every KC function with empty cells among its arguments, in a real formula engine (HyperFormula through the bridge),
 * as Excel on the web passes them (null) and as desktop Excel does (0 in an `any` argument or range; office-js issues
 * 4702, 5262, 1951). The designs that make the two hosts agree: a blank option cell is the default; a blank metric
 * cell turns its overrides row off whatever its value; a periods range skips its blank cells. Where the hosts cannot
 * agree (a cleared value cell beside a metric: null on the web, 0 on desktop), the web refuses the row, saying that
 * desktop reads it as 0. Figures from the filing, src/data/sources/kingsoft-cloud-2026q1-press-release.txt.
 */
import type { DetailedCellError, HyperFormula } from "hyperformula";
import golden from "../../src/dev/functions.json";
import { BlankCells, kcEngine } from "../../src/dev/hyperformula-kc";

const TOTAL_REVENUES = { "2025Q1": 1969977, "2025Q4": 2761387, "2026Q1": 2703732 }; // line 233
const COST_OF_REVENUES_2026Q1 = -2357984; // line 234
const ADJUSTED_EBITDA = { "2025Q1": 318543, "2025Q4": 785248, "2026Q1": 747506 }; // line 305

/**
 * Inputs on sheet In (A1 a period, B1 and C1 empty; an overrides range E1:F3 with an empty row and a blank metric
 * cell beside a value; E5:F5 a metric beside an empty value; a periods range H1:H4 with empty cells and H5:H20000
 * empty, like the tail of a whole column), then one sheet per formula so that no spill blocks another.
 */
const INPUTS: unknown[][] = [
  ["2026Q1", null, null, null, "TotalRevenues", 3000000, null, "2025Q4"],
  [null, null, null, null, null, null, null, null],
  [null, null, null, null, null, 5, null, "2026Q1"],
  [null, null, null, null, null, null, null, null],
  [null, null, null, null, "CostOfRevenues", null, null, null],
];

const FORMULAS = {
  metric: '=KC.METRIC("GrossProfit",In!A1,In!C1,In!C1,In!E1:F3)',
  metricBlankValue: '=KC.METRIC("GrossProfit",In!A1,,,In!E5:F5)',
  metricBlankPeriod: '=KC.METRIC("GrossProfit",In!B1)',
  margin: '=KC.MARGIN("GrossProfit",In!A1,In!C1,In!E1:F3)',
  growth: '=KC.GROWTH("TotalRevenues",In!A1,In!C1,In!E1:F3)',
  change: '=KC.CHANGE("TotalRevenues",In!A1,In!C1,In!E1:F3)',
  reported: '=KC.REPORTED("GrossMargin",In!A1,In!C1)',
  source: '=KC.SOURCE("NetLoss",In!A1,In!C1)',
  statement: '=KC.STATEMENT("IS",In!H1:H4,In!C1,In!C1)',
  statementLongColumn: '=KC.STATEMENT("IS",In!H1:H20000)',
  statementBlankPeriods: '=KC.STATEMENT("IS",In!B1:B3)',
  series: '=KC.SERIES("AdjustedEBITDA",In!C1,In!C1)',
  metrics: "=KC.METRICS(In!C1,In!C1)",
  metricsOmitted: "=KC.METRICS()",
  periods: "=KC.PERIODS(In!C1)",
  checks: "=KC.CHECKS()",
} as const;
type Name = keyof typeof FORMULAS;

function build(blanks: BlankCells): { hf: HyperFormula; value: (name: Name, row?: number, col?: number) => unknown; sheet: (name: Name) => unknown[][] } {
  const sheets: Record<string, unknown[][]> = { In: INPUTS };
  for (const name of Object.keys(FORMULAS)) sheets[name] = [[]];
  const hf = kcEngine(sheets, { blanks });
  hf.updateConfig({ smartRounding: false });
  // Inputs first, then the formulas, as an analyst would (a spill is sized when entered).
  for (const [name, formula] of Object.entries(FORMULAS)) hf.setCellContents({ sheet: hf.getSheetId(name)!, row: 0, col: 0 }, [[formula]]);
  return {
    hf,
    value: (name, row = 0, col = 0) => hf.getCellValue({ sheet: hf.getSheetId(name)!, row, col }),
    sheet: (name) => hf.getSheetValues(hf.getSheetId(name)!) as unknown[][],
  };
}

describe.each<[BlankCells]>([["web"], ["desktop"]])("empty cells as Excel %s passes them", (blanks) => {
  const { value, sheet } = build(blanks);
  const statementRow = (name: Name, label: string) => sheet(name).find((row) => row[0] === label);

  test("every function in functions.json is exercised here", () => {
    const used = new Set(Object.values(FORMULAS).map((f) => /^=KC\.([A-Z]+)\(/.exec(f)![1]));
    expect([...used].sort()).toEqual(golden.functions.map((f) => f.name).sort());
  });

  test("KC.METRIC: blank option cells are the defaults; an empty row and a blank metric cell beside a value are skipped", () => {
    expect(value("metric")).toBe(3000000 + COST_OF_REVENUES_2026Q1); // 642016
  });

  test("KC.MARGIN, KC.GROWTH, KC.CHANGE read the same overrides range alike", () => {
    expect(value("margin")).toBeCloseTo((3000000 + COST_OF_REVENUES_2026Q1) / 3000000, 14);
    expect(value("growth")).toBeCloseTo(3000000 / TOTAL_REVENUES["2025Q1"] - 1, 14); // YoY, the default
    expect(value("change")).toBe(3000000 - TOTAL_REVENUES["2025Q1"]); // 1030023
  });

  test("KC.REPORTED and KC.SOURCE: a blank currency cell is RMB", () => {
    expect(value("reported")).toBe(0.128); // line 283
    expect(value("source")).toMatch(/line 249: \(343,720\)/);
  });

  test("KC.STATEMENT: a periods range skips its blank cells, a long one is read to its last period", () => {
    for (const name of ["statement", "statementLongColumn"] as const) {
      expect(sheet(name)[0].slice(1)).toEqual(["2025Q4", "2026Q1"]);
      expect(statementRow(name, "Total revenues")).toEqual(["Total revenues", TOTAL_REVENUES["2025Q4"], TOTAL_REVENUES["2026Q1"]]);
    }
    // A periods range of blank cells only is every period, as when the argument is left out.
    expect(sheet("statementBlankPeriods")[0].slice(1)).toEqual(["2025Q1", "2025Q4", "2026Q1"]);
  });

  test("KC.SERIES, KC.METRICS, KC.PERIODS: blank option cells are the defaults", () => {
    expect(sheet("series").slice(1).map((row) => row.slice(0, 2))).toEqual(Object.entries(ADJUSTED_EBITDA));
    expect(sheet("metrics")).toEqual(sheet("metricsOmitted"));
    expect(sheet("periods").map((row) => row[0])).toEqual(["2025Q1", "2025Q4", "2026Q1"]);
  });

  test("KC.CHECKS (no arguments) spills its table", () => {
    expect(sheet("checks")[0]).toEqual(["Identity", "Period", "Printed", "Recomputed", "Status"]);
    expect(sheet("checks").filter((row) => row[4] === "FAIL")).toEqual([]);
  });

  test("a blank period cell is #VALUE!, saying what desktop passed", () => {
    const error = value("metricBlankPeriod") as DetailedCellError;
    expect(error.value).toBe("#VALUE!");
    expect(error.message).toMatch(blanks === "web" ? /^Period is missing\./ : /^Period is 0, which is what desktop Excel passes for an empty cell/);
  });

  test("a cleared value cell beside a metric: refused on the web; on desktop it arrives as 0, an override of 0", () => {
    if (blanks === "web") {
      expect(value("metricBlankValue")).toMatchObject({ value: "#VALUE!", message: expect.stringMatching(/^Overrides row 1: CostOfRevenues has no value\. .*clear the metric cell/) });
    } else {
      expect(value("metricBlankValue")).toBe(TOTAL_REVENUES["2026Q1"] + 0); // gross profit with cost of revenues 0
    }
  });
});
