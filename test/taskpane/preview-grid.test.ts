/**
 * The preview's workbook (HyperFormula, in Node) through the task pane's actions: every Freeze case of issue 13 with the
 * formulas really computing, the second step, the undo of a spilled block, two freezes in flight, a cell changed under
 * a freeze, and the same refusals and messages as the Office.js workbook (one all-or-nothing write serves both).
 * Figures: Adjusted EBITDA 2026Q1 747,506 (line 305), total revenues 2026Q1 2,703,732 (line 233), gross profit 345,748
 * (line 235), public cloud services 2026Q1 1,996,301.
 */
import { WORKBOOK_MESSAGES } from "../../src/core";
import { GridWorkbook } from "../../src/dev/preview/grid";
import { FROZEN_HEADER, freezeToValues } from "../../src/taskpane/actions/freeze";
import { WorkbookError } from "../../src/taskpane/workbook";
import { engine } from "../helpers/engine";
import { EBITDA, IF_MARGIN, NOW, TEXT, TIMES } from "./freeze-cases";

const IS = '=KC.STATEMENT("IS","2026Q1")';

/** Sheet1: A1 one KC call; B1 and A2 KC mixed with other logic (D1 is 2); B2 KC only inside a text; A5 a spill. */
function sheet(): GridWorkbook {
  const grid = new GridWorkbook();
  grid.engine.setCellContents({ sheet: 0, row: 0, col: 0 }, [[EBITDA, TIMES, null, 2], [IF_MARGIN, TEXT]]);
  grid.engine.setCellContents({ sheet: 0, row: 4, col: 0 }, [[IS]]);
  grid.selectCell(0, 0);
  grid.selectCell(4, 2, true); // A1:C5
  return grid;
}

const cell = (grid: GridWorkbook, a1: string, name = "Sheet1") => {
  const address = grid.engine.simpleCellAddressFromString(a1, grid.sheetId(name))!;
  return { formula: grid.engine.getCellFormula(address) ?? null, value: grid.engine.getCellValue(address) };
};
const rows = (grid: GridWorkbook, name: string) => grid.engine.getSheetValues(grid.sheetId(name));

describe("Freeze in the preview's workbook (HyperFormula)", () => {
  test("the formulas compute as the issue's examples do before anything is frozen", () => {
    const grid = sheet();
    expect(cell(grid, "A1").value).toBe(747506);
    expect(cell(grid, "B1").value).toBe(2 * 2703732);
    expect(cell(grid, "A2").value).toBeCloseTo(345748 / 2703732, 12);
    expect(cell(grid, "B2").value).toBe("see KC.METRIC(2)");
    expect(cell(grid, "B7").value).toBe(1996301); // the spill: public cloud services, 2026Q1
  });

  test("whole KC calls and the spill's anchor become values; mixed formulas stay live; KC inside a text is untouched", async () => {
    const grid = sheet();
    const result = await freezeToValues(engine, grid, "selection", { now: NOW });
    expect(result).toMatchObject({ frozen: ["Sheet1!A1", "Sheet1!A5:B36"], mixed: [{ sheet: "Sheet1", row: 0, col: 1 }, { sheet: "Sheet1", row: 1, col: 0 }], record: "'KC frozen'!A1:E3" });
    expect(cell(grid, "A1")).toEqual({ formula: null, value: 747506 });
    expect(cell(grid, "B7")).toEqual({ formula: null, value: 1996301 });
    expect(cell(grid, "B2")).toEqual({ formula: TEXT, value: "see KC.METRIC(2)" });
    // The mixed formulas are still formulas: D1 moves them.
    grid.engine.setCellContents({ sheet: 0, row: 0, col: 3 }, [[3]]);
    expect(cell(grid, "B1")).toEqual({ formula: TIMES, value: 3 * 2703732 });
    expect(cell(grid, "A1").value).toBe(747506);
    const notes = rows(grid, "KC frozen");
    expect(notes[0]).toEqual(FROZEN_HEADER);
    expect(notes.slice(1).map((r) => r.slice(1, 4))).toEqual([["Sheet1!A1", EBITDA, 747506], ["Sheet1!A5:B36", IS, "32 x 2 values"]]);
  });

  test("the second step freezes the mixed formulas, each formula kept as text on KC frozen", async () => {
    const grid = sheet();
    const first = await freezeToValues(engine, grid, "selection", { now: NOW });
    const second = await freezeToValues(engine, grid, { cells: first.mixed }, { mixed: true, now: NOW });
    expect(second).toMatchObject({ frozen: ["Sheet1!B1", "Sheet1!A2"], record: "'KC frozen'!A4:E5" });
    expect(cell(grid, "B1")).toEqual({ formula: null, value: 2 * 2703732 });
    expect(cell(grid, "A2").formula).toBeNull();
    expect(cell(grid, "A2").value).toBeCloseTo(345748 / 2703732, 12);
    expect(rows(grid, "KC frozen").slice(3).map((r) => r.slice(1, 3))).toEqual([["Sheet1!B1", TIMES], ["Sheet1!A2", IF_MARGIN]]);
    expect(cell(grid, "B2").formula).toBe(TEXT); // still never touched
  });

  test("a refused write puts the spill's formula back and it spills again (no #SPILL!), with no KC frozen sheet left", async () => {
    const grid = sheet();
    grid.refusedCells.add("KC frozen!B3"); // Excel refuses the last note, after the values were written
    const error = await freezeToValues(engine, grid, "selection", { now: NOW }).catch((e: unknown) => e as WorkbookError);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as WorkbookError).key).toBe("refused");
    expect((error as WorkbookError).message).toMatch(/^Excel refused the change: the sheet or workbook is protected or read-only \(The cell KC frozen!B3 cannot be changed\. \(AccessDenied\)\)\. Nothing was changed\.$/);
    expect(cell(grid, "A5").formula).toBe(IS);
    expect(cell(grid, "B7").value).toBe(1996301);
    expect(cell(grid, "A1").formula).toBe(EBITDA);
    expect(grid.engine.getSheetNames()).toEqual(["Sheet1"]);
  });

  test("two freezes in flight at once both note their cells, on different rows", async () => {
    const grid = sheet();
    const at = (row: number, col: number) => ({ cells: [{ sheet: "Sheet1", row, col }] });
    await freezeToValues(engine, grid, at(1, 0), { mixed: true, now: NOW }); // KC frozen exists from here on
    const [one, two] = await Promise.all([freezeToValues(engine, grid, at(0, 0), { now: NOW }), freezeToValues(engine, grid, at(0, 1), { mixed: true, now: NOW })]);
    expect([one.record, two.record]).toEqual(["'KC frozen'!A3:E3", "'KC frozen'!A4:E4"]);
    expect(rows(grid, "KC frozen").slice(1).map((r) => r[1])).toEqual(["Sheet1!A2", "Sheet1!A1", "Sheet1!B1"]);
  });

  test("a cell changed between the read and the write is not overwritten: the batch is refused, nothing written", async () => {
    const grid = sheet();
    const edited = Object.create(grid) as GridWorkbook;
    edited.read = async (block) => {
      const content = await grid.read(block);
      grid.engine.setCellContents({ sheet: 0, row: 0, col: 0 }, [['=KC.METRIC("NetLoss","2026Q1")']]); // the user typed meanwhile
      return content;
    };
    const error = await freezeToValues(engine, edited, "selection", { now: NOW }).catch((e: unknown) => e as WorkbookError);
    expect((error as WorkbookError).key).toBe("changedSinceRead");
    expect(cell(grid, "A1").formula).toBe('=KC.METRIC("NetLoss","2026Q1")');
    expect(cell(grid, "A5").formula).toBe(IS);
    expect(grid.engine.getSheetNames()).toEqual(["Sheet1"]);
  });

  test("refusals say what the Office.js workbook says: a protected sheet, a name taken", async () => {
    const grid = sheet();
    grid.protectedSheets.add("Sheet1");
    await expect(freezeToValues(engine, grid, "selection")).rejects.toThrow(WORKBOOK_MESSAGES.sheetProtected("Sheet1"));
    await expect(grid.write({ newSheets: ["sheet1"], writes: [] })).rejects.toThrow(WORKBOOK_MESSAGES.sheetTaken("sheet1"));
  });
});
