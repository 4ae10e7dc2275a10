import type { Column, Currency, PeriodKind } from "../dataset";
import { ImportError } from "../errors";
import { comparePeriods, parseMonthDayYear, quarterEndingOn } from "../periods";
import { stripMarkup } from "./markup";

export interface HeaderLine {
  line: number;
  cells: string[];
}

const DURATION = /\bthree months ended\b/i;
const OTHER_DURATION = /\b(six|nine|twelve) months ended\b|\byears? ended\b/i;
const DATE = /([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4})/;
const CURRENCIES: Record<string, Currency> = { RMB: "RMB", "US$": "USD", USD: "USD" };

/**
 * Derives each column's period, period kind and currency from the table's own header rows. A header cell that
 * stands alone on its row ("Three Months Ended") spans every column; the others stack per column
 * ("Mar 31," / "2025" / "RMB").
 */
export function readColumns(headers: HeaderLine[]): Column[] {
  const width = Math.max(...headers.map((h) => h.cells.length));
  const spanning: string[] = [];
  const stacks: string[][] = Array.from({ length: width }, () => []);
  for (const { cells } of headers) {
    const filled = cells.map(stripMarkup);
    const nonEmpty = filled.filter((c) => c !== "");
    if (nonEmpty.length === 1 && filled[0] !== "" && width > 1) spanning.push(filled[0]);
    else filled.forEach((text, i) => text && stacks[i].push(text));
  }
  const span = spanning.join(" ");
  const firstLine = headers[0].line;
  const columns = stacks.map((stack, i) => readColumn(span, stack.join(" "), i + 1, firstLine));
  rejectDuplicates(columns, firstLine);
  rejectOutOfOrder(columns, firstLine);
  // A table prints a currency over every column (RMB, US$) or over none (the margin tables): one column without
  // its heading would file that column's figures under no currency, where no lookup finds them.
  const bare = columns.find((c) => c.currency === null);
  if (bare && columns.some((c) => c.currency !== null)) {
    throw new ImportError(firstLine, `column '${bare.header}' has no currency heading (RMB or US$), though the table's other columns have one`);
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
    throw new ImportError(line, `the columns ${columns.map((c) => `'${c.header}'`).join(", ")} are not in time order: check the table header`);
  }
}

function readColumn(span: string, own: string, index: number, line: number): Column {
  const header = [span, own].filter(Boolean).join(" ");
  if (!own) throw new ImportError(line, `column ${index} of the table header has no heading`);
  if (OTHER_DURATION.test(header)) {
    throw new ImportError(line, `column '${header}' is not a quarter: only "Three Months Ended" columns are supported`);
  }
  const dateText = DATE.exec(own)?.[1];
  const date = dateText ? parseMonthDayYear(dateText) : null;
  if (!date) throw new ImportError(line, `column '${header}' has no date such as "Mar 31, 2026"`);
  const period = quarterEndingOn(date.year, date.month, date.day);
  if (!period) throw new ImportError(line, `column '${header}': ${dateText} is not the end of a calendar quarter`);
  const rest = own.replace(dateText!, "").trim();
  let currency: Currency | null = null;
  if (rest) {
    currency = CURRENCIES[rest.toUpperCase()] ?? null;
    if (!currency) throw new ImportError(line, `column '${header}' has an unknown currency heading '${rest}' (expected RMB or US$)`);
  }
  const periodKind: PeriodKind = DURATION.test(span) || DURATION.test(own) ? "duration" : "instant";
  return { header, period, periodKind, currency };
}

function rejectDuplicates(columns: Column[], line: number): void {
  const seen = new Map<string, string>();
  for (const column of columns) {
    const key = `${column.period}|${column.currency ?? ""}`;
    const earlier = seen.get(key);
    if (earlier) throw new ImportError(line, `duplicated period: '${earlier}' and '${column.header}' are the same column`);
    seen.set(key, column.header);
  }
}
