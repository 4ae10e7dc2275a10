import type { StatementKind, Table, TableRow } from "../dataset";
import { ImportError } from "../errors";
import { parseCell } from "./cells";
import { HeaderLine, readColumns } from "./columns";
import { isBold, stripMarkup } from "./markup";

/** Which statement a bold title announces; titles that match none (the cover page, the exhibit index) start no table. */
const STATEMENT_TITLES: Array<[RegExp, StatementKind]> = [
  [/NON-GAAP/i, "NONGAAP"],
  [/BALANCE SHEETS?/i, "BS"],
  [/CASH FLOWS?/i, "CF"],
  [/STATEMENTS? OF (COMPREHENSIVE (LOSS|INCOME)|OPERATIONS)/i, "IS"],
];
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
      if (pending) tables.push(readTable(pending, lines, i, end));
      pending = null;
      i = end - 1;
      continue;
    }
    const bold = BOLD_LINE.exec(text);
    if (bold) {
      const title = stripMarkup(bold[1]);
      const kind = STATEMENT_TITLES.find(([pattern]) => pattern.test(title))?.[1];
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
  for (; i < end && lines[i].startsWith("\t"); i++) headers.push({ line: i + 1, cells: lines[i].split("\t").slice(1) });
  if (headers.length === 0) {
    throw new ImportError(start + 1, `table '${title.title}' (line ${title.line}) has no header row with its periods`);
  }
  const columns = readColumns(headers);
  const rows: TableRow[] = [];
  let section: string | null = null;
  let prefix: { label: string; line: number } | null = null;
  for (; i < end; i++) {
    const line = i + 1;
    const [rawLabel, ...rawCells] = lines[i].split("\t");
    const label = stripMarkup(rawLabel);
    const cells = rawCells.map((c) => c.trim());
    if (cells.every((c) => c === "" || stripMarkup(c) === "")) {
      if (!label) throw new ImportError(line, "empty row inside a table");
      // A heading ("Current assets:", "ASSETS") opens a section; any other label without figures continues on the next line.
      if (label.endsWith(":") || isBold(rawLabel)) {
        section = label;
        prefix = null;
      } else {
        prefix = prefix ? { label: `${prefix.label} ${label}`, line: prefix.line } : { label, line };
      }
      continue;
    }
    if (!label) throw new ImportError(line, "a row of figures has no label");
    rows.push({
      label: prefix ? `${prefix.label} ${label}` : label,
      section,
      line,
      bold: isBold(rawLabel),
      cells: readCells(label, cells, columns.map((c) => c.header), line),
    });
    prefix = null;
  }
  if (rows.length === 0) throw new ImportError(start + 1, `table '${title.title}' has no rows of figures`);
  return {
    kind: title.kind,
    title: title.title,
    unitsNote: title.unitsNote,
    anchor: rows[0].label,
    titleLine: title.line,
    headerLines: headers.map((h) => h.line),
    columns,
    rows,
  };
}

function readCells(label: string, cells: string[], headers: string[], line: number) {
  const extra = cells.slice(headers.length).filter((c) => stripMarkup(c) !== "");
  if (extra.length > 0) {
    throw new ImportError(line, `row '${label}' has ${headers.length + extra.length} figures but the header has ${headers.length} columns`);
  }
  return headers.map((header, j) => {
    const text = stripMarkup(cells[j] ?? "");
    if (text === "") {
      const count = cells.filter((c) => stripMarkup(c) !== "").length;
      throw new ImportError(line, `row '${label}' has ${count} figures but the header has ${headers.length} columns (nothing under '${header}')`);
    }
    const cell = parseCell(text);
    if (!cell) throw new ImportError(line, `row '${label}', column '${header}': '${text}' is not a number`);
    return cell;
  });
}
