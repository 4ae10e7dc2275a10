import { createHash } from "crypto";
import { readFileSync } from "fs";
import { join } from "path";
import { runChecks } from "../../src/core/checks";
import { DATASET } from "../../src/data/dataset.generated";
import { ImportError } from "../../src/core/messages";
import { importFiling } from "../../src/core/importer";
import { Model } from "../../src/core/model";
import { FILING, FILING_PATH, LINES, nextQuarterFiling, withLine, withoutLines } from "./filing-variants";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { render } = require("../../scripts/generate-filing-module.js");

describe("the source", () => {
  test("is the filing, byte for byte", () => {
    const sha = createHash("sha256").update(readFileSync(FILING_PATH)).digest("hex");
    expect(sha).toBe("b0579ed5d1c6b78ecc907ee6a3027db71b9da83ada49095622e27298d8139099");
  });

  test("the embedded module is a fresh rendering of it", () => {
    expect(readFileSync(join(__dirname, "../../src/data/filing.generated.ts"), "utf8")).toBe(render());
  });

  test("the dataset the add-in ships is a fresh import of it", () => {
    expect(DATASET).toEqual(importFiling(FILING, "kingsoft-cloud-2026q1-press-release.txt"));
  });
});

describe("importing the filing", () => {
  const dataset = importFiling(FILING);

  test("reads every table under its statement, in the filing's order", () => {
    expect(dataset.tables.map((t) => [t.kind, t.anchor])).toEqual([
      ["BS", "Cash and cash equivalents"],
      ["IS", "Public cloud services"],
      ["NONGAAP", "Gross profit"],
      ["NONGAAP", "Gross margin"],
      ["NONGAAP", "Net Loss"],
      ["NONGAAP", "Operating loss"],
      ["NONGAAP", "Net loss margin"],
      ["CF", "Net cash (used in) generated from operating activities"],
    ]);
  });

  test.each([
    // kind index, [period, kind, currency] per column, from the table's own header rows
    [0, [["2025Q4", "instant", "RMB"], ["2026Q1", "instant", "RMB"], ["2026Q1", "instant", "USD"]]],
    [1, [["2025Q1", "duration", "RMB"], ["2025Q4", "duration", "RMB"], ["2026Q1", "duration", "RMB"], ["2026Q1", "duration", "USD"]]],
    [2, [["2025Q1", "duration", "RMB"], ["2025Q4", "duration", "RMB"], ["2026Q1", "duration", "RMB"], ["2026Q1", "duration", "USD"]]],
    [3, [["2025Q1", "duration", null], ["2025Q4", "duration", null], ["2026Q1", "duration", null]]],
    [7, [["2025Q1", "duration", "RMB"], ["2025Q4", "duration", "RMB"], ["2026Q1", "duration", "RMB"], ["2026Q1", "duration", "USD"]]],
  ])("table %i's columns come from its header", (index, expected) => {
    expect(dataset.tables[index].columns.map((c) => [c.period, c.periodKind, c.currency])).toEqual(expected);
  });

  test.each([
    // line, label as printed (markup removed), printed cells
    [180, "Cash and cash equivalents", ["6,018,043", "4,903,797", "710,901"]],
    [214, "Treasury shares", ["(31,068)", "(18,958)", "(2,748)"]],
    [222, "Total liabilities, non-controlling interests and shareholders' equity", ["26,729,189", "28,456,254", "4,125,290"]],
    [253, "Basic and diluted", ["(0.08)", "(0.04)", "(0.08)", "(0.01)"]],
    [306, "– Gain on disposal of property and equipment", ["(2,110)", "(72,662)", "-", "-"]],
    [308, "Excluding gain on disposal of property and equipment, normalized Adjusted EBITDA", ["316,433", "712,586", "747,506", "108,365"]],
    [333, "Net loss margin", ["-16.0%", "-5.9%", "-12.7%"]],
  ])("line %i: '%s' keeps its label and figures as printed", (line, label, cells) => {
    const row = dataset.tables.flatMap((t) => t.rows).find((r) => r.line === line)!;
    expect(row.label).toBe(label);
    expect(row.cells.map((c) => c.text)).toEqual(cells);
    expect(LINES[line - 1]).toContain(label.split(" ").pop());
  });

  test.each([
    ["(343,720)", "-343720", 0],
    ["-", "0", 0],
    ["12.8%", "0.128", 3],
    ["-16.0%", "-0.16", 3],
    ["(0.08)", "-0.08", 2],
    ["4,555,310,453", "4555310453", 0],
  ])("reads %s as %s", (text, value, decimals) => {
    const cell = dataset.tables.flatMap((t) => t.rows).flatMap((r) => r.cells).find((c) => c.text === text)!;
    expect([cell.value, cell.decimals]).toEqual([value, decimals]);
  });

  test("finds the prose figures with their sentence's line and stated precision", () => {
    const find = (id: string, period: string, currency: string | null) =>
      dataset.narrative.find((f) => f.id === id && f.period === period && f.currency === currency)!;
    expect(find("IDCCosts", "2026Q1", "RMB")).toMatchObject({ value: "911100", precision: "100", line: 91, text: "RMB911.1 million" });
    expect(find("IDCCosts", "2025Q1", "RMB")).toMatchObject({ value: "722800", line: 91 });
    expect(find("OutstandingADSs", "2026Q1", null)).toMatchObject({ value: "299369665", approximate: true, line: 119 });
    expect(find("CapitalExpendituresAndLeasedAssets", "2026Q1", "RMB")).toMatchObject({ value: "3000000", precision: "1000000", approximate: true, line: 77 });
    expect(find("ExchangeRateRMBPerUSD", "2026Q1", null)).toMatchObject({ value: "6.8980", line: 87 });
    expect(dataset.warnings).toEqual([]);
  });

  test("every row is claimed by exactly one metric, and every metric row is printed", () => {
    expect(new Model(dataset).warnings).toEqual([]);
  });
});

describe("next quarter's release in the same format", () => {
  const dataset = importFiling(nextQuarterFiling());
  const model = new Model(dataset);

  test("imports with every period one quarter on", () => {
    expect(dataset.latest).toBe("2026Q2");
    expect(dataset.tables[0].columns.map((c) => c.period)).toEqual(["2026Q1", "2026Q2", "2026Q2"]);
    expect(dataset.tables[1].columns.map((c) => c.period)).toEqual(["2025Q2", "2026Q1", "2026Q2", "2026Q2"]);
    expect(model.warnings).toEqual([]);
  });

  test("carries its own figures, which still tie", () => {
    expect(model.value("TotalRevenues", "2026Q2").toNumber()).toBe(2 * 2703732);
    expect(model.value("AdjustedEBITDA", "2026Q1").toNumber()).toBe(2 * 785248);
    expect(model.value("IDCCosts", "2026Q2").toNumber()).toBe(2 * 911100);
    expect(model.rateText).toBe("13.7960");
    expect(runChecks(model).filter((c) => c.status === "FAIL")).toEqual([]);
  });
});

describe("malformed releases fail on the line at fault, with no dataset", () => {
  test.each([
    ["a row missing a column", withLine(233, (l) => l.split("\t").slice(0, 4).join("\t")), 233, /Total revenues.*3 figures but the header has 4 columns/],
    ["a non-numeric cell", withLine(231, (l) => l.replace("1,996,301", "1,996,3O1")), 231, /Public cloud services.*'1,996,3O1' is not a number/],
    ["a table without its header", withoutLines(228, 229), 228, /has no header row/],
    ["an unknown currency heading", withLine(177, (l) => l.replace("US\\$", "HK$")), 176, /unknown currency heading 'HK\$'/],
    ["a duplicated period", withLine(229, (l) => l.replace("Dec 31, 2025 RMB", "Mar 31, 2025 RMB")), 228, /duplicated period/],
    ["a date that ends no quarter", withLine(176, (l) => l.replace("Dec 31, 2025", "Dec 30, 2025")), 176, /not the end of a calendar quarter/],
    ["a six-month column", withLine(228, (l) => l.replace("Three Months Ended", "Six Months Ended")), 228, /'Six Months Ended Mar 31, 2025 RMB' is over six months: KC reads "Three Months Ended" columns \(quarters\) and.*"Year Ended"/],
    ["a nine-month column", withLine(228, (l) => l.replace("Three Months Ended", "Nine Months Ended")), 228, /'Nine Months Ended Mar 31, 2025 RMB' is over nine months/],
    ["a figure row without a label", withLine(231, (l) => l.replace("Public cloud services", "")), 231, /has no label/],
    ["an extra figure", withLine(231, (l) => `${l}\t5`), 231, /5 figures but the header has 4 columns/],
  ])("%s", (_, text, line, message) => {
    let error: unknown;
    let result: unknown;
    try {
      result = importFiling(text);
    } catch (e) {
      error = e;
    }
    expect(result).toBeUndefined();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).line).toBe(line);
    expect((error as ImportError).message).toMatch(new RegExp(`^line ${line}: `));
    expect((error as ImportError).message).toMatch(message);
  });

  test("a release without a cash flow statement", () => {
    expect(() => importFiling(FILING.replace("STATEMENT OF CASH FLOWS", "STATEMENT OF SOMETHING"))).toThrow(/no CF table/);
  });

  test("two prose statements of one figure that disagree", () => {
    const text = withLine(147, (l) => l.replace("RMB6.8980", "RMB6.9000"));
    expect(() => importFiling(text)).toThrow(/line 147: ExchangeRateRMBPerUSD is stated as .*6\.9000.* but as .*6\.8980.* on line 87/);
  });
});
