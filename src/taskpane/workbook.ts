/**
 * The task pane's only way to the workbook: a small interface (active cell, selection, sheets, is-range-empty, read,
 * write a batch of blocks / formats / new sheets / charts / log rows all or nothing). OfficeWorkbook implements it
 * with Office.js (one Excel.run per action, batched); the preview page implements it with a HyperFormula grid. Both
 * write through writeAllOrNothing (all-or-nothing.ts), so they check, refuse and undo alike, with the same messages.
 * Positions are 0-based rows and columns on a named sheet.
 */
import { Block, CellRef, WORKBOOK_MESSAGES, WorkbookMessageKey, a1, columnName, isValidSheetName, parseBlock, roomFor } from "../core";
import type { ChartSpec } from "../export";
import { BatchHost, LogPlan, ReadFacts, ReadQuery, Saved, SizedWrite, writeAllOrNothing } from "./all-or-nothing";

export type { Block, CellRef, ChartSpec };
export type CellValue = string | number | boolean;

/** Sheets the task pane adds start with this: "KC IS", "KC Non-GAAP", "KC frozen". */
export const SHEET_PREFIX = "KC ";

/** One block to write: formulas ("=...") and constants as Excel's `range.formulas` takes them; "" empties a cell. */
export interface BlockWrite {
  sheet: string;
  row: number;
  col: number;
  cells: CellValue[][];
  /** Number formats, same shape as `cells`. */
  formats?: string[][];
  /** The formula the block's top-left cell must still hold when the batch runs; if it changed, the batch is refused. */
  expect?: string;
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

/** Rows appended to a log sheet (made, with its header row, when missing), below whatever it holds when the batch runs. */
export interface LogAppend {
  sheet: string;
  header: CellValue[];
  rows: CellValue[][];
}

/**
 * Everything one action writes, done as one batch: `newSheets` are added (refused if a name is taken), then the blocks
 * written, the charts added and the log rows appended. All or nothing: on any failure what was added is removed and
 * what was overwritten restored, and the promise rejects with a WorkbookError that says what Excel refused.
 */
export interface Batch {
  newSheets?: string[];
  writes: BlockWrite[];
  charts?: ChartSpec[];
  /** Looks of sheets this batch adds. */
  looks?: SheetLook[];
  log?: LogAppend;
  /** Sheet to show when done. */
  activate?: string;
  /** Cell or block to select on the `activate` sheet ("D7"). */
  select?: string;
}

export interface WriteResult {
  /** Where the log rows went, or null when the batch has none. */
  log: Block | null;
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
  write(batch: Batch): Promise<WriteResult>;
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
export function checkBatch(batch: Batch): SizedWrite[] {
  for (const name of [...(batch.newSheets ?? []), ...(batch.log ? [batch.log.sheet] : [])]) {
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

const blank = (cell: unknown) => cell === "" || cell === null || cell === undefined;
const blankBlock = (rows: number, cols: number): string[][] => Array.from({ length: rows }, () => Array<string>(cols).fill(""));

/** What OfficeWorkbook may use beyond what every host that loads the add-in has. */
export interface OfficeFeatures {
  /** ExcelApi 1.12 (spills): a cell a spill fills is told apart from a constant, so an undo lets the spill return. */
  spills: boolean;
}

/**
 * Excel through Office.js: each method is one Excel.run, batched: one sync to read, one to write (write() reads what it
 * will overwrite first, so it can put it back if Excel refuses part of the batch).
 */
export class OfficeWorkbook implements Workbook {
  constructor(private readonly features: OfficeFeatures = { spills: true }) {}

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

  /** Needs ExcelApi 1.12 for the spills (Freeze, the one reader, is offered only where Excel has it). */
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

  async write(batch: Batch): Promise<WriteResult> {
    checkBatch(batch); // what can be refused without Excel is refused before Excel is called
    return Excel.run((context) => writeAllOrNothing(new OfficeBatchHost(context, this.features), batch));
  }
}

/** The all-or-nothing write's primitives on one Excel.run context: each is one sync (two when spills are looked up). */
class OfficeBatchHost implements BatchHost {
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly features: OfficeFeatures,
  ) {}

  private get sheets(): Excel.WorksheetCollection {
    return this.context.workbook.worksheets;
  }

  private range(block: Block): Excel.Range {
    return this.sheets.getItem(block.sheet).getRange(a1(block.row, block.col, block.rows, block.cols));
  }

  async read(query: ReadQuery): Promise<ReadFacts> {
    const names = query.sheets.map((name) => {
      const sheet = this.sheets.getItemOrNullObject(name);
      sheet.load("name");
      return { name, sheet };
    });
    const protections = query.protection.map((name) => {
      const protection = this.sheets.getItem(name).protection;
      protection.load("protected");
      return { name, protection };
    });
    const blocks = query.blocks.map((block) => {
      const range = this.range(block);
      range.load("formulas, numberFormat");
      return { block, range };
    });
    const used = query.used.map((name) => {
      const range = this.sheets.getItem(name).getUsedRangeOrNullObject();
      range.load("address");
      return { name, range };
    });
    await this.context.sync();
    const saved: Saved[] = blocks.map(({ block, range }) => ({ block, formulas: (range.formulas as CellValue[][]).map((row) => [...row]), formats: range.numberFormat as string[][] }));
    if (this.features.spills) await this.emptySpilledCells(blocks.map((b) => b.range), saved);
    return {
      sheets: Object.fromEntries(names.map(({ name, sheet }) => [name, sheet.isNullObject ? null : sheet.name])),
      protected: protections.filter((p) => p.protection.protected === true).map((p) => p.name),
      saved,
      used: Object.fromEntries(used.map(({ name, range }) => [name, range.isNullObject ? null : parseBlock(range.address)])),
    };
  }

  /**
   * `range.formulas` gives the values of the cells a spill fills (not its anchor), and writing those back would block
   * the spill (#SPILL!): such cells are saved as empty (ExcelApi 1.12: getSpillParentOrNullObject).
   */
  private async emptySpilledCells(ranges: Excel.Range[], saved: Saved[]): Promise<void> {
    const probes: Array<{ cells: CellValue[]; col: number; parent: Excel.Range }> = [];
    saved.forEach((s, i) =>
      s.formulas.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (blank(cell) || (typeof cell === "string" && cell.startsWith("="))) return;
          const parent = ranges[i].getCell(r, c).getSpillParentOrNullObject();
          parent.load("address");
          probes.push({ cells, col: c, parent });
        }),
      ),
    );
    if (!probes.length) return;
    await this.context.sync();
    for (const p of probes) if (!p.parent.isNullObject) p.cells[p.col] = "";
  }

  async apply(batch: Batch, writes: SizedWrite[], log: LogPlan | null): Promise<Block | null> {
    for (const name of batch.newSheets ?? []) this.sheets.add(name);
    for (const w of writes) {
      const range = this.range(w);
      range.formulas = w.cells as unknown[][];
      if (w.formats) range.numberFormat = w.formats;
    }
    const logRange = log ? this.queueLog(log) : null;
    for (const chart of batch.charts ?? []) queueChart(this.sheets, chart);
    for (const look of batch.looks ?? []) queueLook(this.sheets, look);
    if (batch.activate) {
      const sheet = this.sheets.getItem(batch.activate);
      sheet.activate();
      if (batch.select) sheet.getRange(batch.select).select();
    }
    await this.context.sync();
    return logRange ? parseBlock(logRange.address) : null;
  }

  /**
   * The log rows, below what the sheet holds when Excel runs this batch: the position is worked out by Excel in the
   * same sync as the write (used range, its last row, the row after it), so another batch cannot take the same rows.
   */
  private queueLog(log: LogPlan): Excel.Range {
    const sheet = this.sheets.getItem(log.sheet);
    const start = log.atRow === null ? sheet.getUsedRange().getLastRow().getEntireRow().getCell(0, 0).getOffsetRange(1, 0) : sheet.getRange(a1(log.atRow, 0));
    const range = start.getResizedRange(log.rows.length - 1, log.rows[0].length - 1);
    range.formulas = log.rows as unknown[][];
    range.load("address");
    return range;
  }

  async undo(added: string[], saved: Saved[], log: LogPlan | null): Promise<void> {
    const probes = added.map((name) => {
      const sheet = this.sheets.getItemOrNullObject(name);
      sheet.load("name");
      return sheet;
    });
    const logged = log && !added.includes(log.sheet) ? this.sheets.getItem(log.sheet).getUsedRangeOrNullObject() : null;
    logged?.load("address, formulas");
    await this.context.sync();
    for (const sheet of probes) if (!sheet.isNullObject) sheet.delete();
    for (const s of saved) {
      const range = this.range(s.block);
      range.formulas = s.formulas as unknown[][];
      range.numberFormat = s.formats;
    }
    // The log rows this batch wrote, if Excel got that far (found by their content: another batch may have added rows
    // below them since), emptied.
    if (log && logged && !logged.isNullObject) {
      const at = findRows(logged.formulas as CellValue[][], log.rows);
      const used = parseBlock(logged.address);
      if (at >= 0) this.range({ sheet: log.sheet, row: used.row + at, col: used.col, rows: log.rows.length, cols: log.rows[0].length }).formulas = blankBlock(log.rows.length, log.rows[0].length);
    }
    await this.context.sync();
  }
}

/** The first row from which `rows` appear in `grid` (as written: text with its leading apostrophe dropped), or -1. */
export function findRows(grid: CellValue[][], rows: CellValue[][]): number {
  const same = (a: CellValue, b: CellValue) => a === b || (typeof b === "string" && b.startsWith("'") && a === b.slice(1));
  for (let r = 0; r + rows.length <= grid.length; r++) {
    if (rows.every((row, i) => row.every((cell, c) => same(grid[r + i][c], cell)))) return r;
  }
  return -1;
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
  chart.axes.getItem("Value", "Primary").numberFormat = spec.axisFormats.primary;
  if (spec.lines.length) chart.axes.getItem("Value", "Secondary").numberFormat = spec.axisFormats.secondary;
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
