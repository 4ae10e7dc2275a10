/**
 * The acceptance workbook (kc export-acceptance): its expectations are right, so that a person who opens it in real
 * Excel with the add-in loaded sees "N of N PASS" exactly when the add-in works. Its own formulas (the KC calls, the
 * ERROR.TYPE and INDEX checks, the summary) are evaluated with the KC functions in HyperFormula, with empty cells as
 * Excel on the web passes them and as desktop Excel does, and every row must say PASS; an expected figure changed, or
 * date cells read in the wrong date system, must say FAIL. Every expected figure that the filing prints as such is
 * found on the line the row names (src/data/sources/kingsoft-cloud-2026q1-press-release.txt), so none was copied
 * from the code's output. The .xlsx the CLI writes holds the same formulas, with no cached result.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync } from "fs";
import type { HyperFormula } from "hyperformula";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/kc";
import { parseA1 } from "../../src/core";
import golden from "../../src/dev/functions.json";
import { BlankCells, kcEngine } from "../../src/dev/hyperformula-kc";
import { errorTypeCode } from "../../src/dev/hyperformula-excel";
import { ACCEPTANCE_SHEET, AcceptanceLayout, CHECKS, INPUTS, buildAcceptance } from "../../src/export/acceptance";
import { functionsEngine } from "../../src/functions/runtime";
import { CellError, ErrorType } from "hyperformula";

const FILING = readFileSync(join(__dirname, "../../src/data/sources/kingsoft-cloud-2026q1-press-release.txt"), "utf8").split("\n");
const layout = buildAcceptance();

/** The sheet as HyperFormula takes it: formulas with "=", constants, empty cells null. */
function sheetContent(l: AcceptanceLayout): unknown[][] {
  const rows: unknown[][] = [];
  for (const cell of l.sheet.cells) {
    const row = (rows[cell.row - 1] ??= []);
    row[cell.col - 1] = cell.formula !== undefined ? `=${cell.formula}` : cell.value;
  }
  return Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? null));
}

/** The workbook in HyperFormula with Excel's dynamic arrays (array arithmetic), empty cells as `blanks` passes them. */
function evaluate(blanks: BlankCells, content = sheetContent(layout)): { hf: HyperFormula; value: (a1: string) => unknown } {
  const hf = kcEngine({ [ACCEPTANCE_SHEET]: content as never }, { blanks, config: { useArrayArithmetic: true } });
  const sheet = hf.getSheetId(ACCEPTANCE_SHEET)!;
  return { hf, value: (a1) => hf.getCellValue({ sheet, ...parseA1(a1) }) };
}

describe("the acceptance sheet", () => {
  test("at least a hundred checks, covering every function in functions.json", () => {
    expect(layout.checks.length).toBeGreaterThanOrEqual(100);
    const used = new Set(CHECKS.flatMap((c) => [...c.formula.matchAll(/KC\.([A-Z]+)\(/g)].map((m) => m[1])));
    expect([...used].sort()).toEqual(golden.functions.map((f) => f.name).sort());
  });

  test("spills are read through INDEX, refusals through ERROR.TYPE, dates from date cells", () => {
    const formulas = layout.sheet.cells.map((c) => c.formula ?? "");
    expect(formulas.filter((f) => /^INDEX\(KC\.(STATEMENT|SERIES|METRICS|PERIODS|CHECKS)\(/.test(f)).length).toBeGreaterThanOrEqual(8);
    expect(formulas.filter((f) => f.includes("ERROR.TYPE(")).length).toBeGreaterThanOrEqual(20);
    expect(formulas.filter((f) => /\{[A-Za-z]/.test(f))).toEqual([]); // every {input} replaced by its address
    // Text that Excel (or the formula engine) could take for a formula: none.
    expect(layout.sheet.cells.filter((c) => typeof c.value === "string" && c.value.startsWith("="))).toEqual([]);
    for (const name of ["date", "dateQ4", "notQuarterEnd"]) {
      const cell = layout.sheet.cells.find((c) => c.role === "input" && c.row === INPUTS[name].row)!;
      expect([typeof cell.value, cell.numFmt]).toEqual(["number", "yyyy-mm-dd"]);
    }
  });

  test("the overrides ranges with a blank metric cell and with a blank value cell have those cells empty", () => {
    const at = (row: number, col: number) => layout.sheet.cells.find((c) => c.row === row && c.col === col);
    const [metricRow, valueRow] = [INPUTS.blankMetric.row + 1, INPUTS.blankValue.row];
    expect([at(metricRow, 11), at(metricRow, 12)?.value]).toEqual([undefined, -2400000]);
    expect([at(valueRow, 11)?.value, at(valueRow, 12)]).toEqual(["CostOfRevenues", undefined]);
  });

  test("every figure the filing prints as such is on the line the row names", () => {
    const printedForms = (n: number): string[] => {
      const digits = Math.abs(n).toLocaleString("en-US", { maximumFractionDigits: 3 });
      const percent = `${(Math.abs(n) * 100).toFixed(1)}%`;
      return n < 0 ? [`(${digits})`, `-${percent}`] : [digits, percent];
    };
    const asPrinted = CHECKS.filter((c) => "number" in c.expect && typeof c.expect.number === "number" && /^\d+$/.test(c.lines) && !/units|millions|billions|\{|COLUMNS|ROWS|SUMPRODUCT/.test(c.formula));
    expect(asPrinted.length).toBeGreaterThanOrEqual(45);
    for (const check of asPrinted) {
      const figure = (check.expect as { number: number }).number;
      const line = FILING[Number(check.lines) - 1];
      expect({ check: check.what, found: printedForms(figure).some((form) => line.includes(`\t${form}`) || line.includes(`>${form}<`)) }).toEqual({ check: check.what, found: true });
    }
  });
});

describe.each<[BlankCells, string]>([
  ["web", "an empty value (Excel on the web)"],
  ["desktop", "0 (desktop Excel)"],
])("evaluated with empty cells as Excel %s passes them", (blanks, blankCells) => {
  const { value } = evaluate(blanks);

  test("every row says PASS, and the summary says so", () => {
    const failing = layout.checks.filter((c) => value(c.verdict) !== "PASS").map((c) => ({ what: c.what, result: value(c.result) }));
    expect(failing).toEqual([]);
    expect(value(layout.summary)).toBe(`${layout.checks.length} of ${layout.checks.length} PASS`);
  });

  test("the sheet says how this host passed an empty cell, and the date system", () => {
    expect(value(layout.blankCells)).toBe(blankCells);
    expect(value(layout.dateSystem)).toBe("1900");
  });
});

describe("the checks can fail", () => {
  test("an expected figure changed: its row says FAIL and the summary counts it", () => {
    const content = sheetContent(layout);
    const first = layout.checks[0];
    content[first.row - 1][3] = 2703733; // Expected of "Total revenues 2026Q1", one off
    const { value } = evaluate("web", content);
    expect(value(first.verdict)).toBe("FAIL");
    expect(value(layout.summary)).toBe(`${layout.checks.length - 1} of ${layout.checks.length} PASS`);
  });

  test("date cells read in the wrong date system: the date checks say FAIL", () => {
    const { hf, value } = evaluate("web");
    functionsEngine().useDateSystem(1904);
    hf.rebuildAndRecalculate();
    const dated = layout.checks.filter((c) => /\{date|DATE\(/.test(c.formula));
    expect(dated.map((c) => value(c.verdict))).toEqual(dated.map(() => "FAIL"));
    functionsEngine().useDateSystem(1900);
  });

  test("ERROR.TYPE in the formula engine gives Excel's numbers", () => {
    expect([ErrorType.DIV_BY_ZERO, ErrorType.VALUE, ErrorType.REF, ErrorType.NAME, ErrorType.NUM, ErrorType.NA].map((t) => errorTypeCode(new CellError(t)))).toEqual([2, 3, 4, 5, 6, 7]);
    expect(errorTypeCode(3)).toBeInstanceOf(CellError);
  });
});

test("the README states the workbook's count of checks", () => {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const n = layout.checks.length;
  expect(readme).toContain(`**KC acceptance**: ${n} rows`);
  expect(readme).toContain(`**B2 reads "${n} of ${n} PASS"**`);
  expect([layout.summary, layout.blankCells, layout.dateSystem]).toEqual(["B2", "B3", "B4"]);
});

describe("kc export-acceptance", () => {
  const dir = mkdtempSync(join(tmpdir(), "kc-acceptance-"));

  test("writes the sheet's formulas with no cached result, and says what it wrote", async () => {
    const file = join(dir, "acceptance.xlsx");
    const out: string[] = [];
    expect(await main(["export-acceptance", file], (s) => out.push(s), (s) => out.push(s))).toBe(0);
    expect(out[0]).toBe(`Wrote ${file}: ${layout.checks.length} checks of the KC functions on sheet 'KC acceptance'.`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet(ACCEPTANCE_SHEET)!;
    for (const check of layout.checks) {
      const cell = sheet.getCell(check.result).value as { formula: string; result?: unknown };
      expect(cell.formula).toBe(layout.sheet.cells.find((c) => c.address === check.result)!.formula);
      expect(cell.result).toBeUndefined();
      expect((sheet.getCell(check.verdict).value as { result?: unknown }).result).toBeUndefined();
    }
    expect(sheet.getCell(`K${INPUTS.date.row}`).numFmt).toBe("yyyy-mm-dd");
    expect(sheet.getCell(`L${INPUTS.blankValue.row}`).value).toBeNull();
  });

  test("without a file, or with a file that is not .xlsx: usage, exit 2", async () => {
    for (const argv of [["export-acceptance"], ["export-acceptance", join(dir, "a.csv")]]) {
      const err: string[] = [];
      expect(await main(argv, () => undefined, (s) => err.push(s))).toBe(2);
      expect(err.join("\n")).toMatch(/usage: kc export-acceptance FILE\.xlsx/);
    }
  });
});
