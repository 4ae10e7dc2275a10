/**
 * A table as the EDGAR exhibit lays it out (and as a browser copies it) to the rows the importer reads. Filing agents
 * place each figure in a grid of physical columns: spacer cells between the columns of figures, a closing parenthesis
 * or a percent sign in a cell of its own after the number ("(1,651,671" then ")"), a heading such as "Three Months
 * Ended" in one cell spanning every period column, rows left empty for spacing. This module puts each printed figure
 * back together, keeps the columns that hold figures, and says over which of them each heading stands: by the
 * heading's span where the source has one (HTML), or in order where a copy lost the spans.
 *
 * Rows are the table's rows; each cell knows its physical column and span. The label is a row's first cell.
 */
import { MAX_ROW_CELLS } from "../limits";
import { importError } from "../messages";
import { PERIOD_HEADING } from "./columns";
import { DocCell, DocParagraph, DocRow, DocTable } from "./document";

export interface GridCell extends DocCell {
  /** 0-based physical column where the cell starts, and how many it covers. */
  col: number;
  span: number;
}

export interface GridRow {
  line: number;
  cells: GridCell[];
}

/**
 * How a header row's headings find their columns: "spans", by the physical columns each covers (HTML keeps them);
 * "order", one heading per column of figures in order, or one heading over all of them (a browser's copy keeps the
 * cells of a row but not how many columns each spanned).
 */
export type HeadingAlignment = "spans" | "order";

const CLOSING = /^\)?%?$/;
const EMPTY: Readonly<DocCell> = { text: "", bold: false };

/**
 * The table's rows as the importer reads them, and the title lines a filing agent printed as the table's own first
 * rows (one cell of text, before the header), which read as the paragraphs before the table.
 */
export function normalizeGrid(rows: readonly GridRow[], line: number, alignment: HeadingAlignment): { titles: DocParagraph[]; table: DocTable } {
  for (const row of rows) {
    const width = row.cells.length ? row.cells[row.cells.length - 1].col + row.cells[row.cells.length - 1].span : 0;
    if (width > MAX_ROW_CELLS) throw importError(row.line, "tooManyCells", width, MAX_ROW_CELLS);
  }
  const filled = rows.map(joinSplitFigures).filter((row) => row.cells.some((c) => c.text !== ""));
  const titles: DocParagraph[] = [];
  let start = 0;
  for (; start < filled.length; start++) {
    const texts = filled[start].cells.filter((c) => c.text !== "");
    if (texts.length !== 1 || filled[start].cells[0].text === "") break;
    titles.push({ kind: "paragraph", line: filled[start].line, text: texts[0].text, bold: texts[0].bold });
  }
  const body = filled.slice(start);
  let headerCount = 0;
  while (headerCount < body.length && body[headerCount].cells[0].text === "") headerCount++;
  const figureColumns = [...new Set(body.slice(headerCount).flatMap((row) => row.cells.slice(1).filter((c) => c.text !== "").map((c) => c.col)))].sort((a, b) => a - b);
  const out: DocRow[] = body.map((row, i) => (i < headerCount ? headerRow(row, figureColumns, alignment) : figureRow(row, figureColumns)));
  return { titles, table: { kind: "table", line: body[0]?.line ?? line, rows: out } };
}

/**
 * One printed figure from the cells it was split into: a lone ")" or "%" (or ")%") closes the figure before it, a
 * lone "(" opens the one after it. The emptied cell stays, as a spacer.
 */
function joinSplitFigures(row: GridRow): GridRow {
  const cells = row.cells.map((c) => ({ ...c }));
  for (let i = 1; i < cells.length; i++) {
    const text = cells[i].text;
    if (text === "" || !(CLOSING.test(text) || text === "(")) continue;
    if (text === "(") {
      const next = cells.findIndex((c, j) => j > i && c.text !== "");
      if (next < 0) continue;
      cells[next].text = `(${cells[next].text}`;
    } else {
      let before = i - 1;
      while (before > 0 && cells[before].text === "") before--;
      if (before === 0) continue;
      cells[before].text += text;
    }
    cells[i].text = "";
  }
  return { line: row.line, cells };
}

/** A figure row: its label, then the cell in each column of figures ("" where it has none). */
function figureRow(row: GridRow, columns: readonly number[]): DocRow {
  const at = new Map(row.cells.slice(1).map((c) => [c.col, c]));
  return { line: row.line, cells: [row.cells[0], ...columns.map((col) => at.get(col) ?? EMPTY)] };
}

/** A header row: each heading over the columns of figures it stands over, with how many it spans. */
function headerRow(row: GridRow, columns: readonly number[], alignment: HeadingAlignment): DocRow {
  const headings = row.cells.slice(1).filter((c) => c.text !== "");
  const label = row.cells[0];
  const inOrder = alignment === "order" && (headings.length === columns.length || headings.length === 1);
  if (inOrder) {
    if (headings.length === 1 && columns.length > 1) return { line: row.line, cells: [label, headings[0]], spans: [columns.length] };
    return { line: row.line, cells: [label, ...headings], spans: headings.map(() => 1) };
  }
  // Several period headings copied without their spans ("Three Months Ended", "Year Ended"): readColumns places them
  // by the dates of the columns under them.
  if (alignment === "order" && headings.length > 1 && headings.every((h) => PERIOD_HEADING.test(h.text))) return { line: row.line, cells: [label, ...headings] };
  const cells: DocCell[] = [label];
  const spans: number[] = [];
  const put = (cell: DocCell, span: number) => (cells.push(cell), spans.push(span));
  let next = 0; // the first column of figures not yet headed
  for (const heading of headings) {
    const end = heading.col + (alignment === "spans" ? heading.span : 1);
    const over = columns.flatMap((col, k) => (col >= heading.col && col < end ? [k] : []));
    if (over.length === 0 || over[0] < next) throw importError(row.line, "headingOverNoFigures", heading.text, columns.length);
    while (next < over[0]) (put(EMPTY, 1), next++);
    put(heading, over.length);
    next = over[over.length - 1] + 1;
  }
  while (next < columns.length) (put(EMPTY, 1), next++);
  return { line: row.line, cells, spans };
}
