/**
 * The one all-or-nothing write: what every workbook (Office.js in Excel, the preview's HyperFormula grid) does with a
 * Batch, with the same checks and the same messages. A workbook supplies three primitives (BatchHost): read what the
 * batch needs to know, apply the batch, undo it. The steps:
 *   1. Refuse before anything is asked of the workbook: blocks that are not rectangular or would run past the sheet's
 *      edge, names Excel refuses.
 *   2. Read: are the new sheets' names free, is any target sheet protected, what will be overwritten (a cell a spill
 *      fills is kept as empty, so putting it back lets its spill return), and does each block whose top-left cell the
 *      batch expects to hold a formula still hold it.
 *   3. Apply everything; the log rows go below whatever the log sheet holds at that moment (the host decides where in
 *      the same step, so two batches never write the same log row).
 *   4. If the workbook refuses any part: remove the sheets the batch added, put back what it overwrote, take out its
 *      log rows, and say what was refused and whether everything was put back.
 */
import { Block, qualifiedA1 } from "../core";
import { Batch, BlockWrite, CellValue, LogAppend, WriteResult, checkBatch, describeExcelError, workbookError } from "./workbook";

/** A block write with its size. */
export type SizedWrite = BlockWrite & Block;

export interface ReadQuery {
  /** Sheet names to look up (Excel ignores case). */
  sheets: string[];
  /** Existing sheets whose protection to read. */
  protection: string[];
  /** Blocks on existing sheets whose content the batch will overwrite. */
  blocks: Block[];
  /** Existing sheets whose used range (values or formats) to read. */
  used: string[];
}

/** What was in a block before the batch: formulas or constants ("" for empty cells and cells a spill fills), formats. */
export interface Saved {
  block: Block;
  formulas: CellValue[][];
  formats: string[][];
}

export interface ReadFacts {
  /** Each looked-up name to the existing sheet's name as spelled in the workbook, or null when there is none. */
  sheets: Record<string, string | null>;
  /** The sheets among `protection` that are protected. */
  protected: string[];
  /** The blocks' content, in the order asked. */
  saved: Saved[];
  /** Each sheet's used range, or null when it holds nothing. */
  used: Record<string, Block | null>;
}

/** Where the log rows go: at a row, or (null) right below what the sheet holds when the batch is applied. */
export interface LogPlan {
  sheet: string;
  rows: CellValue[][];
  atRow: number | null;
}

export interface BatchHost {
  read(query: ReadQuery): Promise<ReadFacts>;
  /** Applies the batch (its new sheets, writes, charts, looks, the sheet to show) and the log rows; resolves with where the log rows went. */
  apply(batch: Batch, writes: SizedWrite[], log: LogPlan | null): Promise<Block | null>;
  /** Removes `added` sheets, puts `saved` back and takes out the log rows (rejects when the workbook refuses). */
  undo(added: string[], saved: Saved[], log: LogPlan | null): Promise<void>;
}

const lower = (name: string) => name.toLowerCase();
const unique = (names: string[]) => [...new Map(names.map((n) => [lower(n), n])).values()];

/** Runs a batch through a host, all or nothing. */
export async function writeAllOrNothing(host: BatchHost, batch: Batch): Promise<WriteResult> {
  const writes = checkBatch(batch);
  const log = batch.log ?? null;
  if (log && (!log.header.length || log.rows.some((row) => row.length !== log.header.length))) throw workbookError("notRectangular");
  const fresh = new Set((batch.newSheets ?? []).map(lower));
  const existing = (sheet: string) => !fresh.has(lower(sheet));
  const overwritten = writes.filter((w) => existing(w.sheet));
  const targets = unique([...overwritten.map((w) => w.sheet), ...(batch.charts ?? []).map((c) => c.sheet), ...(batch.looks ?? []).map((l) => l.sheet)].filter(existing));

  const facts = await host.read({ sheets: [...(batch.newSheets ?? []), ...(log ? [log.sheet] : [])], protection: targets, blocks: overwritten, used: [] });
  const taken = (batch.newSheets ?? []).find((name) => facts.sheets[name]);
  if (taken) throw workbookError("sheetTaken", taken);
  if (facts.protected.length) throw workbookError("sheetProtected", facts.protected[0]);
  overwritten.forEach((w, i) => {
    if (w.expect !== undefined && facts.saved[i].formulas[0][0] !== w.expect) throw workbookError("changedSinceRead", qualifiedA1({ sheet: w.sheet, row: w.row, col: w.col }));
  });
  const plan = log ? await planLog(host, log, facts.sheets[log.sheet]) : null;
  const added = [...(batch.newSheets ?? []), ...(plan?.create ? [plan.sheet] : [])];

  let where: Block | null;
  try {
    where = await host.apply({ ...batch, newSheets: added }, writes, plan);
  } catch (error) {
    let undone = true;
    try {
      await host.undo(added, facts.saved, plan);
    } catch {
      undone = false;
    }
    throw workbookError("refused", describeExcelError(error), undone, unique([...writes.map((w) => w.sheet), ...(plan ? [plan.sheet] : [])]).join(", "));
  }
  return { log: where };
}

/** The log's sheet (made when missing, its header first) and where its rows go. */
async function planLog(host: BatchHost, log: LogAppend, actual: string | null): Promise<LogPlan & { create: boolean }> {
  if (!actual) return { sheet: log.sheet, rows: [log.header, ...log.rows], atRow: 0, create: true };
  const facts = await host.read({ sheets: [], protection: [actual], blocks: [], used: [actual] });
  if (facts.protected.length) throw workbookError("sheetProtected", actual);
  const empty = !facts.used[actual];
  return { sheet: actual, rows: empty ? [log.header, ...log.rows] : log.rows, atRow: empty ? 0 : null, create: false };
}

/** The block of log rows starting at `row` (column A). */
export const logBlock = (plan: LogPlan, row: number): Block => ({ sheet: plan.sheet, row, col: 0, rows: plan.rows.length, cols: plan.rows[0].length });
