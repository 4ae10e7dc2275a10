/**
 * The reader of text copied from a browser showing the exhibit: no markup; a table's cells separated by tabs, one row
 * per line, its spacer cells left empty, a closing parenthesis or percent sign in a cell of its own, and a heading
 * that spanned several columns copied as one cell (so headings are matched to the columns of figures in order), a row
 * left empty for spacing copied as a blank line.
 * Bold is lost: a title is a line in capitals. Lines of the pasted text are the provenance.
 */
import { DocBlock, ReleaseDocument, collapse } from "./document";
import { GridRow, normalizeGrid } from "./grid";

export function readCopiedText(text: string): ReleaseDocument {
  const lines = text.split(/\r?\n|\r/);
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes("\t")) {
      const start = i;
      const rows: GridRow[] = [];
      for (; i < lines.length && (lines[i].includes("\t") || spacerRow(lines, i)); i++) rows.push(gridRow(lines[i], i + 1));
      const { titles, table } = normalizeGrid(rows, start + 1, "order");
      blocks.push(...titles);
      if (table.rows.length) blocks.push(table);
      i--;
      continue;
    }
    const paragraph = collapse(lines[i]);
    if (paragraph) blocks.push({ kind: "paragraph", line: i + 1, text: paragraph, bold: null });
  }
  return { format: "copied", lineCount: lines.length, blocks };
}

/** A row left empty for spacing copies as a blank line (its one cell spans the table): the table goes on after it. */
const spacerRow = (lines: readonly string[], i: number): boolean => collapse(lines[i]) === "" && i + 1 < lines.length && lines[i + 1].includes("\t");

/** A copied row: each tab-separated field is a cell of one column. */
function gridRow(line: string, lineNumber: number): GridRow {
  return { line: lineNumber, cells: line.split("\t").map((field, col) => ({ text: collapse(field), bold: false, col, span: 1 })) };
}
