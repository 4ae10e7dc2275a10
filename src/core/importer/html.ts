/**
 * The reader of the EDGAR HTML exhibit (EX-99.1, .htm) as filed. Tables are read as tables, cell by cell with their
 * spans (grid.ts puts split figures back together and finds the columns of figures); prose comes from the block
 * elements (<p>, <div>, headings; <br> ends a line), titles are the paragraphs printed wholly in bold (<b>, <strong>,
 * a bold style). Footnote markers (<sup>) are dropped, as the text reader drops them. Every row and paragraph keeps
 * the line of the .htm it starts on.
 *
 * One parser in Node and in the task pane: htmlparser2's streaming Parser, which reports where each tag starts in the
 * source (a browser's DOMParser does not, and provenance needs the line). It never builds a tree and runs in time
 * linear in the file (elements nested deeper than MAX_HTML_DEPTH are refused: the parser's stack is a plain array);
 * what a filed exhibit never holds is refused on its line: active content (EDGAR accepts none), a table inside a
 * table, a table left open, a row wider than a results release prints.
 */
import { Parser } from "htmlparser2";
import { importError } from "../messages";
import { MAX_HTML_DEPTH, MAX_ROW_CELLS } from "../limits";
import { DocBlock, DocParagraph, ReleaseDocument, collapse } from "./document";
import { GridCell, GridRow, normalizeGrid } from "./grid";

/** Elements that end a line of prose (and, outside a table, start a new paragraph). */
const BLOCK: ReadonlySet<string> = new Set([
  "address", "article", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl", "dt", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hr", "html", "li", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);
/** Elements whose text is not the release's: the head, styles, footnote markers. */
const SKIPPED: ReadonlySet<string> = new Set(["head", "style", "title", "sup", "noscript", "template", "xml"]);
/** Active content: EDGAR refuses a filing that carries any, so an exhibit with one is not as filed. */
const ACTIVE: ReadonlySet<string> = new Set(["script", "iframe", "frame", "frameset", "object", "embed", "applet"]);
const BOLD_STYLE = /font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i;
/** HTML's own caps on spans. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

interface Chunk {
  text: string;
  bold: boolean;
}

interface OpenCell {
  col: number;
  span: number;
  rowspan: number;
  chunks: Chunk[];
}

interface OpenTable {
  line: number;
  rows: GridRow[];
  row: { line: number; cells: Array<GridCell & { rowspan: number }>; next: number } | null;
  cell: OpenCell | null;
  /** Rows still taken, per physical column, by a cell above with a rowspan. */
  taken: number[];
}

/** Reads an exhibit's HTML into the importer's form. Throws ImportError on what a filed exhibit never holds. */
export function readExhibit(html: string): ReleaseDocument {
  const reader = new ExhibitReader(html);
  const parser = new Parser(reader, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true });
  reader.parser = parser;
  parser.write(html);
  parser.end();
  return { format: "html", lineCount: reader.lineAt(html.length), blocks: reader.blocks };
}

class ExhibitReader {
  parser: Parser | null = null;
  readonly blocks: DocBlock[] = [];
  private readonly open: Array<{ bold: boolean; skipped: boolean }> = [];
  private bold = 0;
  private skipped = 0;
  private paragraph: { line: number; chunks: Chunk[] } | null = null;
  private table: OpenTable | null = null;
  /** Lines counted up to `counted` (tags arrive in source order, so each character is counted once). */
  private line = 1;
  private counted = 0;

  constructor(private readonly html: string) {}

  /** The 1-based line of a character of the source. */
  lineAt(index: number): number {
    for (; this.counted < index && this.counted < this.html.length; this.counted++) if (this.html.charCodeAt(this.counted) === 10) this.line++;
    return this.line;
  }

  private get here(): number {
    return this.lineAt(this.parser?.startIndex ?? 0);
  }

  onopentag(name: string, attribs: Record<string, string>): void {
    if (ACTIVE.has(name)) throw importError(this.here, "activeContent", name);
    const bold = name === "b" || name === "strong" || name === "th" || BOLD_STYLE.test(attribs.style ?? "");
    const skipped = SKIPPED.has(name);
    this.open.push({ bold, skipped });
    if (this.open.length > MAX_HTML_DEPTH) throw importError(this.here, "tooDeep", MAX_HTML_DEPTH);
    if (bold) this.bold++;
    if (skipped) this.skipped++;
    if (name === "table") this.openTable();
    else if (this.table && (name === "tr" || name === "td" || name === "th")) this.openRowOrCell(name, attribs);
    else if (BLOCK.has(name)) this.endLine();
  }

  onclosetag(name: string, isImplied: boolean): void {
    // A table the parser has to close itself (at the end of the file, or by closing an element around it) was left open.
    if (name === "table" && isImplied && this.table) throw importError(this.table.line, "tableNotClosed");
    const element = this.open.pop();
    if (element?.bold) this.bold--;
    if (element?.skipped) this.skipped--;
    const table = this.table;
    if (table && (name === "td" || name === "th")) this.closeCell(table);
    else if (table && name === "tr") this.closeRow(table);
    else if (table && name === "table") this.closeTable(table);
    else if (BLOCK.has(name)) this.endLine();
  }

  ontext(data: string): void {
    if (this.skipped > 0) return;
    const chunk = { text: data, bold: this.bold > 0 };
    if (this.table) {
      this.table.cell?.chunks.push(chunk); // text between a table's cells is layout whitespace
      return;
    }
    if (!this.paragraph) {
      if (!/\S/.test(data)) return;
      const start = this.parser?.startIndex ?? 0;
      const leading = /^\s*/.exec(data)![0];
      this.paragraph = { line: this.lineAt(start) + (leading.match(/\n/g)?.length ?? 0), chunks: [] };
    }
    this.paragraph.chunks.push(chunk);
  }

  onend(): void {
    this.endLine();
  }

  /** Ends the paragraph being read (a block element or <br>). */
  private endLine(): void {
    const p = this.paragraph;
    this.paragraph = null;
    if (!p) return;
    const text = collapse(p.chunks.map((c) => c.text).join(""));
    if (text) this.blocks.push({ kind: "paragraph", line: p.line, text, bold: allBold(p.chunks) } satisfies DocParagraph);
  }

  private openTable(): void {
    if (this.table) throw importError(this.here, "nestedTable", this.table.line);
    this.endLine();
    this.table = { line: this.here, rows: [], row: null, cell: null, taken: [] };
  }

  private openRowOrCell(name: string, attribs: Record<string, string>): void {
    const table = this.table!;
    if (name === "tr") {
      this.closeRow(table);
      table.row = { line: this.here, cells: [], next: 0 };
      return;
    }
    this.closeCell(table);
    table.row ??= { line: this.here, cells: [], next: 0 };
    const row = table.row;
    let col = row.next;
    while ((table.taken[col] ?? 0) > 0) col++;
    const span = spanOf(attribs.colspan, MAX_COLSPAN);
    if (col + span > MAX_ROW_CELLS) throw importError(row.line, "tooManyCells", col + span, MAX_ROW_CELLS);
    table.cell = { col, span, rowspan: spanOf(attribs.rowspan, MAX_ROWSPAN), chunks: [] };
  }

  private closeCell(table: OpenTable): void {
    const cell = table.cell;
    table.cell = null;
    if (!cell || !table.row) return;
    const text = collapse(cell.chunks.map((c) => c.text).join(""));
    table.row.cells.push({ text, bold: text !== "" && allBold(cell.chunks), col: cell.col, span: cell.span, rowspan: cell.rowspan });
    table.row.next = cell.col + cell.span;
  }

  private closeRow(table: OpenTable): void {
    this.closeCell(table);
    const row = table.row;
    table.row = null;
    if (!row) return;
    // A cell with a rowspan keeps its columns taken in the rows below it.
    table.taken = table.taken.map((n) => Math.max(0, n - 1));
    for (const c of row.cells) for (let col = c.col; c.rowspan > 1 && col < c.col + c.span; col++) table.taken[col] = c.rowspan - 1;
    // The label is the row's first cell: a row whose first column is taken from above starts with an empty label.
    const cells: GridCell[] = row.cells.map(({ text, bold, col, span }) => ({ text, bold, col, span }));
    if (cells[0]?.col !== 0) cells.unshift({ text: "", bold: false, col: 0, span: 1 });
    table.rows.push({ line: row.line, cells });
  }

  private closeTable(table: OpenTable): void {
    this.closeRow(table);
    this.table = null;
    if (table.rows.length === 0) return;
    const { titles, table: read } = normalizeGrid(table.rows, table.line, "spans");
    this.blocks.push(...titles);
    if (read.rows.length) this.blocks.push(read);
  }
}

/** Whether every piece of text that shows is bold. */
const allBold = (chunks: readonly Chunk[]): boolean => chunks.every((c) => c.bold || !/\S/.test(c.text));

/** A colspan or rowspan: a whole number from 1 to the cap HTML sets, 1 when absent or not a number. */
function spanOf(value: string | undefined, max: number): number {
  const n = value === undefined ? 1 : Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}
