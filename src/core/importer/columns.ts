import type { Column, Currency, PeriodKind, YearColumn } from "../dataset";
import { fiscalYear } from "../fiscal-years";
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

/** A table's columns: its quarter (or balance-sheet) columns, its year columns, and which of its columns is which. */
export interface TableColumns {
  columns: Column[];
  yearColumns: YearColumn[];
  /** For each column as printed, left to right: whether it is a year column. */
  isYear: boolean[];
  /** For each column as printed, left to right: its header. */
  headers: string[];
}

const DURATION = /\bthree months ended\b/i;
const YEAR = /\btwelve months ended\b|\b(?:fiscal )?years? ended\b/i;
const PART_YEAR = /\b(six|nine) months ended\b/i;
/** A heading over columns of one length of period: "Three Months Ended", "Year Ended", "Six Months Ended", ... */
export const PERIOD_HEADING = /^(?:for the )?(?:(?:three|six|nine|twelve) months|(?:fiscal )?years?) ended$/i;
// Starts only where a run of letters starts: tried inside a long run of letters, it would rescan the run from each.
const DATE = /(?<![A-Za-z])([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})/;
const CURRENCIES: Readonly<Record<string, Currency>> = { RMB: "RMB", "US$": "USD", USD: "USD" };

type ReadColumn = { year: false; column: Column } | { year: true; column: YearColumn };

/**
 * Derives each column's period, period kind and currency from the table's own header rows. A header cell that spans
 * columns ("Three Months Ended") heads each of them; the others stack per column ("Mar 31," / "2025" / "RMB"). Where
 * the source gives no spans (the text rendition), a cell that stands alone at the start of its row spans every column,
 * and a row of several period headings ("Three Months Ended", "Year Ended") is placed over the columns by placeHeadings.
 * A fourth quarter's release prints year columns beside its quarters: they are read apart (yearColumns).
 */
export function readColumns(headers: HeaderLine[]): TableColumns {
  let width = 0;
  for (const { cells, spans, line } of headers) {
    const columns = spans ? spans.reduce((sum, span) => sum + span, 0) : cells.length;
    if (columns > MAX_TABLE_COLUMNS) throw importError(line, "tooManyColumns", columns, MAX_TABLE_COLUMNS);
    width = Math.max(width, columns);
  }
  const spanning: string[][] = Array.from({ length: width }, () => []);
  const stacks: string[][] = Array.from({ length: width }, () => []);
  const headingRows: HeaderLine[] = [];
  for (const header of headers) {
    const { cells, spans } = header;
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
    else if (nonEmpty.length > 1 && cells[0] !== "" && nonEmpty.every((c) => PERIOD_HEADING.test(c))) headingRows.push(header);
    else cells.forEach((text, i) => text && stacks[i].push(text));
  }
  for (const row of headingRows) placeHeadings(row, stacks).forEach((heading, i) => spanning[i].push(heading));
  const firstLine = headers[0].line;
  const read = stacks.map((stack, i) => readColumn(spanning[i].join(" "), stack.join(" "), i + 1, firstLine));
  const columns = read.flatMap((r) => (r.year ? [] : [r.column]));
  const yearColumns = read.flatMap((r) => (r.year ? [r.column] : []));
  rejectDuplicates([...columns.map((c) => ({ key: c.period, column: c })), ...yearColumns.map((c) => ({ key: c.year, column: c }))], firstLine);
  rejectOutOfOrder(columns.map((c) => c.period), columns, firstLine);
  rejectOutOfOrder(yearColumns.map((c) => c.year), yearColumns, firstLine);
  // A table prints a currency over every column (RMB, US$) or over none (the margin tables): one column without
  // its heading would file that column's figures under no currency, where no lookup finds them.
  const all = read.map((r) => r.column);
  const bare = all.find((c) => c.currency === null);
  if (bare && all.some((c) => c.currency !== null)) {
    throw importError(firstLine, "columnNoCurrency", bare.header);
  }
  return { columns, yearColumns, isYear: read.map((r) => r.year), headers: all.map((c) => c.header) };
}

/**
 * Which of a row of period headings ("Three Months Ended", "Year Ended") stands over each column, where the source
 * does not say how many columns each spans. The text rendition keeps each heading in the column it starts over: a
 * heading spans up to the next. A browser's copy keeps the headings only in order: each heads a run of columns in
 * time order, and the next run starts where the dates go back (Dec 31, 2025 US$, then Dec 31, 2024 RMB); the runs
 * must be as many as the headings, or the row is refused.
 */
function placeHeadings({ cells, line }: HeaderLine, stacks: readonly string[][]): string[] {
  const width = stacks.length;
  const placed: string[] = [];
  if (cells.length === width) {
    let current = "";
    for (let i = 0; i < width; i++) placed.push((current = cells[i] || current));
    return placed;
  }
  const headings = cells.filter((c) => c !== "");
  const keys = stacks.map((stack) => columnOrder(stack.join(" ")));
  // A column without a date is refused on its own (columnNoDate), not as a heading that cannot be placed.
  if (keys.some((k) => Number.isNaN(k))) return stacks.map(() => "");
  for (const direction of [1, -1]) {
    let run = 0;
    for (let i = 0; i < width; i++) {
      if (i > 0 && !(direction * (keys[i] - keys[i - 1]) > 0)) run++;
      placed[i] = headings[run];
    }
    if (run === headings.length - 1) return placed;
  }
  throw importError(line, "headingsNotPlaced", headings, width);
}

/** A column's place in time order, from its own headings: its date, then RMB before US$ (NaN without a date). */
function columnOrder(own: string): number {
  const dateText = DATE.exec(own)?.[1];
  const date = dateText ? parseMonthDayYear(dateText) : null;
  if (!date) return NaN;
  const currency = own.replace(dateText!, "").trim().toUpperCase();
  return (date.year * 10000 + date.month * 100 + date.day) * 3 + (CURRENCIES[currency] === "USD" ? 2 : CURRENCIES[currency] ? 1 : 0);
}

/**
 * Statements print their quarters in time order, or in reverse: a header out of order is two headings swapped,
 * which would move each quarter's figures to the other (and the earliest quarter has no tie-out across periods).
 */
function rejectOutOfOrder(periods: string[], columns: ReadonlyArray<{ header: string }>, line: number): void {
  const ascending = periods.every((p, i) => i === 0 || comparePeriods(periods[i - 1], p) <= 0);
  const descending = periods.every((p, i) => i === 0 || comparePeriods(periods[i - 1], p) >= 0);
  if (!ascending && !descending) {
    throw importError(line, "columnsOutOfOrder", columns.map((c) => c.header));
  }
}

function readColumn(span: string, own: string, index: number, line: number): ReadColumn {
  const header = [span, own].filter(Boolean).join(" ");
  if (!own) throw importError(line, "columnNoHeading", index);
  const partYear = PART_YEAR.exec(header);
  if (partYear) throw importError(line, "columnPartYear", header, `${partYear[1].toLowerCase()} months`);
  const year = YEAR.test(header);
  const dateText = DATE.exec(own)?.[1];
  const date = dateText ? parseMonthDayYear(dateText) : null;
  if (!date) throw importError(line, year ? "yearColumnNoDate" : "columnNoDate", header);
  // The fiscal year is the calendar year: a year that ends on another day is not one KC's quarters add up to.
  if (year && (date.month !== 12 || date.day !== 31)) throw importError(line, "yearColumnNotDecember", header, dateText!);
  const period = year ? fiscalYear(date.year) : quarterEndingOn(date.year, date.month, date.day);
  if (!period) throw importError(line, "columnNotQuarterEnd", header, dateText!);
  const rest = own.replace(dateText!, "").trim();
  let currency: Currency | null = null;
  if (rest) {
    currency = CURRENCIES[rest.toUpperCase()] ?? null;
    if (!currency) throw importError(line, "columnUnknownCurrency", header, rest);
  }
  if (year) return { year: true, column: { header, year: period, currency } };
  const periodKind: PeriodKind = DURATION.test(span) || DURATION.test(own) ? "duration" : "instant";
  return { year: false, column: { header, period, periodKind, currency } };
}

function rejectDuplicates(columns: ReadonlyArray<{ key: string; column: { header: string; currency: Currency | null } }>, line: number): void {
  const seen = new Map<string, string>();
  for (const { key: period, column } of columns) {
    const key = `${period}|${column.currency ?? ""}`;
    const earlier = seen.get(key);
    if (earlier) throw importError(line, "columnDuplicated", earlier, column.header);
    seen.set(key, column.header);
  }
}
