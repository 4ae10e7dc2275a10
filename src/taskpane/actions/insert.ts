/**
 * Insert: a metric's formula or value (Find), or a statement or bridge as a KC.STATEMENT spill or as values (Tables),
 * at the active cell when its block is empty; otherwise only after asking (overwrite, new sheet, cancel). One batch.
 */
import { Currency, Engine, STATEMENTS, StatementKind, TABLE_STATEMENTS, kcFormula, numberFormat, qualifiedA1, uniqueSheetName } from "../../core";
import { CellRef, CellValue, SHEET_PREFIX, Workbook, checkFits } from "../workbook";

export const TABLE_KINDS = TABLE_STATEMENTS;

export interface TableContent {
  /** A KC formula at the top-left and "" where it spills, or the values themselves. */
  cells: CellValue[][];
  formats: string[][];
  rows: number;
  cols: number;
  /** What is written, for messages: =KC.STATEMENT("IS") or "the balance sheet as values". */
  what: string;
}

/** The KC.STATEMENT formula for a statement (currency given only when not RMB). */
export function statementFormula(kind: StatementKind, currency: Currency): string {
  return kcFormula("STATEMENT", [kind, null, currency === "RMB" ? null : currency]);
}

/**
 * A statement as a table: a header row (title, periods), then the filing's rows. Amounts `#,##0;(#,##0)`, margins
 * and ratios `0.0%`, per-share amounts two decimals; labels and headings General.
 */
export function statementContent(engine: Engine, kind: StatementKind, mode: "formula" | "values", currency: Currency): TableContent {
  const table = engine.excel.statement(kind, null, currency);
  const rows = engine.statementRows(kind);
  const cols = table[0].length;
  const formats = table.map((_, r) => {
    const metric = r === 0 ? null : rows[r - 1].metric;
    const format = metric ? numberFormat(engine.metric(metric).unit) : "General";
    return Array.from({ length: cols }, (_, c) => (c === 0 ? "General" : format));
  });
  const cells: CellValue[][] =
    mode === "values" ? table.map((row) => [...row]) : table.map((row, r) => row.map((_, c) => (r === 0 && c === 0 ? statementFormula(kind, currency) : "")));
  return { cells, formats, rows: table.length, cols, what: mode === "values" ? `the ${STATEMENTS[kind].name.replace(/^[A-Z](?=[a-z]+ )/, (w) => w.toLowerCase())} as values` : statementFormula(kind, currency) };
}

/** One cell: a metric's formula or value, in its unit's number format. */
export function cellContent(content: CellValue, format: string, what: string): TableContent {
  return { cells: [[content]], formats: [[format]], rows: 1, cols: 1, what };
}

/** The new sheet's name for a statement: "KC IS", "KC Non-GAAP". */
export const tableSheetName = (kind: StatementKind): string => `${SHEET_PREFIX}${STATEMENTS[kind].sheet}`;

export type InsertCheck = { ok: true; at: CellRef } | { ok: false; at: CellRef; where: string };

/** Where the table would go (the active cell) and whether that block is empty. Throws WorkbookError when it cannot fit. */
export async function checkInsert(workbook: Workbook, content: Pick<TableContent, "rows" | "cols">): Promise<InsertCheck> {
  const at = await workbook.activeCell();
  const block = { ...at, rows: content.rows, cols: content.cols };
  checkFits(block);
  if (await workbook.isRangeEmpty(at, content.rows, content.cols)) return { ok: true, at };
  return { ok: false, at, where: qualifiedA1(block) };
}

/** Writes the table at `at` (one batch: cells and formats). */
export async function writeTable(workbook: Workbook, at: CellRef, content: Pick<TableContent, "cells" | "formats" | "rows" | "cols">): Promise<string> {
  await workbook.write({ writes: [{ ...at, cells: content.cells, formats: content.formats }] });
  return qualifiedA1({ ...at, rows: content.rows, cols: content.cols });
}

/** Writes the table at A1 of a new sheet named `baseName` (or a free variant: "KC IS (2)"), and shows that sheet. */
export async function writeTableOnNewSheet(workbook: Workbook, baseName: string, content: Pick<TableContent, "cells" | "formats" | "rows" | "cols">): Promise<string> {
  const name = uniqueSheetName(baseName, await workbook.sheetNames());
  await workbook.write({ newSheets: [name], writes: [{ sheet: name, row: 0, col: 0, cells: content.cells, formats: content.formats }], activate: name });
  return qualifiedA1({ sheet: name, row: 0, col: 0, rows: content.rows, cols: content.cols });
}

export type Choice = "overwrite" | "newSheet" | "cancel";

/** What an insert did, as the task pane says it. */
export interface Said {
  text: string;
  kind: "ok" | "error";
}

/**
 * Places a block at the active cell if its cells are empty; otherwise asks (overwrite, new sheet, cancel) and never
 * overwrites unasked. With `newSheet`, straight to a new sheet named after `sheetName`.
 */
export async function insertBlock(workbook: Workbook, content: TableContent, sheetName: string, newSheet: boolean, ask: (where: string, what: string) => Promise<Choice>): Promise<Said> {
  if (newSheet) return { text: `Wrote ${content.what} to ${await writeTableOnNewSheet(workbook, sheetName, content)}.`, kind: "ok" };
  const check = await checkInsert(workbook, content);
  if (check.ok) return { text: `Inserted ${content.what} at ${await writeTable(workbook, check.at, content)}.`, kind: "ok" };
  const choice = await ask(check.where, content.what);
  if (choice === "cancel") return { text: `${check.where} is not empty: nothing was written.`, kind: "error" };
  if (choice === "overwrite") {
    await writeTable(workbook, check.at, content);
    return { text: `Overwrote ${check.where} with ${content.what}.`, kind: "ok" };
  }
  return { text: `Wrote ${content.what} to ${await writeTableOnNewSheet(workbook, sheetName, content)}.`, kind: "ok" };
}
