import type { Currency, Table } from "./dataset";
import { stripMarkup } from "./importer/markup";
import type { Model } from "./model";
import type { PeriodKey } from "./periods";

export interface SourceLine {
  line: number;
  cells: string[];
}

/** A printed figure in its table: the table's lines from its title to its last row, the figure's line and column. */
export interface SourceTable {
  title: string;
  lines: SourceLine[];
  line: number;
  /** 1-based index of the figure's column among the table's figure columns (0: the label column). */
  column: number;
  /** The figure columns' headers as printed ("Three Months Ended Mar 31, 2026 US$"), in order: cells[i] is under columns[i - 1]. */
  columns: string[];
  /** The release the table is printed in ("Q1 2026 release") and its file. */
  release: string;
  sourceName: string;
}

export interface SourceView {
  /** KC.SOURCE's one-line description. */
  description: string;
  /** The printed table around the figure; null for a computed figure, a figure from the release's text, or no text. */
  table: SourceTable | null;
}

/** A release's source text, by the release's file name (null when it is not at hand). */
export type SourceTexts = (sourceName: string) => string | null;

/**
 * The filing's table holding the figure, line by line from its title, with the figure's line and column. A release
 * read from the text rendition shows its own lines; one read from HTML (or a browser's copy, with its spacer cells)
 * shows the table as the importer read it: title, column headers, headings and rows, each at its source line.
 */
export function sourceView(model: Model, texts: SourceTexts, description: string, id: string, period: PeriodKey, currency: Currency): SourceView {
  const printed = model.printed(id, period, currency)[0];
  const release = printed && model.release(printed.provenance.release);
  const table = release && release.tables.find((t) => t.rows.some((r) => r.line === printed.provenance.line));
  if (!printed || !release || !table) return { description, table: null };
  const text = release.format ? null : texts(release.sourceName);
  const lines = text === null ? readLines(table) : textLines(table, text.split("\n"));
  if (!lines) return { description, table: null };
  const column = table.columns.findIndex((c) => c.header === printed.provenance.column) + 1;
  return {
    description,
    table: { title: table.title, lines, line: printed.provenance.line, column, columns: table.columns.map((c) => c.header), release: printed.provenance.release, sourceName: release.sourceName },
  };
}

/** The text rendition's own lines, from the table's title to its last row (blank lines and rules left out). */
function textLines(table: Table, lines: readonly string[]): SourceLine[] | null {
  const last = table.rows[table.rows.length - 1].line;
  if (last > lines.length) return null;
  const shown: SourceLine[] = [];
  for (let line = table.titleLine; line <= last; line++) {
    const raw = lines[line - 1];
    if (raw.trim() === "" || /^-{3,}$/.test(raw.trim())) continue;
    shown.push({ line, cells: raw.trimEnd().split("\t").map(stripMarkup) });
  }
  return shown;
}

/** The table as read: its title, its columns' headers, then its headings and rows in the order of their lines. */
function readLines(table: Table): SourceLine[] {
  const body: SourceLine[] = [
    ...table.headings.map((h) => ({ line: h.line, cells: [h.label] })),
    ...table.rows.map((r) => ({ line: r.line, cells: [r.label, ...r.cells.map((c) => c.text)] })),
  ].sort((a, b) => a.line - b.line);
  return [{ line: table.titleLine, cells: [table.title] }, { line: table.headerLines[0], cells: ["", ...table.columns.map((c) => c.header)] }, ...body];
}

