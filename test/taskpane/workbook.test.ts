/**
 * OfficeWorkbook against office-addin-mock: the right ranges, one Excel.run per action; a batch is all or nothing (a
 * failing sync, a protected sheet, a sheet name taken, a block past the sheet's edge). Addresses and sheet names:
 * test/core/sheet-address.test.ts.
 */
import { OfficeMockObject } from "office-addin-mock";
import { MAX_COLS, MAX_ROWS, a1, parseA1 } from "../../src/core";
import { Batch, CellRef, OfficeWorkbook, WorkbookError } from "../../src/taskpane/workbook";
import { freezeToValues } from "../../src/taskpane/actions";
import { engine } from "../helpers/engine";

interface Calls {
  runs: number;
  syncs: number;
  /** What the code asked of Excel, in order: "range Sheet1!C4:D4", "add KC IS", "delete KC IS", "chart ...", "activate X". */
  log: string[];
}

interface MockOptions {
  active?: string;
  selection?: string;
  /** Sheets in the workbook and whether each is protected. */
  sheets?: Record<string, { protected?: boolean; used?: string | null }>;
  /** Initial content of ranges by "Sheet!A1:B2". */
  ranges?: Record<string, { formulas?: unknown[][]; values?: unknown[][]; numberFormat?: unknown[][] }>;
  /** Spill ranges by the anchor's "Sheet!A1". */
  spills?: Record<string, { address: string; values: unknown[][] }>;
  /** The used part of the selection (for whole columns or rows); absent: none in use. */
  selectionUsed?: string;
  /** Syncs (1-based) that reject, with an Office.js-like error. */
  failSyncs?: number[];
  failCode?: string;
}

type MockRange = { formulas: unknown[][]; values: unknown[][]; numberFormat: unknown[][]; address: string };

/** The error a promise rejects with (the test fails if it resolves). */
const failure = (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as Error,
  );

/**
 * Excel on office-addin-mock: the context (load / sync) and every range are OfficeMockObjects, so reading a property
 * that was not loaded and synced gives office-addin-mock's error text; sheets, charts and null-object probes are plain.
 */
function mockExcel(options: MockOptions = {}) {
  const calls: Calls = { runs: 0, syncs: 0, log: [] };
  const sheets = new Map(Object.entries(options.sheets ?? { Sheet1: {} }).map(([name, o]) => [name, { protected: false, used: null, ...o }]));
  const root = new OfficeMockObject({
    context: {
      workbook: {
        activeCell: { address: options.active ?? "Sheet1!C4" },
        selected: { address: options.selection ?? "Sheet1!C4", used: { address: options.selectionUsed ?? "" } },
        store: {},
        worksheets: {},
      },
    },
  }) as OfficeMockObject & { context: OfficeMockObject & { sync(): Promise<void>; workbook: OfficeMockObject & Record<string, OfficeMockObject> } };
  const wb = root.context.workbook;
  const store = wb.store as unknown as Record<string, MockRange> & { addMock(name: string): void };
  const ranges = new Map<string, MockRange>();
  const range = (sheet: string, address: string): MockRange => {
    const key = `${sheet}!${address}`;
    calls.log.push(`range ${key}`);
    if (!ranges.has(key)) {
      const [rows, cols] = (() => {
        if (/^[A-Z]+:[A-Z]+$/.test(address)) return [1, 1]; // a whole column: only its format is used
        const [a, b] = address.split(":").map(parseA1);
        return b ? [b.row - a.row + 1, b.col - a.col + 1] : [1, 1];
      })();
      const fill = (v: unknown) => Array.from({ length: rows }, () => Array(cols).fill(v));
      const init = options.ranges?.[key] ?? {};
      store.addMock(key);
      const mock = store[key] as unknown as MockRange & { populate(o: object): void; setValue(name: string, value: unknown): void };
      mock.populate({ address: key, formulas: init.formulas ?? fill(""), values: init.values ?? init.formulas ?? fill(""), numberFormat: init.numberFormat ?? fill("General"), format: { columnWidth: 0, font: { bold: false }, fill: { color: "" } } });
      mock.setValue("getCell", (r: number, c: number) => ({
        getSpillingToRangeOrNullObject: () => {
          const origin = parseA1(address);
          const spill = options.spills?.[`${sheet}!${a1(origin.row + r, origin.col + c)}`];
          return { load: () => undefined, isNullObject: !spill, address: spill?.address, values: spill?.values };
        },
      }));
      ranges.set(key, mock);
    }
    return ranges.get(key)!;
  };
  const sheetApi = (name: string) => {
    const s = sheets.get(name);
    if (!s) throw Object.assign(new Error(`The requested resource doesn't exist: ${name}`), { code: "ItemNotFound" });
    const protectionKey = `protection ${name}`;
    if (!(store as unknown as Record<string, unknown>)[protectionKey]) {
      store.addMock(protectionKey);
      (store[protectionKey] as unknown as { populate(o: object): void }).populate({ protected: s.protected });
    }
    return {
      protection: store[protectionKey],
      getRange: (address: string) => range(name, address),
      getUsedRangeOrNullObject: () => ({ load: () => undefined, isNullObject: !s.used, address: s.used ? `${name}!${s.used}` : undefined }),
      activate: () => void calls.log.push(`activate ${name}`),
      freezePanes: {
        freezeAt: (r: MockRange) => void calls.log.push(`freeze ${[...ranges].find(([, x]) => x === r)?.[0]}`),
        freezeRows: (n: number) => void calls.log.push(`freeze rows ${n}`),
        freezeColumns: (n: number) => void calls.log.push(`freeze columns ${n}`),
      },
      delete: () => (calls.log.push(`delete ${name}`), sheets.delete(name)),
      charts: {
        add: (type: string, data: MockRange, seriesBy: string) => {
          calls.log.push(`chart ${type} ${[...ranges].find(([, r]) => r === data)?.[0]} ${seriesBy}`);
          const series: Array<Record<string, string>> = [];
          const chart = {
            title: { text: "" },
            legend: { position: "" },
            series: { getItemAt: (i: number) => (series[i] ??= { index: String(i) }) },
            setPosition: (from: string, to: string) => void calls.log.push(`position ${from}:${to}`),
          };
          charts.push({ chart, series });
          return chart;
        },
      },
    };
  };
  const charts: Array<{ chart: { title: { text: string } }; series: Array<Record<string, string>> }> = [];
  Object.assign(wb, {
    getActiveCell: () => wb.activeCell,
    getSelectedRange: () => wb.selected,
  });
  const selected = wb.selected as unknown as { used: { isNullObject?: boolean }; getUsedRangeOrNullObject?: () => unknown };
  Object.assign(selected.used, { isNullObject: !options.selectionUsed });
  selected.getUsedRangeOrNullObject = () => selected.used;
  Object.assign(wb.worksheets, {
    getItem: sheetApi,
    getItemOrNullObject: (name: string) => {
      const found = [...sheets.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
      return found ? { load: () => undefined, isNullObject: false, name: found, delete: () => sheetApi(found).delete() } : { load: () => undefined, isNullObject: true, delete: () => undefined };
    },
    add: (name: string) => {
      calls.log.push(`add ${name}`);
      sheets.set(name, { protected: false, used: null });
      return sheetApi(name);
    },
    load: () => undefined,
  });
  Object.defineProperty(wb.worksheets, "items", { get: () => [...sheets.keys()].map((name) => ({ name })) });
  const excel = {
    run: async (callback: (context: unknown) => Promise<unknown>) => {
      calls.runs++;
      const context = root.context;
      const sync = context.sync.bind(context);
      context.sync = async () => {
        calls.syncs++;
        if (options.failSyncs?.includes(calls.syncs)) {
          throw Object.assign(new Error("The cell or chart you're trying to change is protected."), { code: options.failCode ?? "AccessDenied" });
        }
        await sync();
      };
      try {
        return await callback(context);
      } finally {
        context.sync = sync;
      }
    },
  };
  (globalThis as { Excel?: unknown }).Excel = excel;
  return { calls, range: (key: string) => ranges.get(key), sheets, charts };
}

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
      charts: [{ sheet: "KC Ratios", title: "Revenue mix and margins", data: { sheet: "KC Ratios", row: 0, col: 0, rows: 2, cols: 5 }, lines: [2, 3], at: { sheet: "KC Ratios", row: 4, col: 0, rows: 18, cols: 5 } }],
      looks: [{ sheet: "KC Ratios", widths: [62, 14], freeze: { rows: 5, cols: 1 }, bold: ["A1"], inputs: ["B2"] }],
      activate: "KC Ratios",
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
  });

  test("a failing sync: the sheets it added are removed, what it overwrote is put back, and the message says so", async () => {
    const { calls, range, sheets } = mockExcel({ ranges: { "Sheet1!C4": { formulas: [["keep me"]], numberFormat: [["0.00"]] } }, failSyncs: [2] });
    const batch: Batch = { newSheets: ["KC IS"], writes: [{ sheet: "KC IS", row: 0, col: 0, cells: [["x"]] }, { sheet: "Sheet1", row: 3, col: 2, cells: [[1]], formats: [["0.0%"]] }] };
    const error = await new OfficeWorkbook().write(batch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookError);
    expect((error as Error).message).toMatch(/^Excel refused the change: the sheet or workbook is protected or read-only .*Nothing was changed\.$/);
    expect(calls.log).toContain("delete KC IS");
    expect(sheets.has("KC IS")).toBe(false);
    expect(range("Sheet1!C4")!.formulas).toEqual([["keep me"]]);
    expect(range("Sheet1!C4")!.numberFormat).toEqual([["0.00"]]);
    expect(calls.syncs).toBe(4); // read, write (refused), find what was added, undo
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

describe("freezeToValues through OfficeWorkbook (office-addin-mock)", () => {
  const bs = [["Balance sheet (RMB thousands)", "2025Q4", "2026Q1"], ["Total assets", 27768016, 28456254]];
  const options = (extra: MockOptions = {}): MockOptions => ({
    selection: "Sheet1!A1:B2",
    ranges: {
      "Sheet1!A1:B2": {
        formulas: [['=KC.STATEMENT("BS")', '=KC.METRIC("AdjustedEBITDA","2026Q1")'], ["Total assets", "=SUM(1,2)"]],
        values: [["Balance sheet (RMB thousands)", 747506], ["Total assets", 3]],
      },
      "Sheet1!A1:C2": { formulas: [['=KC.STATEMENT("BS")', '=KC.METRIC("AdjustedEBITDA","2026Q1")', "2026Q1"], ["Total assets", "=SUM(1,2)", 28456254]] },
      "Sheet1!B1": { formulas: [['=KC.METRIC("AdjustedEBITDA","2026Q1")']] }, // the mock keeps each address's range apart
    },
    spills: { "Sheet1!A1": { address: "Sheet1!A1:C2", values: bs } },
    ...extra,
  });

  test("the selection's KC formulas become their values (a spill its whole block), noted on a new KC frozen sheet", async () => {
    const { range, sheets } = mockExcel(options());
    const result = await freezeToValues(engine, new OfficeWorkbook(), "selection", new Date("2026-05-30T10:00:00Z"));
    expect(result).toEqual({ frozen: ["Sheet1!A1:C2", "Sheet1!B1"], skipped: [], record: "'KC frozen'!A1:E3", scope: "Sheet1!A1:B2" });
    expect(range("Sheet1!A1:C2")!.formulas).toEqual([["'Balance sheet (RMB thousands)", "'2025Q4", "'2026Q1"], ["'Total assets", 27768016, 28456254]]);
    expect(range("Sheet1!B1")!.formulas).toEqual([[747506]]);
    expect(range("Sheet1!B2")).toBeUndefined(); // =SUM(1,2) is not a KC formula: never touched
    expect(sheets.has("KC frozen")).toBe(true);
    const note = range("KC frozen!A1:E3")!.formulas;
    expect(note[0]).toEqual(["Frozen at", "Cell", "Formula (as it was)", "Value", "Source"]);
    expect(note[1]).toEqual(["2026-05-30 10:00:00", "Sheet1!A1:C2", '\'=KC.STATEMENT("BS")', "2 x 3 values", ""]);
    expect(note[2]).toEqual(["2026-05-30 10:00:00", "Sheet1!B1", '\'=KC.METRIC("AdjustedEBITDA","2026Q1")', 747506, expect.stringMatching(/line 305: 747,506/)]);
  });

  test("appends to an existing KC frozen sheet below what it holds; a KC formula showing an error is left as it is", async () => {
    const { range } = mockExcel(
      options({
        sheets: { Sheet1: {}, "KC frozen": { used: "A1:E4" } },
        ranges: { "Sheet1!A1:B2": { formulas: [['=KC.METRIC("AdjustedEBITDA","2026Q1")', '=KC.METRIC("Nope","2026Q1")'], ["", ""]], values: [[747506, "#N/A"], ["", ""]] } },
        spills: {},
      }),
    );
    const result = await freezeToValues(engine, new OfficeWorkbook(), "selection", new Date("2026-05-30T10:00:00Z"));
    expect(result).toMatchObject({ frozen: ["Sheet1!A1"], skipped: ["Sheet1!B1"], record: "'KC frozen'!A5:E5" });
    expect(range("KC frozen!A5:E5")!.formulas[0].slice(1, 4)).toEqual(["Sheet1!A1", '\'=KC.METRIC("AdjustedEBITDA","2026Q1")', 747506]);
    expect(range("Sheet1!B1")).toBeUndefined();
  });

  test("a refused write (the batch's write sync) leaves the formulas as they were and no KC frozen sheet", async () => {
    const { range, sheets, calls } = mockExcel(options({ failSyncs: [6] })); // 1 selection, 2 read, 3 spills, 4 sheet names, 5 batch read, 6 batch write
    const error = await failure(freezeToValues(engine, new OfficeWorkbook(), "selection"));
    expect(error.message).toMatch(/^Excel refused the change: .*Nothing was changed\.$/);
    expect(calls.log).toContain("delete KC frozen");
    expect(sheets.has("KC frozen")).toBe(false);
    expect(range("Sheet1!A1:C2")!.formulas).toEqual([['=KC.STATEMENT("BS")', '=KC.METRIC("AdjustedEBITDA","2026Q1")', "2026Q1"], ["Total assets", "=SUM(1,2)", 28456254]]);
    expect(range("Sheet1!B1")!.formulas).toEqual([['=KC.METRIC("AdjustedEBITDA","2026Q1")']]);
  });
});
