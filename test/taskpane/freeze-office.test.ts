/**
 * Freeze to values through OfficeWorkbook against office-addin-mock: each case of issue 13 (a whole KC call, a spill, a
 * formula mixing KC with other logic, KC only inside a text), the explicit second step, the log appended in the
 * action's own batch (two freezes in flight never share a log row), a cell changed between read and write, and the undo
 * of a spilled block (its formula comes back and spills again, instead of its values blocking it).
 * Figures: Adjusted EBITDA 2026Q1 747,506 (line 305), total revenues 2026Q1 2,703,732 (line 233), gross profit
 * 345,748 (line 235), total assets 2025Q4 27,768,016 and 2026Q1 28,456,254 (balance sheet).
 */
import { freezeToValues } from "../../src/taskpane/actions/freeze";
import { freezeMessage } from "../../src/taskpane/tabs/model";
import { OfficeWorkbook, findRows } from "../../src/taskpane/workbook";
import { engine } from "../helpers/engine";
import { EBITDA, IF_MARGIN, NOW, TEXT, TIMES } from "./freeze-cases";
import { MockOptions, failure, mockExcel } from "./excel-mock";

afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

const STAMP = "2026-05-30 10:00:00";
const BS = '=KC.STATEMENT("BS")';
const BS_VALUES = [["Balance sheet (RMB thousands)", "2025Q4", "2026Q1"], ["Total assets", 27768016, 28456254]];

/**
 * Sheet1, selection A1:C2: A1 one KC call, B1 and A2 KC mixed with other logic (D1 is 2), B2 KC only inside a text,
 * C1 a KC.STATEMENT spilling over C1:E2 (range.formulas gives the spilled cells' values, as Excel does).
 */
const workbook = (extra: MockOptions = {}): MockOptions => ({
  selection: "Sheet1!A1:C2",
  ranges: {
    "Sheet1!A1:C2": {
      formulas: [[EBITDA, TIMES, BS], [IF_MARGIN, TEXT, "Total assets"]],
      values: [[747506, 2 * 2703732, "Balance sheet (RMB thousands)"], [345748 / 2703732, "see KC.METRIC(2)", "Total assets"]],
    },
    "Sheet1!A1": { formulas: [[EBITDA]] },
    "Sheet1!C1:E2": { formulas: [[BS, "2025Q4", "2026Q1"], ["Total assets", 27768016, 28456254]] },
    "Sheet1!B1": { formulas: [[TIMES]] },
    "Sheet1!A2": { formulas: [[IF_MARGIN]] },
    "Sheet1!A1:B2": { formulas: [[EBITDA, TIMES], [IF_MARGIN, TEXT]], values: [[747506, 2 * 2703732], [345748 / 2703732, "see KC.METRIC(2)"]] },
  },
  spills: { "Sheet1!C1": { address: "Sheet1!C1:E2", values: BS_VALUES } },
  ...extra,
});

describe("Freeze to values (office-addin-mock)", () => {
  test("only whole KC calls and a KC spill's anchor become values; mixed formulas are listed; KC inside a text is untouched", async () => {
    const { range, sheets } = mockExcel(workbook());
    const result = await freezeToValues(engine, new OfficeWorkbook(), "selection", { now: NOW });
    expect(result).toEqual({
      frozen: ["Sheet1!A1", "Sheet1!C1:E2"],
      skipped: [],
      mixed: [{ sheet: "Sheet1", row: 0, col: 1 }, { sheet: "Sheet1", row: 1, col: 0 }],
      record: "'KC frozen'!A1:E3",
      scope: "Sheet1!A1:C2",
    });
    expect(range("Sheet1!A1")!.formulas).toEqual([[747506]]);
    expect(range("Sheet1!C1:E2")!.formulas).toEqual([["'Balance sheet (RMB thousands)", "'2025Q4", "'2026Q1"], ["'Total assets", 27768016, 28456254]]);
    expect(range("Sheet1!B1")).toBeUndefined(); // mixed: never written
    expect(range("Sheet1!A2")).toBeUndefined();
    expect(range("Sheet1!B2")).toBeUndefined(); // the text that mentions KC.METRIC: never touched
    expect(sheets.has("KC frozen")).toBe(true);
    const notes = range("KC frozen!A1:E3")!.formulas;
    expect(notes[0]).toEqual(["Frozen at", "Cell", "Formula (as it was)", "Value", "Source"]);
    expect(notes[1]).toEqual([STAMP, "Sheet1!A1", `'${EBITDA}`, 747506, expect.stringMatching(/line 305: 747,506/)]);
    expect(notes[2]).toEqual([STAMP, "Sheet1!C1:E2", `'${BS}`, "2 x 3 values", ""]);
    expect(freezeMessage(result, "first")).toBe(
      "Froze 2 KC formulas in Sheet1!A1:C2 to values; their sources are noted on 'KC frozen'!A1:E3. 2 formulas mix KC with other logic and were left alone (Sheet1!B1, Sheet1!A2).",
    );
  });

  test("the second step freezes the mixed formulas too, each formula kept on KC frozen below the first step's notes", async () => {
    const { range } = mockExcel(workbook());
    const first = await freezeToValues(engine, new OfficeWorkbook(), "selection", { now: NOW });
    const second = await freezeToValues(engine, new OfficeWorkbook(), { cells: first.mixed }, { mixed: true, now: NOW });
    expect(second).toMatchObject({ frozen: ["Sheet1!B1", "Sheet1!A2"], mixed: [], record: "'KC frozen'!A4:E5" });
    expect(range("Sheet1!B1")!.formulas).toEqual([[2 * 2703732]]);
    expect(range("Sheet1!A2")!.formulas).toEqual([[345748 / 2703732]]);
    expect(range("KC frozen!A4:E5")!.formulas).toEqual([
      [STAMP, "Sheet1!B1", `'${TIMES}`, 5407464, ""],
      [STAMP, "Sheet1!A2", `'${IF_MARGIN}`, 345748 / 2703732, ""],
    ]);
    expect(freezeMessage(second, "mixed")).toBe("Froze 2 formulas that mix KC with other logic to values; each formula is kept on 'KC frozen'!A4:E5.");
  });

  test("two freezes in flight at once: each log row lands below the other's, none is written over", async () => {
    const { range } = mockExcel({
      sheets: { Sheet1: {}, "KC frozen": { used: "A1:E4" } },
      ranges: { "Sheet1!A1": { formulas: [[EBITDA]], values: [[747506]] }, "Sheet1!A3": { formulas: [[TIMES.replace("D1*", "")]], values: [[2703732]] } },
    });
    const cell = (row: number) => ({ cells: [{ sheet: "Sheet1", row, col: 0 }] });
    const [one, two] = await Promise.all([freezeToValues(engine, new OfficeWorkbook(), cell(0), { mixed: true, now: NOW }), freezeToValues(engine, new OfficeWorkbook(), cell(2), { mixed: true, now: NOW })]);
    expect([one.record, two.record].sort()).toEqual(["'KC frozen'!A5:E5", "'KC frozen'!A6:E6"]);
    const logged = [range("KC frozen!A5:E5")!.formulas[0][1], range("KC frozen!A6:E6")!.formulas[0][1]].sort();
    expect(logged).toEqual(["Sheet1!A1", "Sheet1!A3"]);
  });

  test("a cell whose formula changed between the read and the write is not overwritten: the batch is refused", async () => {
    // The selection read A1 as a KC formula; by the time the batch runs, A1 holds the value (frozen elsewhere).
    const { range, sheets } = mockExcel(workbook({ ranges: { ...workbook().ranges, "Sheet1!A1": { formulas: [[747506]] } } }));
    const error = await failure(freezeToValues(engine, new OfficeWorkbook(), "selection", { now: NOW }));
    expect(error.message).toBe("Sheet1!A1 changed while the task pane was working: nothing was written. Check it and try again.");
    expect(range("Sheet1!C1:E2")!.formulas[0][0]).toBe(BS);
    expect(sheets.has("KC frozen")).toBe(false);
  });

  test("a refused write puts a spilled table back as its formula (the spilled cells empty), so it spills again", async () => {
    // Syncs: 1 selection, 2 read, 3 its spills; the batch: 4 read, 5 which cells spills fill, 6 write (refused), 7-8 undo.
    const { range, sheets, spillParentProbes } = mockExcel(workbook({ failSyncs: [6] }));
    const error = await failure(freezeToValues(engine, new OfficeWorkbook(), "selection", { now: NOW }));
    expect(error.message).toMatch(/^Excel refused the change: .*Nothing was changed\.$/);
    expect(range("Sheet1!C1:E2")!.formulas).toEqual([[BS, "", ""], ["", "", ""]]);
    expect(range("Sheet1!A1")!.formulas).toEqual([[EBITDA]]);
    expect(sheets.has("KC frozen")).toBe(false);
    expect(spillParentProbes.sort()).toEqual(["Sheet1!C2", "Sheet1!D1", "Sheet1!D2", "Sheet1!E1", "Sheet1!E2"]);
  });

  test("where Excel lacks ExcelApi 1.12 no spill is looked up (the task pane offers no Freeze there)", async () => {
    const { spillParentProbes } = mockExcel({ ranges: { "Sheet1!A1:B1": { formulas: [["keep", 5]] } } });
    await new OfficeWorkbook({ spills: false }).write({ writes: [{ sheet: "Sheet1", row: 0, col: 0, cells: [[1, 2]] }] });
    expect(spillParentProbes).toEqual([]);
  });

  test("a refused write takes out the log rows it appended to an existing KC frozen sheet", async () => {
    const { range } = mockExcel({ sheets: { Sheet1: {}, "KC frozen": { used: "A1:E2" } }, ranges: { "Sheet1!A1": { formulas: [[EBITDA]], values: [[747506]] } }, failSyncs: [5] });
    // Syncs: 1 read, 2 its spills; the batch: 3 read, 4 KC frozen's protection and used range, 5 write (refused), 6-7 undo.
    const error = await failure(freezeToValues(engine, new OfficeWorkbook(), { cells: [{ sheet: "Sheet1", row: 0, col: 0 }] }, { now: NOW }));
    expect(error.message).toMatch(/Nothing was changed\.$/);
    expect(range("KC frozen!A3:E3")!.formulas).toEqual([["", "", "", "", ""]]);
    expect(range("Sheet1!A1")!.formulas).toEqual([[EBITDA]]);
  });

  test("findRows finds log rows as Excel shows them (text without its apostrophe)", () => {
    expect(findRows([["a", 1], ["b", 2], ["c", 3]], [["'b", 2], ["c", 3]])).toBe(1);
    expect(findRows([["a", 1]], [["b", 1]])).toBe(-1);
  });
});
