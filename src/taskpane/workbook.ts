/**
 * The task pane's only way to the workbook: a small interface (active cell, selection, sheets, is-range-empty, read,
 * write a batch of blocks / formats / new sheets / charts all or nothing, add chart). OfficeWorkbook implements it with
 * Office.js (one Excel.run per action, batched); the preview page implements it with a HyperFormula grid.
 * Positions are 0-based rows and columns on a named sheet.
 */
import { Block, CellRef, WORKBOOK_MESSAGES, WorkbookMessageKey, a1, columnName, isValidSheetName, parseBlock, roomFor } from "../core";

export type { Block, CellRef };
export type CellValue = string | number | boolean;

/** One block to write: formulas ("=...") and constants as Excel's `range.formulas` takes them; "" empties a cell. */
export interface BlockWrite {
  sheet: string;
  row: number;
  col: number;
  cells: CellValue[][];
  /** Number formats, same shape as `cells`. */
  formats?: string[][];
}

/**
 * A native chart over a data block whose first row names the series and first column holds the categories (periods).
 * `lines` are the series (0-based, after the category column) drawn as lines on a secondary axis; the rest are stacked
 * columns. `at` is where the chart sits.
 */
export interface ChartSpec {
  sheet: string;
  title: string;
  data: Block;
  lines: number[];
  at: Block;
}

/** How a sheet the batch adds looks: column widths (characters), frozen panes, bold cells, highlighted input cells. */
export interface SheetLook {
  sheet: string;
  widths?: number[];
  freeze?: { rows: number; cols: number };
  /** A1 addresses of cells set in bold (titles, headers, totals). */
  bold?: string[];
  /** A1 addresses of input cells, filled light yellow. */
  inputs?: string[];
}

/** The fill of input cells (Excel's "Note" yellow). */
export const INPUT_FILL = "#FFF2CC";

/**
 * Everything one action writes, done as one batch: `newSheets` are added (refused if a name is taken), then the blocks
 * written, then the charts added. All or nothing: on any failure what was added is removed and what was overwritten
 * restored, and the promise rejects with a WorkbookError that says what Excel refused.
 */
export interface Batch {
  newSheets?: string[];
  writes: BlockWrite[];
  charts?: ChartSpec[];
  /** Looks of sheets this batch adds. */
  looks?: SheetLook[];
  /** Sheet to show when done. */
  activate?: string;
}

/** What a read gives: formulas ("=..." or the constant), values (errors as "#N/A" text), and the spills anchored in the block. */
export interface BlockContent {
  formulas: CellValue[][];
  values: CellValue[][];
  /** For each formula cell in the block that spills: the whole spilled block's values, anchored at the formula. */
  spills: Array<{ row: number; col: number; values: CellValue[][] }>;
}

export interface Workbook {
  /** The selected (active) cell. */
  activeCell(): Promise<CellRef>;
  /** The selected block (the active cell's block when one cell is selected). */
  selection(): Promise<Block>;
  sheetNames(): Promise<string[]>;
  /** The block from A1 to the last cell in use on `sheet`, or null when the sheet is empty. */
  usedRange(sheet: string): Promise<Block | null>;
  /** True when every cell of the rows x cols block at `at` holds neither a value nor a formula. */
  isRangeEmpty(at: CellRef, rows: number, cols: number): Promise<boolean>;
  read(block: Block): Promise<BlockContent>;
  /** Writes a batch, all or nothing (see Batch). */
  write(batch: Batch): Promise<void>;
}

/** A failure the user can act on; its message says what happened and that nothing was changed. */
export class WorkbookError extends Error {
  readonly key: WorkbookMessageKey | null;

  constructor(message: string, key: WorkbookMessageKey | null = null) {
    super(message);
    this.name = "WorkbookError";
    this.key = key;
  }
}

/** The WorkbookError for a message key. */
export function workbookError<K extends WorkbookMessageKey>(key: K, ...args: Parameters<(typeof WORKBOOK_MESSAGES)[K]>): WorkbookError {
  const text = WORKBOOK_MESSAGES[key] as (...a: Parameters<(typeof WORKBOOK_MESSAGES)[K]>) => string;
  return new WorkbookError(text(...args), key);
}

/** Refuses a block that would run past the sheet's last row or column, before anything is asked of Excel. */
export function checkFits(block: Block): void {
  const room = roomFor(block);
  if (!room.fits) throw workbookError("doesNotFit", block.rows, block.cols, a1(block.row, block.col), room.rows, room.cols);
}

/** A plain-words message for what Excel refused (Office.js errors carry a `code`), without saying what was kept. */
export function describeExcelError(error: unknown): string {
  if (error instanceof WorkbookError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "AccessDenied") return WORKBOOK_MESSAGES.protectedOrReadOnly(reason(error));
  if (code === "InvalidOperationInCellEditMode") return WORKBOOK_MESSAGES.cellEditMode();
  if (code === "ItemAlreadyExists") return WORKBOOK_MESSAGES.itemExists(reason(error));
  return WORKBOOK_MESSAGES.excelRefused(reason(error));
}

function shape(matrix: unknown[][]): { rows: number; cols: number } {
  const rows = matrix.length;
  const cols = rows ? matrix[0].length : 0;
  if (rows === 0 || cols === 0 || matrix.some((r) => r.length !== cols)) throw workbookError("notRectangular");
  return { rows, cols };
}

/** The blocks of a batch with their sizes, checked (rectangular, formats of the same shape, inside the sheet). */
export function checkBatch(batch: Batch): Array<BlockWrite & Block> {
  for (const name of batch.newSheets ?? []) {
    if (!isValidSheetName(name)) throw workbookError("badSheetName", name);
  }
  return batch.writes.map((w) => {
    const block = { ...w, ...shape(w.cells) };
    if (w.formats) {
      const f = shape(w.formats);
      if (f.rows !== block.rows || f.cols !== block.cols) throw workbookError("formatsShape");
    }
    checkFits(block);
    return block;
  });
}

const lower = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase()));
const blank = (cell: unknown) => cell === "" || cell === null || cell === undefined;

/**
 * Excel through Office.js: each method is one Excel.run, batched: one sync to read, one to write (write() reads what it
 * will overwrite first, so it can put it back if Excel refuses part of the batch).
 */
export class OfficeWorkbook implements Workbook {
  async activeCell(): Promise<CellRef> {
    return Excel.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address");
      await context.sync();
      const { sheet, row, col } = parseBlock(cell.address);
      return { sheet, row, col };
    });
  }

  async selection(): Promise<Block> {
    return Excel.run(async (context) => {
      const range = context.workbook.getSelectedRange();
      // Whole columns or rows ("Sheet1!A:C", "Sheet1!2:5") stand for the part of them in use.
      const used = range.getUsedRangeOrNullObject(true);
      range.load("address");
      used.load("address");
      await context.sync();
      if (/![$A-Za-z]+\$?\d+(:\$?[A-Za-z]+\$?\d+)?$/.test(range.address)) return parseBlock(range.address);
      if (used.isNullObject) throw workbookError("nothingInUse", range.address);
      return parseBlock(used.address);
    });
  }

  async sheetNames(): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async usedRange(sheet: string): Promise<Block | null> {
    return Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getUsedRangeOrNullObject(true);
      range.load("address");
      await context.sync();
      return range.isNullObject ? null : parseBlock(range.address);
    });
  }

  async isRangeEmpty(at: CellRef, rows: number, cols: number): Promise<boolean> {
    checkFits({ ...at, rows, cols });
    return Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(at.sheet).getRange(a1(at.row, at.col, rows, cols));
      range.load("formulas");
      await context.sync();
      return (range.formulas as unknown[][]).every((row) => row.every(blank));
    });
  }

  async read(block: Block): Promise<BlockContent> {
    return Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(block.sheet).getRange(a1(block.row, block.col, block.rows, block.cols));
      range.load("formulas, values");
      await context.sync();
      const formulas = range.formulas as CellValue[][];
      const probes: Array<{ row: number; col: number; spill: Excel.Range }> = [];
      formulas.forEach((cells, r) =>
        cells.forEach((f, c) => {
          if (typeof f !== "string" || !f.startsWith("=")) return;
          const spill = range.getCell(r, c).getSpillingToRangeOrNullObject();
          spill.load("address, values");
          probes.push({ row: block.row + r, col: block.col + c, spill });
        }),
      );
      if (probes.length) await context.sync();
      const spills = probes.filter((p) => !p.spill.isNullObject).map((p) => ({ row: p.row, col: p.col, values: p.spill.values as CellValue[][] }));
      return { formulas, values: range.values as CellValue[][], spills };
    });
  }

  async write(batch: Batch): Promise<void> {
    const writes = checkBatch(batch);
    const newSheets = batch.newSheets ?? [];
    const fresh = lower(newSheets);
    const onExisting = writes.filter((w) => !fresh.has(w.sheet.toLowerCase()));
    const existingSheets = [...new Set([...onExisting.map((w) => w.sheet), ...(batch.charts ?? []).map((c) => c.sheet).filter((s) => !fresh.has(s.toLowerCase()))])];
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      // 1. Read: are the new names free, is any target sheet protected, and what will be overwritten.
      const probes = newSheets.map((name) => {
        const sheet = sheets.getItemOrNullObject(name);
        sheet.load("name");
        return { name, sheet };
      });
      const protections = existingSheets.map((name) => {
        const protection = sheets.getItem(name).protection;
        protection.load("protected");
        return { name, protection };
      });
      const before = onExisting.map((w) => {
        const range = sheets.getItem(w.sheet).getRange(a1(w.row, w.col, w.rows, w.cols));
        range.load("formulas, numberFormat");
        return { w, range };
      });
      await context.sync();
      const taken = probes.find((p) => !p.sheet.isNullObject);
      if (taken) throw workbookError("sheetTaken", taken.name);
      const locked = protections.find((p) => p.protection.protected === true);
      if (locked) throw workbookError("sheetProtected", locked.name);
      const saved = before.map(({ w, range }) => ({ w, formulas: range.formulas as CellValue[][], formats: range.numberFormat as string[][] }));

      // 2. Write, in one sync.
      try {
        for (const name of newSheets) sheets.add(name);
        for (const w of writes) {
          const range = sheets.getItem(w.sheet).getRange(a1(w.row, w.col, w.rows, w.cols));
          range.formulas = w.cells as unknown[][];
          if (w.formats) range.numberFormat = w.formats;
        }
        for (const chart of batch.charts ?? []) queueChart(sheets, chart);
        for (const look of batch.looks ?? []) queueLook(sheets, look);
        if (batch.activate) sheets.getItem(batch.activate).activate();
        await context.sync();
      } catch (error) {
        // 3. Undo: remove the sheets this batch added, put back what it overwrote.
        let undone = true;
        try {
          const added = newSheets.map((name) => {
            const sheet = sheets.getItemOrNullObject(name);
            sheet.load("name");
            return sheet;
          });
          await context.sync();
          for (const sheet of added) if (!sheet.isNullObject) sheet.delete();
          for (const s of saved) {
            const range = sheets.getItem(s.w.sheet).getRange(a1(s.w.row, s.w.col, s.w.rows, s.w.cols));
            range.formulas = s.formulas as unknown[][];
            range.numberFormat = s.formats;
          }
          await context.sync();
        } catch {
          undone = false;
        }
        const targets = [...new Set(writes.map((w) => w.sheet))].join(", ");
        throw workbookError("refused", describeExcelError(error), undone, targets);
      }
    });
  }
}

function queueChart(sheets: Excel.WorksheetCollection, spec: ChartSpec): void {
  const sheet = sheets.getItem(spec.sheet);
  const data = sheet.getRange(a1(spec.data.row, spec.data.col, spec.data.rows, spec.data.cols));
  const chart = sheet.charts.add("ColumnStacked", data, "Columns");
  chart.title.text = spec.title;
  for (const index of spec.lines) {
    const series = chart.series.getItemAt(index);
    series.chartType = "Line";
    series.axisGroup = "Secondary";
  }
  chart.legend.position = "Bottom";
  chart.setPosition(a1(spec.at.row, spec.at.col), a1(spec.at.row + spec.at.rows - 1, spec.at.col + spec.at.cols - 1));
}

function queueLook(sheets: Excel.WorksheetCollection, look: SheetLook): void {
  const sheet = sheets.getItem(look.sheet);
  // Excel's column width is in points; a character of the default font is about 7 points wide.
  look.widths?.forEach((width, i) => (sheet.getRange(`${columnName(i)}:${columnName(i)}`).format.columnWidth = Math.round(width * 7)));
  if (look.freeze && look.freeze.rows + look.freeze.cols > 0) {
    if (look.freeze.rows && look.freeze.cols) sheet.freezePanes.freezeAt(sheet.getRange(a1(0, 0, look.freeze.rows, look.freeze.cols)));
    else if (look.freeze.rows) sheet.freezePanes.freezeRows(look.freeze.rows);
    else sheet.freezePanes.freezeColumns(look.freeze.cols);
  }
  for (const address of look.bold ?? []) sheet.getRange(address).format.font.bold = true;
  for (const address of look.inputs ?? []) sheet.getRange(address).format.fill.color = INPUT_FILL;
}

/** Why Excel refused: the error's own words, and its code when it has one. */
function reason(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && !detail.includes(code) ? `${detail} (${code})` : detail;
}
