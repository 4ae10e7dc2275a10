import type { StatementKind, Table, TableHeading, TableRow } from "../dataset";
import { statementOfTitle } from "../catalog/statements";
import { MAX_FIGURE_DIGITS, MAX_HEADER_LINES, MAX_TABLES } from "../limits";
import { importError } from "../messages";
import { parseCell } from "./cells";
import { HeaderLine, readColumns } from "./columns";
import { isBold, stripMarkup } from "./markup";

const BOLD_LINE = /^\*\*(.+?)\*\*\s*$/;
const UNITS_NOTE = /^\(All amounts in .*\)\s*$/i;

interface PendingTitle {
  kind: StatementKind;
  title: string;
  line: number;
  unitsNote: string;
}

/**
 * Finds every financial table: a run of tab-separated lines that follows a statement title. Each table's header rows
 * (lines whose first cell is empty) give its columns; the rest are figure rows or headings.
 */
export function readTables(lines: readonly string[]): Table[] {
  const tables: Table[] = [];
  let pending: PendingTitle | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (text.includes("\t")) {
      let end = i;
      while (end < lines.length && lines[end].includes("\t")) end++;
      if (pending) {
        if (tables.length === MAX_TABLES) throw importError(pending.line, "tooManyTables", MAX_TABLES);
        tables.push(readTable(pending, lines, i, end));
      }
      pending = null;
      i = end - 1;
      continue;
    }
    const bold = BOLD_LINE.exec(text);
    if (bold) {
      const title = stripMarkup(bold[1]);
      const kind = statementOfTitle(title); // titles that announce no statement (the cover page) start no table
      if (kind) pending = { kind, title, line: i + 1, unitsNote: "" };
    } else if (pending && UNITS_NOTE.test(text)) {
      pending.unitsNote = text.trim();
    }
  }
  return tables;
}

function readTable(title: PendingTitle, lines: readonly string[], start: number, end: number): Table {
  const headers: HeaderLine[] = [];
  let i = start;
  for (; i < end && lines[i].startsWith("\t"); i++) {
    if (headers.length === MAX_HEADER_LINES) throw importError(i + 1, "tooManyHeaderLines", title.title, MAX_HEADER_LINES);
    headers.push({ line: i + 1, cells: lines[i].split("\t").slice(1) });
  }
  if (headers.length === 0) {
    throw importError(start + 1, "noHeader", title.title, title.line);
  }
  const columns = readColumns(headers);
  const rows: TableRow[] = [];
  const headings: TableHeading[] = [];
  let section: string | null = null;
  let prefix: { label: string; line: number } | null = null;
  for (; i < end; i++) {
    const line = i + 1;
    const [rawLabel, ...rawCells] = lines[i].split("\t");
    const label = stripMarkup(rawLabel);
    const cells = rawCells.map((c) => c.trim());
    if (cells.every((c) => c === "" || stripMarkup(c) === "")) {
      if (!label) throw importError(line, "emptyRow");
      // A heading ("Current assets:", "ASSETS") opens a section; any other label without figures continues on the next line.
      if (label.endsWith(":") || isBold(rawLabel)) {
        section = label;
        headings.push({ label, line });
        prefix = null;
      } else {
        prefix = prefix ? { label: `${prefix.label} ${label}`, line: prefix.line } : { label, line };
      }
      continue;
    }
    if (!label) throw importError(line, "rowNoLabel");
    rows.push({
      label: prefix ? `${prefix.label} ${label}` : label,
      section,
      line,
      bold: isBold(rawLabel),
      cells: readCells(label, cells, columns.map((c) => c.header), line),
    });
    prefix = null;
  }
  if (rows.length === 0) throw importError(start + 1, "noRows", title.title);
  return {
    kind: title.kind,
    title: title.title,
    unitsNote: title.unitsNote,
    anchor: rows[0].label,
    titleLine: title.line,
    headerLines: headers.map((h) => h.line),
    columns,
    rows,
    headings,
  };
}

function readCells(label: string, cells: string[], headers: string[], line: number) {
  const extra = cells.slice(headers.length).filter((c) => stripMarkup(c) !== "");
  if (extra.length > 0) {
    throw importError(line, "tooManyFigures", label, headers.length + extra.length, headers.length);
  }
  return headers.map((header, j) => {
    const text = stripMarkup(cells[j] ?? "");
    if (text === "") {
      const count = cells.filter((c) => stripMarkup(c) !== "").length;
      throw importError(line, "tooFewFigures", label, count, headers.length, header);
    }
    const cell = parseCell(text);
    if (!cell) throw importError(line, "notANumber", label, header, text);
    if (significantDigits(cell.value) > MAX_FIGURE_DIGITS) throw importError(line, "tooManyDigits", label, header, text, MAX_FIGURE_DIGITS);
    return cell;
  });
}

/** Significant digits of an exact decimal text ("-0.08" has 1, "4555310453" 10). */
function significantDigits(value: string): number {
  const digits = value.replace(/[^0-9]/g, "").replace(/^0+/, "");
  return digits.replace(/0+$/, "").length;
}
