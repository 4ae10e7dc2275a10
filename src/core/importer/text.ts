/**
 * The reader of the text rendition the project ships (src/data/sources): a table is a run of tab-separated lines, its
 * header rows start with a tab, a title is a line wholly in bold (**...**), and light markup (<b>, <sup>, **, \$)
 * is removed from every cell and paragraph.
 */
import { DocBlock, DocCell, DocRow, ReleaseDocument } from "./document";
import { isBold, stripMarkup } from "./markup";

const BOLD_LINE = /^\*\*(.+?)\*\*\s*$/;

export function readTextRendition(text: string): ReleaseDocument {
  const lines = text.split(/\r?\n/);
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes("\t")) {
      const start = i;
      const rows: DocRow[] = [];
      for (; i < lines.length && lines[i].includes("\t"); i++) rows.push(textRow(lines[i], i + 1));
      blocks.push({ kind: "table", line: start + 1, rows });
      i--;
      continue;
    }
    const paragraph = stripMarkup(lines[i]);
    if (paragraph) blocks.push({ kind: "paragraph", line: i + 1, text: paragraph, bold: BOLD_LINE.test(lines[i]) });
  }
  return { format: "text", lineCount: lines.length, blocks };
}

/** A tab-separated line: its cells with markup removed, and which were printed in bold. */
export function textRow(line: string, lineNumber: number): DocRow {
  return { line: lineNumber, cells: line.split("\t").map(textCell) };
}

/** Most cells carry no markup and no space to collapse: those are taken as they are. */
const textCell = (raw: string): DocCell => (/[<*\\\s]/.test(raw) ? { text: stripMarkup(raw), bold: isBold(raw) } : { text: raw, bold: false });
