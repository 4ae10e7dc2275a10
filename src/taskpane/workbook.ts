/**
 * The task pane's only way to the workbook: a small interface (active cell, is-range-empty, write values / formulas /
 * number formats, add sheet). OfficeWorkbook implements it with Office.js (one Excel.run and one sync per action); the
 * preview page implements it with a HyperFormula grid. Positions are 0-based rows and columns on a named sheet.
 */
export type CellValue = string | number | boolean;

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

export interface Workbook {
  /** The selected (active) cell. */
  activeCell(): Promise<CellRef>;
  /** True when every cell of the rows x cols block at `at` holds neither a value nor a formula. */
  isRangeEmpty(at: CellRef, rows: number, cols: number): Promise<boolean>;
  writeValues(at: CellRef, values: CellValue[][]): Promise<void>;
  /** Formulas in A1 style, each starting with "=". */
  writeFormulas(at: CellRef, formulas: string[][]): Promise<void>;
  /** Excel number formats, such as "#,##0;(#,##0)". */
  writeFormats(at: CellRef, formats: string[][]): Promise<void>;
  /** Adds a sheet and returns its name; rejects (nothing added) if Excel refuses the name. */
  addSheet(name: string): Promise<string>;
}

/** "A", "B", ..., "Z", "AA" for a 0-based column. */
export function columnName(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** "B2" or "B2:D5" for a block at a 0-based position. */
export function a1(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${columnName(col)}${row + 1}`;
  return rows === 1 && cols === 1 ? start : `${start}:${columnName(col + cols - 1)}${row + rows}`;
}

/** Row and column (0-based) of "B2", "$B$2" or the start of "Sheet1!B2:C3". */
export function parseA1(address: string): { row: number; col: number } {
  const cell = address.slice(address.lastIndexOf("!") + 1).split(":")[0].replace(/\$/g, "");
  const match = /^([A-Za-z]{1,3})(\d+)$/.exec(cell);
  if (!match) throw new Error(`Not a cell address: '${address}'`);
  const col = [...match[1].toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(match[2]) - 1, col };
}

/** The sheet name in "Sheet1!B2" or "'My sheet'!B2". */
export function sheetOf(address: string): string {
  const name = address.slice(0, address.lastIndexOf("!"));
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

function shape(matrix: unknown[][]): { rows: number; cols: number } {
  const rows = matrix.length;
  const cols = rows ? matrix[0].length : 0;
  if (rows === 0 || cols === 0 || matrix.some((r) => r.length !== cols)) throw new Error("Write a non-empty rectangular block.");
  return { rows, cols };
}

/** Excel through Office.js: each method is one Excel.run with one sync (two where a value must be read back). */
export class OfficeWorkbook implements Workbook {
  async activeCell(): Promise<CellRef> {
    return Excel.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await context.sync();
      return { sheet: sheetOf(cell.address), ...parseA1(cell.address) };
    });
  }

  async isRangeEmpty(at: CellRef, rows: number, cols: number): Promise<boolean> {
    return Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(at.sheet).getRange(a1(at.row, at.col, rows, cols));
      range.load("formulas");
      await context.sync();
      return (range.formulas as unknown[][]).every((row) => row.every((cell) => cell === "" || cell === null));
    });
  }

  writeValues(at: CellRef, values: CellValue[][]): Promise<void> {
    return this.write(at, values, (range) => (range.values = values));
  }

  writeFormulas(at: CellRef, formulas: string[][]): Promise<void> {
    return this.write(at, formulas, (range) => (range.formulas = formulas));
  }

  writeFormats(at: CellRef, formats: string[][]): Promise<void> {
    return this.write(at, formats, (range) => (range.numberFormat = formats));
  }

  async addSheet(name: string): Promise<string> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add(name);
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
  }

  private async write(at: CellRef, matrix: unknown[][], set: (range: Excel.Range) => void): Promise<void> {
    const { rows, cols } = shape(matrix);
    await Excel.run(async (context) => {
      set(context.workbook.worksheets.getItem(at.sheet).getRange(a1(at.row, at.col, rows, cols)));
      await context.sync();
    });
  }
}

/** Writes `formulas` (or values) at `at` only if the block there is empty; says why not otherwise. */
export async function writeIfEmpty(
  workbook: Workbook,
  at: CellRef,
  content: { formulas?: string[][]; values?: CellValue[][]; formats?: string[][] },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const matrix = content.formulas ?? content.values;
  if (!matrix) throw new Error("Nothing to write.");
  const { rows, cols } = shape(matrix);
  if (!(await workbook.isRangeEmpty(at, rows, cols))) {
    const where = `${at.sheet}!${a1(at.row, at.col, rows, cols)}`;
    return { ok: false, message: `${where} is not empty: nothing was written. Select an empty cell and try again.` };
  }
  if (content.formulas) await workbook.writeFormulas(at, content.formulas);
  else await workbook.writeValues(at, content.values!);
  if (content.formats) await workbook.writeFormats(at, content.formats);
  return { ok: true };
}
