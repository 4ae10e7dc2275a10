import type { Currency } from "./dataset";
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
}

export interface SourceView {
  /** KC.SOURCE's one-line description. */
  description: string;
  /** The printed table around the figure; null for a computed figure, a figure from the release's text, or no text. */
  table: SourceTable | null;
}

/** The filing's table holding the figure, line by line from its title, with the figure's line and column. */
export function sourceView(model: Model, lines: readonly string[], description: string, id: string, period: PeriodKey, currency: Currency): SourceView {
  const printed = model.printed(id, period, currency)[0];
  const table = printed && model.dataset.tables.find((t) => t.rows.some((r) => r.line === printed.provenance.line));
  if (!printed || !table) return { description, table: null };
  const last = table.rows[table.rows.length - 1].line;
  const shown: SourceLine[] = [];
  for (let line = table.titleLine; line <= last; line++) {
    const raw = lines[line - 1];
    if (raw.trim() === "" || /^-{3,}$/.test(raw.trim())) continue;
    shown.push({ line, cells: raw.trimEnd().split("\t").map(stripMarkup) });
  }
  const column = table.columns.findIndex((c) => c.header === printed.provenance.column) + 1;
  return { description, table: { title: table.title, lines: shown, line: printed.provenance.line, column, columns: table.columns.map((c) => c.header) } };
}
