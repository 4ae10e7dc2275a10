/**
 * OfficeWorkbook against office-addin-mock: the right ranges, one Excel.run per action; a batch is all or nothing (a
 * failing sync, a protected sheet, a sheet name taken, a block past the sheet's edge). Addresses and sheet names:
 * test/core/sheet-address.test.ts.
 */
import { MAX_COLS, MAX_ROWS } from "../../src/core";
import { Batch, CellRef, OfficeWorkbook, WorkbookError } from "../../src/taskpane/workbook";
import { MockOptions, failure, mockExcel } from "./excel-mock";

afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

const at: CellRef = { sheet: "Sheet1", row: 3, col: 2 };

describe("OfficeWorkbook (office-addin-mock)", () => {
  test("activeCell and selection: sheet and position, one sync each", async () => {
    const { calls } = mockExcel({ active: "'Q1 model'!D10", selection: "'Q1 model'!D10:F12" });
    expect(await new OfficeWorkbook().activeCell()).toEqual({ sheet: "Q1 model", row: 9, col: 3 });
    expect(await new OfficeWorkbook().selection()).toEqual({ sheet: "Q1 model", row: 9, col: 3, rows: 3, cols: 3 });
    expect(calls).toMatchObject({ runs: 2, syncs: 2 });
  });

  test("a selection of whole columns stands for the part in use; nothing in use is said plainly", async () => {
    mockExcel({ selection: "Sheet1!A:C", selectionUsed: "Sheet1!A1:C40" });
    expect(await new OfficeWorkbook().selection()).toEqual({ sheet: "Sheet1", row: 0, col: 0, rows: 40, cols: 3 });
    mockExcel({ selection: "Sheet1!$2:$5" });
    await expect(new OfficeWorkbook().selection()).rejects.toThrow("Nothing is in use in Sheet1!$2:$5: select the cells to work on.");
  });

  test("sheetNames and usedRange", async () => {
    mockExcel({ sheets: { Sheet1: { used: "A1:D7" }, Empty: {} } });
    expect(await new OfficeWorkbook().sheetNames()).toEqual(["Sheet1", "Empty"]);
    expect(await new OfficeWorkbook().usedRange("Sheet1")).toEqual({ sheet: "Sheet1", row: 0, col: 0, rows: 7, cols: 4 });
    expect(await new OfficeWorkbook().usedRange("Empty")).toBeNull();
  });

  test("isRangeEmpty reads the block's formulas once", async () => {
    const empty = mockExcel({ ranges: { "Sheet1!C4:D4": { formulas: [["", ""]] } } });
    expect(await new OfficeWorkbook().isRangeEmpty(at, 1, 2)).toBe(true);
    expect(empty.calls).toEqual({ runs: 1, syncs: 1, log: ["range Sheet1!C4:D4"] });
    mockExcel({ ranges: { "Sheet1!C4:D4": { formulas: [["", "=1+1"]] } } });
    expect(await new OfficeWorkbook().isRangeEmpty(at, 1, 2)).toBe(false);
    mockExcel({ ranges: { "Sheet1!C4": { formulas: [[0]] } } });
    expect(await new OfficeWorkbook().isRangeEmpty(at, 1, 1)).toBe(false);
  });

  test("read: formulas, values, and the whole block a spill formula fills", async () => {
    const statement = [["Balance sheet (RMB thousands)", "2025Q4", "2026Q1"], ["Total assets", 27768000, 28456254]];
    const { calls } = mockExcel({
      ranges: { "Sheet1!A1:B2": { formulas: [['=KC.STATEMENT("BS")', '=KC.METRIC("AdjustedEBITDA","2026Q1")'], ["x", 5]], values: [["Balance sheet (RMB thousands)", 747506], ["x", 5]] } },
      spills: { "Sheet1!A1": { address: "Sheet1!A1:C2", values: statement } },
    });
    const content = await new OfficeWorkbook().read({ sheet: "Sheet1", row: 0, col: 0, rows: 2, cols: 2 });
    expect(content.values).toEqual([["Balance sheet (RMB thousands)", 747506], ["x", 5]]);
    expect(content.spills).toEqual([{ row: 0, col: 0, values: statement }]);
    expect(calls.syncs).toBe(2);
  });

  test("write: new sheets, cells and formats, a chart and the sheet to show, read then written in two syncs", async () => {
    const { calls, range, sheets, charts } = mockExcel();
    const batch: Batch = {
      newSheets: ["KC Ratios"],
      writes: [
        { sheet: "KC Ratios", row: 0, col: 0, cells: [["Period", "Public cloud", "Enterprise cloud", "Gross margin", "Adjusted EBITDA margin"], ["2026Q1", 1996301, 1342150, 0.128, 0.2]], formats: [["General", "General", "General", "General", "General"], ["General", "#,##0;(#,##0)", "#,##0;(#,##0)", "0.0%", "0.0%"]] },
        { sheet: "Sheet1", row: 3, col: 2, cells: [['=KC.METRIC("AdjustedEBITDA","2026Q1")']], formats: [["#,##0;(#,##0)"]] },
      ],
      charts: [
        {
          sheet: "KC Ratios",
          title: "Revenue mix and margins",
          data: { sheet: "KC Ratios", row: 0, col: 0, rows: 2, cols: 5 },
          lines: [2, 3],
          axisFormats: { primary: "#,##0;(#,##0)", secondary: "0%" },
          at: { sheet: "KC Ratios", row: 4, col: 0, rows: 18, cols: 5 },
        },
      ],
      looks: [{ sheet: "KC Ratios", widths: [62, 14], freeze: { rows: 5, cols: 1 }, bold: ["A1"], inputs: ["B2"] }],
      activate: "KC Ratios",
      select: "B2",
    };
    await new OfficeWorkbook().write(batch);
    expect(calls).toMatchObject({ runs: 1, syncs: 2 });
    expect(calls.log).toEqual([
      "range Sheet1!C4", // read what will be overwritten
      "add KC Ratios",
      "range KC Ratios!A1:E2",
      "range Sheet1!C4",
      "range KC Ratios!A1:E2",
      "chart ColumnStacked KC Ratios!A1:E2 Columns",
      "position A5:E22",
      "range KC Ratios!A:A",
      "range KC Ratios!B:B",
      "range KC Ratios!A1:A5",
      "freeze KC Ratios!A1:A5",
      "range KC Ratios!A1",
      "range KC Ratios!B2",
      "activate KC Ratios",
      "range KC Ratios!B2",
      "select KC Ratios!B2",
    ]);
    const format = (key: string) => (range(key) as unknown as { format: { columnWidth: number; font: { bold: boolean }; fill: { color: string } } }).format;
    expect([format("KC Ratios!A:A").columnWidth, format("KC Ratios!B:B").columnWidth]).toEqual([434, 98]);
    expect(format("KC Ratios!A1").font.bold).toBe(true);
    expect(format("KC Ratios!B2").fill.color).toBe("#FFF2CC");
    expect(sheets.has("KC Ratios")).toBe(true);
    expect(range("Sheet1!C4")!.formulas).toEqual([['=KC.METRIC("AdjustedEBITDA","2026Q1")']]);
    expect(range("KC Ratios!A1:E2")!.numberFormat[1]).toEqual(["General", "#,##0;(#,##0)", "#,##0;(#,##0)", "0.0%", "0.0%"]);
    expect(charts[0].chart.title.text).toBe("Revenue mix and margins");
    expect(charts[0].series[2]).toMatchObject({ chartType: "Line", axisGroup: "Secondary" });
    expect(charts[0].series[3]).toMatchObject({ chartType: "Line", axisGroup: "Secondary" });
    expect(charts[0].series[0]).toBeUndefined(); // revenue stays stacked columns
    expect(charts[0].axes).toEqual({ "Value Primary": { numberFormat: "#,##0;(#,##0)" }, "Value Secondary": { numberFormat: "0%" } });
  });

  test("a failing sync: the sheets it added are removed, what it overwrote is put back, and the message says so", async () => {
    const { calls, range, sheets } = mockExcel({ ranges: { "Sheet1!C4": { formulas: [["keep me"]], numberFormat: [["0.00"]] } }, failSyncs: [3] });
    const batch: Batch = { newSheets: ["KC IS"], writes: [{ sheet: "KC IS", row: 0, col: 0, cells: [["x"]] }, { sheet: "Sheet1", row: 3, col: 2, cells: [[1]], formats: [["0.0%"]] }] };
    const error = await new OfficeWorkbook().write(batch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(/^Excel refused the change: the sheet or workbook is protected or read-only .*Nothing was changed\.$/);
    expect(calls.log).toContain("delete KC IS");
    expect(sheets.has("KC IS")).toBe(false);
    expect(range("Sheet1!C4")!.formulas).toEqual([["keep me"]]);
    expect(range("Sheet1!C4")!.numberFormat).toEqual([["0.00"]]);
    expect(calls.syncs).toBe(5); // read, which overwritten cells a spill fills, write (refused), find what was added, undo
  });

  test("when even the undo is refused, the message says where to look instead of claiming nothing changed", async () => {
    mockExcel({ failSyncs: [2, 3], failCode: "GeneralException" });
    const error = await failure(new OfficeWorkbook().write({ writes: [{ sheet: "Sheet1", row: 0, col: 0, cells: [[1]] }] }));
    expect(error.message).toMatch(/Excel refused the change: .*Excel also refused to undo the part it had written: check Sheet1\./);
  });

  test("a protected sheet: refused after the read, nothing written", async () => {
    const { calls, range } = mockExcel({ sheets: { Sheet1: { protected: true } }, ranges: { "Sheet1!C4": { formulas: [[""]] } } });
    const error = await failure(new OfficeWorkbook().write({ writes: [{ sheet: "Sheet1", row: 3, col: 2, cells: [[747506]] }] }));
    expect(error.message).toBe("The sheet 'Sheet1' is protected: nothing was written. Unprotect it (Review > Unprotect Sheet), or write to a new sheet.");
    expect(calls.syncs).toBe(1);
    expect(range("Sheet1!C4")!.formulas).toEqual([[""]]);
  });

  test("a sheet name already taken (Excel ignores case): refused before anything is added", async () => {
    const { calls, sheets } = mockExcel({ sheets: { Sheet1: {}, "kc is": {} } });
    const error = await failure(new OfficeWorkbook().write({ newSheets: ["KC IS"], writes: [{ sheet: "KC IS", row: 0, col: 0, cells: [[1]] }] }));
    expect(error.message).toMatch(/^A sheet named 'KC IS' already exists: nothing was written/);
    expect(calls.log.filter((l) => l.startsWith("add"))).toEqual([]);
    expect([...sheets.keys()]).toEqual(["Sheet1", "kc is"]);
  });

  test("a block too big for the room left on the sheet: refused before Excel is called", async () => {
    const { calls } = mockExcel();
    const nearEdge = { sheet: "Sheet1", row: MAX_ROWS - 5, col: 0 };
    const error = await failure(new OfficeWorkbook().write({ writes: [{ ...nearEdge, cells: Array.from({ length: 33 }, () => [1, 2, 3, 4]) }] }));
    expect(error.message).toMatch(/^The table needs 33 rows x 4 columns, but from A1048572 the sheet has room for 5 x 4: nothing was written/);
    await expect(new OfficeWorkbook().isRangeEmpty({ sheet: "Sheet1", row: 0, col: MAX_COLS - 1 }, 1, 2)).rejects.toThrow(/room for 1 x 1/);
    expect(calls.runs).toBe(0);
  });

  test("a ragged or empty block, formats of another shape, a name Excel refuses: refused before Excel is called", async () => {
    const { calls } = mockExcel();
    await expect(new OfficeWorkbook().write({ writes: [{ ...at, cells: [[1, 2], [3]] }] })).rejects.toThrow(/rectangular/);
    await expect(new OfficeWorkbook().write({ writes: [{ ...at, cells: [] }] })).rejects.toThrow(/rectangular/);
    await expect(new OfficeWorkbook().write({ writes: [{ ...at, cells: [[1, 2]], formats: [["0"]] }] })).rejects.toThrow(/shape/);
    await expect(new OfficeWorkbook().write({ newSheets: ["Q1/Q2"], writes: [] })).rejects.toThrow(/cannot be a sheet name/);
    expect(calls.runs).toBe(0);
  });
});

