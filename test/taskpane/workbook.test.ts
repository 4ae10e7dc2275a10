/** OfficeWorkbook against office-addin-mock: the right ranges, one Excel.run and one sync per action; writeIfEmpty never overwrites. */
import { OfficeMockObject } from "office-addin-mock";
import { CellRef, CellValue, OfficeWorkbook, Workbook, a1, columnName, parseA1, sheetOf, writeIfEmpty } from "../../src/taskpane/workbook";

interface Calls {
  runs: number;
  syncs: number;
  ranges: string[];
}

/** An Excel mock whose sheets hand out one range object (with the given formulas), recording what is asked. */
function mockExcel(options: { active?: string; formulas?: unknown[][] } = {}) {
  const calls: Calls = { runs: 0, syncs: 0, ranges: [] };
  const range = { address: "", formulas: options.formulas ?? [[""]], values: [[""]], numberFormat: [["General"]] };
  const data = {
    context: {
      workbook: {
        activeCell: { address: options.active ?? "Sheet1!C4" },
        getActiveCell: function () {
          return (this as unknown as { activeCell: unknown }).activeCell;
        },
        range,
        worksheets: {
          sheet: { name: "" },
          getItem: function (name: string) {
            calls.ranges.push(`${name}!`);
            return { getRange: (address: string) => (calls.ranges.push(address), (data_ as MockRoot).context.workbook.range) };
          },
          add: function (name: string) {
            const sheet = (data_ as MockRoot).context.workbook.worksheets.sheet;
            (sheet as unknown as { setValue(key: string, value: unknown): void }).setValue("name", name);
            return sheet;
          },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      calls.runs++;
      const context = (this as unknown as MockRoot).context;
      const sync = context.sync.bind(context);
      context.sync = async () => {
        calls.syncs++;
        await sync();
      };
      try {
        return await callback(context);
      } finally {
        context.sync = sync;
      }
    },
  };
  type MockRoot = OfficeMockObject & { context: OfficeMockObject & { sync: () => Promise<void>; workbook: { range: OfficeMockObject & Record<string, unknown>; worksheets: { sheet: OfficeMockObject } } } };
  const data_ = new OfficeMockObject(data) as MockRoot;
  (globalThis as { Excel?: unknown }).Excel = data_;
  return { calls, range: data_.context.workbook.range };
}

afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

const at: CellRef = { sheet: "Sheet1", row: 3, col: 2 };

describe("addresses", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s and parses back", (col, name) => {
    expect(columnName(col)).toBe(name);
    expect(parseA1(`${name}7`)).toEqual({ row: 6, col });
  });

  test("blocks, sheets and absolute references", () => {
    expect(a1(3, 2)).toBe("C4");
    expect(a1(3, 2, 2, 3)).toBe("C4:E5");
    expect(parseA1("'My sheet'!$C$4:D9")).toEqual({ row: 3, col: 2 });
    expect(sheetOf("'Bob''s sheet'!C4")).toBe("Bob's sheet");
    expect(sheetOf("Sheet1!C4")).toBe("Sheet1");
    expect(() => parseA1("Sheet1!R1C1")).toThrow(/Not a cell address/);
  });
});

describe("OfficeWorkbook (office-addin-mock)", () => {
  test("activeCell: the sheet and position of the active cell, one sync", async () => {
    const { calls } = mockExcel({ active: "'Q1 model'!D10" });
    expect(await new OfficeWorkbook().activeCell()).toEqual({ sheet: "Q1 model", row: 9, col: 3 });
    expect(calls).toMatchObject({ runs: 1, syncs: 1 });
  });

  test("isRangeEmpty reads the block's formulas once", async () => {
    const empty = mockExcel({ formulas: [["", ""]] });
    expect(await new OfficeWorkbook().isRangeEmpty(at, 1, 2)).toBe(true);
    expect(empty.calls).toEqual({ runs: 1, syncs: 1, ranges: ["Sheet1!", "C4:D4"] });
    mockExcel({ formulas: [["", "=1+1"]] });
    expect(await new OfficeWorkbook().isRangeEmpty(at, 1, 2)).toBe(false);
    mockExcel({ formulas: [[0]] });
    expect(await new OfficeWorkbook().isRangeEmpty(at, 1, 1)).toBe(false);
  });

  test.each([
    ["writeValues", "values", [[1, "a"]]],
    ["writeFormulas", "formulas", [['=KC.METRIC("AdjustedEBITDA","2026Q1")', "=1"]]],
    ["writeFormats", "numberFormat", [["#,##0;(#,##0)", "0.0%"]]],
  ] as const)("%s sets %s on the block's range in one sync", async (method, property, matrix) => {
    const { calls, range } = mockExcel();
    await (new OfficeWorkbook()[method] as (at: CellRef, m: unknown[][]) => Promise<void>)(at, matrix as unknown as unknown[][]);
    expect(range[property]).toEqual(matrix);
    expect(calls).toEqual({ runs: 1, syncs: 1, ranges: ["Sheet1!", "C4:D4"] });
  });

  test("a ragged or empty block is refused before Excel is called", async () => {
    const { calls } = mockExcel();
    await expect(new OfficeWorkbook().writeValues(at, [[1, 2], [3]])).rejects.toThrow(/rectangular/);
    await expect(new OfficeWorkbook().writeValues(at, [])).rejects.toThrow(/rectangular/);
    expect(calls.runs).toBe(0);
  });

  test("addSheet adds the sheet and returns its name", async () => {
    const { calls } = mockExcel();
    expect(await new OfficeWorkbook().addSheet("KC model")).toBe("KC model");
    expect(calls).toMatchObject({ runs: 1, syncs: 1 });
  });
});

/** An in-memory workbook recording writes. */
class MemoryWorkbook implements Workbook {
  cells = new Map<string, CellValue>();
  writes: string[] = [];
  async activeCell() {
    return at;
  }
  async isRangeEmpty(start: CellRef, rows: number, cols: number) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (this.cells.has(a1(start.row + r, start.col + c))) return false;
    return true;
  }
  private put(kind: string, start: CellRef, m: CellValue[][]) {
    this.writes.push(kind);
    m.forEach((row, r) => row.forEach((v, c) => this.cells.set(a1(start.row + r, start.col + c), v)));
  }
  async writeValues(start: CellRef, m: CellValue[][]) {
    this.put("values", start, m);
  }
  async writeFormulas(start: CellRef, m: string[][]) {
    this.put("formulas", start, m);
  }
  async writeFormats(start: CellRef) {
    this.writes.push(`formats@${a1(start.row, start.col)}`);
  }
  async addSheet(name: string) {
    return name;
  }
}

describe("writeIfEmpty", () => {
  test("writes formulas then formats into an empty block", async () => {
    const wb = new MemoryWorkbook();
    expect(await writeIfEmpty(wb, at, { formulas: [["=1"]], formats: [["0.0%"]] })).toEqual({ ok: true });
    expect(wb.writes).toEqual(["formulas", "formats@C4"]);
  });

  test("refuses a block with anything in it, says where, and writes nothing", async () => {
    const wb = new MemoryWorkbook();
    wb.cells.set("D4", 5);
    const result = await writeIfEmpty(wb, at, { values: [[1, 2]] });
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^Sheet1!C4:D4 is not empty: nothing was written/) });
    expect(wb.writes).toEqual([]);
    expect(wb.cells.get("D4")).toBe(5);
  });
});
