/**
 * Proof in a real formula engine (HyperFormula) that an analyst's model built from KC formulas recomputes: every KC
 * function from functions.json is registered with the very functions the add-in associates; a period cell, an
 * overrides range and ordinary formulas drive METRIC / MARGIN / GROWTH cells and a STATEMENT spill, and changing an
 * input recomputes every dependent to the filing's figures (line numbers in
 * src/data/sources/kingsoft-cloud-2026q1-press-release.txt).
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import golden from "../../src/dev/functions.json";
import { kcEngine } from "../../src/dev/hyperformula-kc";

// The filing (RMB thousands): 2025Q1, 2025Q4, 2026Q1.
const TOTAL_REVENUES = { "2025Q1": 1969977, "2025Q4": 2761387, "2026Q1": 2703732 }; // line 233
const COST_OF_REVENUES = { "2025Q1": -1651671, "2025Q4": -2296037, "2026Q1": -2357984 }; // line 234
const GROSS_PROFIT = { "2025Q1": 318306, "2025Q4": 465350, "2026Q1": 345748 }; // line 235
const ADJUSTED_EBITDA = { "2025Q1": 318543, "2025Q4": 785248, "2026Q1": 747506 }; // line 305
type Period = keyof typeof TOTAL_REVENUES;

let hf: HyperFormula;
let sheet: number;
const at = (a1: string) => {
  const address = hf.simpleCellAddressFromString(a1, sheet);
  if (!address) throw new Error(`bad address ${a1}`);
  return address;
};
const value = (a1: string) => hf.getCellValue(at(a1));
const set = (a1: string, content: unknown) => hf.setCellContents(at(a1), [[content as never]]);
/** The spilled row whose first cell is this label. */
const spillRow = (label: string) => (hf.getSheetValues(sheet).slice(12) as unknown[][]).find((row) => row[0] === label);

beforeAll(async () => {
  hf = kcEngine();
  hf.updateConfig({ smartRounding: false }); // compare exact doubles, not display-rounded ones
  sheet = hf.getSheetId(hf.addSheet("Model"))!;
  // Inputs first (the period cell and an empty overrides range), as an analyst would.
  hf.setSheetContent(sheet, [
    ["Period", "2026Q1", null, null, null],
    [null, null, null, null, null],
  ]);
  const model: [string, string][] = [
    ["B3", '=KC.METRIC("AdjustedEBITDA",B1)'],
    ["B4", '=KC.METRIC("GrossProfit",B1,,,D1:E2)'],
    ["B5", '=KC.MARGIN("GrossProfit",B1,,D1:E2)'],
    ["B6", '=KC.GROWTH("TotalRevenues",B1)'],
    ["B7", '=KC.METRIC("AdjustedEBITDA",B1,,,D1:E2)'],
    ["B8", '=KC.METRIC("TotalRevenues",B1,,,D1:E2)-B4'],
    ["B9", '=B3/KC.METRIC("TotalRevenues",B1)'],
    ["B10", '=KC.METRIC("AdjEBTDA",B1)'],
    ["B11", '=KC.GROWTH("TotalRevenues",B1,"QoQ",D1:E2)'],
    ["B12", '=KC.CHANGE("AdjustedEBITDAMargin",B1,,D1:E2)'],
    ["A13", '=KC.STATEMENT("IS",B1)'],
  ];
  for (const [cell, formula] of model) set(cell, formula);
}, 30_000);

describe("HyperFormula with the KC functions", () => {
  test("every function in functions.json is registered under the KC namespace", () => {
    const names = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const fn of golden.functions) expect(names).toContain(`KC.${fn.name}`);
  });

  test("the model computes the filing's figures for 2026Q1", () => {
    expect(value("B3")).toBe(ADJUSTED_EBITDA["2026Q1"]);
    expect(value("B4")).toBe(GROSS_PROFIT["2026Q1"]);
    expect(value("B4")).toBe(TOTAL_REVENUES["2026Q1"] + COST_OF_REVENUES["2026Q1"]);
    expect(value("B5")).toBeCloseTo(GROSS_PROFIT["2026Q1"] / TOTAL_REVENUES["2026Q1"], 14);
    expect(value("B6")).toBeCloseTo(TOTAL_REVENUES["2026Q1"] / TOTAL_REVENUES["2025Q1"] - 1, 14);
    expect(value("B8")).toBe(-COST_OF_REVENUES["2026Q1"]);
    expect(value("B9")).toBeCloseTo(ADJUSTED_EBITDA["2026Q1"] / TOTAL_REVENUES["2026Q1"], 14);
    expect(value("B11")).toBeCloseTo(TOTAL_REVENUES["2026Q1"] / TOTAL_REVENUES["2025Q4"] - 1, 14);
    // The change of a margin, in fractions: 747,506 / 2,703,732 - 318,543 / 1,969,977 (lines 233, 305).
    expect(value("B12")).toBeCloseTo(ADJUSTED_EBITDA["2026Q1"] / TOTAL_REVENUES["2026Q1"] - ADJUSTED_EBITDA["2025Q1"] / TOTAL_REVENUES["2025Q1"], 14);
    expect(value("A13")).toBe("Statement of comprehensive loss (RMB thousands)");
    expect(value("B13")).toBe("2026Q1");
    expect(spillRow("Total revenues")).toEqual(["Total revenues", TOTAL_REVENUES["2026Q1"]]);
    expect(spillRow("Gross profit")).toEqual(["Gross profit", GROSS_PROFIT["2026Q1"]]);
  });

  test("errors show as engine errors with the function's message", () => {
    const unknown = value("B10") as DetailedCellError;
    expect(unknown).toBeInstanceOf(DetailedCellError);
    expect(unknown.value).toBe("#VALUE!");
    expect(unknown.message).toContain("Did you mean AdjustedEBITDA");
  });

  test.each<[Period]>([["2025Q4"], ["2025Q1"], ["2026Q1"]])("changing the period cell to %s recomputes every dependent", (period) => {
    set("B1", period);
    expect(value("B3")).toBe(ADJUSTED_EBITDA[period]);
    expect(value("B4")).toBe(GROSS_PROFIT[period]);
    expect(value("B5")).toBeCloseTo(GROSS_PROFIT[period] / TOTAL_REVENUES[period], 14);
    expect(value("B8")).toBe(-COST_OF_REVENUES[period]);
    expect(value("B9")).toBeCloseTo(ADJUSTED_EBITDA[period] / TOTAL_REVENUES[period], 14);
    expect(value("B13")).toBe(period);
    expect(spillRow("Total revenues")).toEqual(["Total revenues", TOTAL_REVENUES[period]]);
    expect(spillRow("Gross profit")).toEqual(["Gross profit", GROSS_PROFIT[period]]);
    if (period === "2026Q1") {
      expect(value("B6")).toBeCloseTo(TOTAL_REVENUES["2026Q1"] / TOTAL_REVENUES["2025Q1"] - 1, 14);
    } else {
      // The filing has no quarter a year before 2025Q4 or 2025Q1: #N/A, saying which period is missing.
      expect(value("B6")).toMatchObject({ value: "#N/A", message: expect.stringContaining(period === "2025Q4" ? "2024Q4" : "2024Q1") });
    }
  });

  test("a value typed into the overrides range recomputes the scenario through the bridge", () => {
    set("B1", "2026Q1");
    set("D1", "TotalRevenues");
    set("E1", 3000000);
    expect(value("B4")).toBe(3000000 - 2357984); // 642016
    expect(value("B5")).toBeCloseTo((3000000 - 2357984) / 3000000, 14);
    expect(value("B7")).toBe(ADJUSTED_EBITDA["2026Q1"] + (3000000 - TOTAL_REVENUES["2026Q1"])); // 1043774
    expect(value("B8")).toBe(2357984);
    expect(value("B11")).toBeCloseTo(3000000 / TOTAL_REVENUES["2025Q4"] - 1, 14);
    expect(value("B12")).toBeCloseTo((ADJUSTED_EBITDA["2026Q1"] + 3000000 - TOTAL_REVENUES["2026Q1"]) / 3000000 - ADJUSTED_EBITDA["2025Q1"] / TOTAL_REVENUES["2025Q1"], 14);
    // Cells without the overrides range keep the filing's figures.
    expect(value("B3")).toBe(ADJUSTED_EBITDA["2026Q1"]);
    expect(value("B9")).toBeCloseTo(ADJUSTED_EBITDA["2026Q1"] / TOTAL_REVENUES["2026Q1"], 14);

    set("D2", "CostOfRevenues");
    set("E2", -2400000);
    expect(value("B4")).toBe(3000000 - 2400000);
    expect(value("B7")).toBe(ADJUSTED_EBITDA["2026Q1"] + (3000000 - TOTAL_REVENUES["2026Q1"]) + (-2400000 - COST_OF_REVENUES["2026Q1"]));

    set("E1", 2800000); // editing one override value
    expect(value("B4")).toBe(2800000 - 2400000);
    expect(value("B5")).toBeCloseTo(400000 / 2800000, 14);

    set("D1", "TotalRevnues"); // a typo in the range: #VALUE! that names the metric
    expect(value("B4")).toMatchObject({ value: "#VALUE!", message: expect.stringContaining("TotalRevenues") });
    set("D1", "GrossMargin"); // a margin typed as an input: refused, never a silently unchanged gross profit
    expect(value("B4")).toMatchObject({ value: "#VALUE!", message: expect.stringContaining("override GrossProfit or TotalRevenues") });
    set("D1", "CostOfRevenues"); // with cost of revenues also in row 2: one metric overridden twice
    expect(value("B4")).toMatchObject({ value: "#VALUE!", message: expect.stringContaining("overridden twice") });

    for (const cell of ["D1", "E1", "D2", "E2"]) set(cell, null); // clearing the range restores the filing
    expect(value("B4")).toBe(GROSS_PROFIT["2026Q1"]);
    expect(value("B7")).toBe(ADJUSTED_EBITDA["2026Q1"]);
  });

  test("the other functions evaluate in cells too", () => {
    set("G1", '=KC.REPORTED("GrossMargin",B1)');
    set("G2", '=KC.SOURCE("NetLoss",B1)');
    set("G3", '=KC.METRIC("TotalRevenues",B1,"USD","millions")');
    set("H1", "=KC.PERIODS()");
    set("I1", '=KC.SERIES("AdjustedEBITDA")');
    set("L1", '=KC.METRICS("NONGAAP","ebitda")');
    set("Q1", "=KC.CHECKS()");
    expect(value("G1")).toBe(0.128); // line 283
    expect(value("G2")).toMatch(/line 249/);
    expect(value("G3")).toBe(391.959); // line 233, US$ column
    expect([value("H1"), value("H2"), value("H3")]).toEqual(["2025Q1", "2025Q4", "2026Q1"]);
    expect([value("I2"), value("J2"), value("I4"), value("J4")]).toEqual(["2025Q1", ADJUSTED_EBITDA["2025Q1"], "2026Q1", ADJUSTED_EBITDA["2026Q1"]]);
    expect(value("L1")).toBe("Id");
    expect(value("Q1")).toBe("Identity");
  });
});
