import type { Column, Currency, PeriodKind } from "../dataset";
import { MAX_TABLE_COLUMNS } from "../limits";
import { importError } from "../messages";
import { comparePeriods, parseMonthDayYear, quarterEndingOn } from "../periods";

export interface HeaderLine {
  line: number;
  /** The header cells after the label column, markup removed. */
  cells: string[];
  /** Columns each cell spans, where the source says (see DocRow.spans). */
  spans?: number[];
}

const DURATION = /\bthree months ended\b/i;
const OTHER_DURATION = /\b(six|nine|twelve) months ended\b|\byears? ended\b/i;
// Starts only where a run of letters starts: tried inside a long run of letters, it would rescan the run from each.
const DATE = /(?<![A-Za-z])([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})/;
const CURRENCIES: Readonly<Record<string, Currency>> = { RMB: "RMB", "US$": "USD", USD: "USD" };

/**
 * Derives each column's period, period kind and currency from the table's own header rows. A header cell that spans
 * columns ("Three Months Ended") heads each of them; the others stack per column ("Mar 31," / "2025" / "RMB"). Where
 * the source gives no spans (the text rendition), a cell that stands alone at the start of its row spans every column.
 */
export function readColumns(headers: HeaderLine[]): Column[] {
  let width = 0;
  for (const { cells, spans, line } of headers) {
    const columns = spans ? spans.reduce((sum, span) => sum + span, 0) : cells.length;
    if (columns > MAX_TABLE_COLUMNS) throw importError(line, "tooManyColumns", columns, MAX_TABLE_COLUMNS);
    width = Math.max(width, columns);
  }
  const spanning: string[][] = Array.from({ length: width }, () => []);
  const stacks: string[][] = Array.from({ length: width }, () => []);
  for (const { cells, spans } of headers) {
    if (spans) {
      let column = 0;
      cells.forEach((text, i) => {
        for (let c = column; text && c < column + spans[i]; c++) (spans[i] > 1 ? spanning : stacks)[c].push(text);
        column += spans[i];
      });
      continue;
    }
    const nonEmpty = cells.filter((c) => c !== "");
    if (nonEmpty.length === 1 && cells[0] !== "" && width > 1) spanning.forEach((texts) => texts.push(cells[0]));
    else cells.forEach((text, i) => text && stacks[i].push(text));
  }
  const firstLine = headers[0].line;
  const columns = stacks.map((stack, i) => readColumn(spanning[i].join(" "), stack.join(" "), i + 1, firstLine));
  rejectDuplicates(columns, firstLine);
  rejectOutOfOrder(columns, firstLine);
  // A table prints a currency over every column (RMB, US$) or over none (the margin tables): one column without
  // its heading would file that column's figures under no currency, where no lookup finds them.
  const bare = columns.find((c) => c.currency === null);
  if (bare && columns.some((c) => c.currency !== null)) {
    throw importError(firstLine, "columnNoCurrency", bare.header);
  }
  return columns;
}

/**
 * Statements print their quarters in time order, or in reverse: a header out of order is two headings swapped,
 * which would move each quarter's figures to the other (and the earliest quarter has no tie-out across periods).
 */
function rejectOutOfOrder(columns: Column[], line: number): void {
  const periods = columns.map((c) => c.period);
  const ascending = periods.every((p, i) => i === 0 || comparePeriods(periods[i - 1], p) <= 0);
  const descending = periods.every((p, i) => i === 0 || comparePeriods(periods[i - 1], p) >= 0);
  if (!ascending && !descending) {
    throw importError(line, "columnsOutOfOrder", columns.map((c) => c.header));
  }
}

function readColumn(span: string, own: string, index: number, line: number): Column {
  const header = [span, own].filter(Boolean).join(" ");
  if (!own) throw importError(line, "columnNoHeading", index);
  if (OTHER_DURATION.test(header)) {
    throw importError(line, "columnNotQuarter", header);
  }
  const dateText = DATE.exec(own)?.[1];
  const date = dateText ? parseMonthDayYear(dateText) : null;
  if (!date) throw importError(line, "columnNoDate", header);
  const period = quarterEndingOn(date.year, date.month, date.day);
  if (!period) throw importError(line, "columnNotQuarterEnd", header, dateText!);
  const rest = own.replace(dateText!, "").trim();
  let currency: Currency | null = null;
  if (rest) {
    currency = CURRENCIES[rest.toUpperCase()] ?? null;
    if (!currency) throw importError(line, "columnUnknownCurrency", header, rest);
  }
  const periodKind: PeriodKind = DURATION.test(span) || DURATION.test(own) ? "duration" : "instant";
  return { header, period, periodKind, currency };
}

function rejectDuplicates(columns: Column[], line: number): void {
  const seen = new Map<string, string>();
  for (const column of columns) {
    const key = `${column.period}|${column.currency ?? ""}`;
    const earlier = seen.get(key);
    if (earlier) throw importError(line, "columnDuplicated", earlier, column.header);
    seen.set(key, column.header);
  }
}
