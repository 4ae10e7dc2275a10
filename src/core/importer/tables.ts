import type { StatementKind, Table, TableHeading, TableRow } from "../dataset";
import { statementOfTitle } from "../catalog/statements";
import { MAX_FIGURE_DIGITS, MAX_HEADER_LINES, MAX_TABLES } from "../limits";
import { importError } from "../messages";
import { parseCell } from "./cells";
import { HeaderLine, readColumns } from "./columns";
import { DocBlock, DocCell, DocParagraph, DocTable } from "./document";

const UNITS_NOTE = /^\(All amounts in .*\)$/i;

interface PendingTitle {
  kind: StatementKind;
  title: string;
  line: number;
  unitsNote: string;
}

/**
 * Finds every financial table: a table that follows a statement's title. Each table's header rows (rows whose label
 * cell is empty) give its columns; the rest are figure rows or headings.
 */
export function readTables(blocks: readonly DocBlock[]): Table[] {
  const tables: Table[] = [];
  let pending: PendingTitle | null = null;
  for (const block of blocks) {
    if (block.kind === "table") {
      if (pending) {
        if (tables.length === MAX_TABLES) throw importError(pending.line, "tooManyTables", MAX_TABLES);
        tables.push(readTable(pending, block));
      }
      pending = null;
    } else if (isTitleCandidate(block)) {
      const kind = statementOfTitle(block.text); // titles that announce no statement (the cover page) start no table
      if (kind) pending = { kind, title: block.text, line: block.line, unitsNote: "" };
    } else if (pending && UNITS_NOTE.test(block.text)) {
      pending.unitsNote = block.text;
    }
  }
  return tables;
}

/**
 * A title is printed wholly in bold; where the source cannot say what is bold (text copied from a browser), a line
 * in capitals ("UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS"), which prose never is.
 */
function isTitleCandidate(p: DocParagraph): boolean {
  return p.bold === null ? isCapitals(p.text) : p.bold;
}

const isCapitals = (text: string): boolean => /[A-Z]/.test(text) && text === text.toUpperCase();

function readTable(title: PendingTitle, table: DocTable): Table {
  const headers: HeaderLine[] = [];
  const { rows: source } = table;
  let i = 0;
  for (; i < source.length && source[i].cells[0].text === ""; i++) {
    if (headers.length === MAX_HEADER_LINES) throw importError(source[i].line, "tooManyHeaderLines", title.title, MAX_HEADER_LINES);
    headers.push({ line: source[i].line, cells: source[i].cells.slice(1).map((c) => c.text), spans: source[i].spans });
  }
  if (headers.length === 0) {
    throw importError(table.line, "noHeader", title.title, title.line);
  }
  const { columns, yearColumns, isYear, headers: headerTexts } = readColumns(headers);
  if (columns.length === 0) throw importError(headers[0].line, "columnsOnlyYears", title.title);
  const rows: TableRow[] = [];
  const headings: TableHeading[] = [];
  let section: string | null = null;
  let prefix: { label: string; line: number } | null = null;
  for (; i < source.length; i++) {
    const { line, cells: [labelCell, ...cells] } = source[i];
    const label = labelCell.text;
    if (cells.every((c) => c.text === "")) {
      if (!label) throw importError(line, "emptyRow");
      // A heading ("Current assets:", "ASSETS") opens a section; any other label without figures continues on the next line.
      // A heading in capitals ("ASSETS") reads as one where bold is lost (text copied from a browser).
      if (label.endsWith(":") || labelCell.bold || isCapitals(label)) {
        section = label;
        headings.push({ label, line });
        prefix = null;
      } else {
        prefix = prefix ? { label: `${prefix.label} ${label}`, line: prefix.line } : { label, line };
      }
      continue;
    }
    if (!label) throw importError(line, "rowNoLabel");
    const read = readCells(label, cells, headerTexts, line);
    rows.push({
      label: prefix ? `${prefix.label} ${label}` : label,
      section,
      line,
      bold: labelCell.bold,
      cells: read.filter((_, j) => !isYear[j]),
      ...(yearColumns.length ? { yearCells: read.filter((_, j) => isYear[j]) } : {}),
    });
    prefix = null;
  }
  if (rows.length === 0) throw importError(table.line, "noRows", title.title);
  return {
    kind: title.kind,
    title: title.title,
    unitsNote: title.unitsNote,
    anchor: rows[0].label,
    titleLine: title.line,
    headerLines: headers.map((h) => h.line),
    columns,
    ...(yearColumns.length ? { yearColumns } : {}),
    rows,
    headings,
  };
}

function readCells(label: string, cells: DocCell[], headers: string[], line: number) {
  const extra = cells.slice(headers.length).filter((c) => c.text !== "");
  if (extra.length > 0) {
    throw importError(line, "tooManyFigures", label, headers.length + extra.length, headers.length);
  }
  return headers.map((header, j) => {
    const text = cells[j]?.text ?? "";
    if (text === "") {
      const count = cells.filter((c) => c.text !== "").length;
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
