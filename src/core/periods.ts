/**
 * Fiscal periods. The canonical key is "YYYYQn" (e.g. "2026Q1"); the fiscal year is the calendar year, so the
 * quarters end on Mar 31, Jun 30, Sep 30 and Dec 31.
 *
 * resolvePeriod turns whatever a user typed (or an Excel cell holds) into a canonical key. It sits on the hot path of
 * every custom function call, so it uses precompiled regexes, integer arithmetic for Excel date serials, and a small
 * bounded cache for repeated inputs. It does not check whether the filing covers the period: callers do that and
 * raise notAvailable (describeAvailable formats the list for their message).
 */
import { kcError } from "./messages";
import { quote } from "./text";

export type PeriodKey = string;

/** Years a key may carry: Excel's own date range (1900-01-01 .. 9999-12-31). */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
export const MAX_PERIOD_LENGTH = 100;
const CACHE_LIMIT = 1000;
/** FQ-n may reach back at most this many quarters (the year range caps it further). */
const MAX_RELATIVE = 999;

// ---------------------------------------------------------------------------------------------------------------
// Canonical keys

const CANONICAL_RE = /^(\d{4})Q([1-4])$/;

function isValidYearQuarter(year: number, quarter: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(quarter) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    quarter >= 1 &&
    quarter <= 4
  );
}

/** formatPeriod(2026, 1) -> "2026Q1". Throws invalidValue for a year outside 1900-9999 or a quarter outside 1-4. */
export function formatPeriod(year: number, quarter: number): PeriodKey {
  if (!isValidYearQuarter(year, quarter)) {
    throw kcError("periodYearQuarter", year, quarter);
  }
  return year + "Q" + quarter;
}

/** splitPeriod("2026Q1") -> { year: 2026, quarter: 1 }. Accepts only canonical keys; throws invalidValue otherwise. */
export function splitPeriod(key: PeriodKey): { year: number; quarter: number } {
  const m = typeof key === "string" ? CANONICAL_RE.exec(key) : null;
  const year = m === null ? 0 : +m[1];
  if (m === null || year < MIN_YEAR) {
    throw kcError("periodNotKey", quote(key));
  }
  return { year, quarter: +m[2] };
}

/** Quarters since year 0 (year * 4 + quarter - 1), or -1 when the key is not canonical. */
function periodIndex(key: PeriodKey): number {
  const m = CANONICAL_RE.exec(key);
  if (m === null) return -1;
  const year = +m[1];
  return year < MIN_YEAR ? -1 : year * 4 + (+m[2] - 1);
}

function keyFromIndex(index: number): PeriodKey | null {
  const year = Math.floor(index / 4);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return year + "Q" + (index - year * 4 + 1);
}

/** shiftPeriod("2026Q1", -1) -> "2025Q4"; shiftPeriod("2026Q1", -4) -> "2025Q1". Throws invalidValue outside 1900-9999. */
export function shiftPeriod(key: PeriodKey, quarters: number): PeriodKey {
  const index = periodIndex(key);
  if (index < 0) throw kcError("periodNotKey", quote(key));
  if (!Number.isInteger(quarters)) throw kcError("periodShiftNotWhole", quarters);
  const shifted = keyFromIndex(index + quarters);
  if (shifted === null) throw kcError("periodShiftOutside", key, quarters);
  return shifted;
}

/** Sort comparator for canonical keys (oldest first). Canonical keys have a 4-digit year, so text order is time order. */
export function comparePeriods(a: PeriodKey, b: PeriodKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "2025Q1, 2025Q4, 2026Q1" (sorted, duplicates removed), or "none" for an empty list. For notAvailable messages. */
export function describeAvailable(periods: PeriodKey[]): string {
  if (periods.length === 0) return "none";
  const sorted = periods.slice().sort(comparePeriods);
  let out = sorted[0];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] !== sorted[i - 1]) out += ", " + sorted[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Dates

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Quarter number (1-4) ending on month/day, else 0. */
function quarterEndingOnMonthDay(month: number, day: number): number {
  switch (month) {
    case 3:
      return day === 31 ? 1 : 0;
    case 6:
      return day === 30 ? 2 : 0;
    case 9:
      return day === 30 ? 3 : 0;
    case 12:
      return day === 31 ? 4 : 0;
    default:
      return 0;
  }
}

/** The quarter ending exactly on that date: (2026, 3, 31) -> "2026Q1"; any other date (or an invalid one) -> null. */
export function quarterEndingOn(year: number, month: number, day: number): PeriodKey | null {
  if (!isValidDate(year, month, day)) return null;
  const quarter = quarterEndingOnMonthDay(month, day);
  return quarter === 0 ? null : year + "Q" + quarter;
}

const QUARTER_END_SUFFIX: readonly string[] = ["", "-03-31", "-06-30", "-09-30", "-12-31"];

/** quarterEndDate("2026Q1") -> "2026-03-31". */
export function quarterEndDate(key: PeriodKey): string {
  const { year, quarter } = splitPeriod(key);
  return year + QUARTER_END_SUFFIX[quarter];
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ["JAN", 1], ["JANUARY", 1],
  ["FEB", 2], ["FEBRUARY", 2],
  ["MAR", 3], ["MARCH", 3],
  ["APR", 4], ["APRIL", 4],
  ["MAY", 5],
  ["JUN", 6], ["JUNE", 6],
  ["JUL", 7], ["JULY", 7],
  ["AUG", 8], ["AUGUST", 8],
  ["SEP", 9], ["SEPT", 9], ["SEPTEMBER", 9],
  ["OCT", 10], ["OCTOBER", 10],
  ["NOV", 11], ["NOVEMBER", 11],
  ["DEC", 12], ["DECEMBER", 12],
]);

/** "Mar 31, 2026", "March 31 2026", "Sept. 30, 2025": month name, day, 4-digit year. */
const MONTH_DAY_YEAR_RE = /^\s*([A-Za-z]{3,9})\.?\s*(\d{1,2})(?:\s*,\s*|\s+)(\d{4})\s*$/;

/**
 * Parses a header date such as "Mar 31, 2026" or "March 31, 2026" (month abbreviated or in full, any case, comma
 * optional). Returns null when the text is not such a date or the date does not exist (e.g. "Feb 30, 2026").
 */
export function parseMonthDayYear(text: string): { year: number; month: number; day: number } | null {
  if (typeof text !== "string" || text.length > MAX_PERIOD_LENGTH) return null;
  const m = MONTH_DAY_YEAR_RE.exec(text);
  if (m === null) return null;
  const month = MONTHS.get(m[1].toUpperCase());
  if (month === undefined) return null;
  const day = +m[2];
  const year = +m[3];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

/**
 * Excel's two date systems. In the 1900 system (Excel's default) serial 1 is 1900-01-01; in the 1904 system (a
 * workbook option, the default of old Mac workbooks) serial 0 is 1904-01-01. A custom function receives only the
 * serial, so the reader is told which system the workbook uses (the add-in reads it from Excel; 1900 otherwise).
 */
export type DateSystem = 1900 | 1904;
/** The 1900-system serial of 1904-01-01: a 1904-system serial plus this is the same day's 1900-system serial. */
const SERIAL_1904_OFFSET = 1462;
/** Excel serial 2958465 is 9999-12-31, the last date Excel knows. */
const MAX_EXCEL_SERIAL = 2958465;
/** Excel serial of 1970-01-01 (for serials >= 61, i.e. after Excel's fictitious 1900-02-29). */
const EXCEL_SERIAL_UNIX_EPOCH = 25569;

/**
 * Excel 1900-system serial -> date encoded as year * 10000 + month * 100 + day, or 0 when the serial is not a real
 * date (< 1, the fictitious 1900-02-29 = 60, or past 9999-12-31). Any time-of-day fraction is ignored.
 * Integer arithmetic only (Hinnant's civil_from_days), so no Date objects on the hot path.
 */
function excelSerialToYmd(serial: number): number {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === 60) return 0;
  // Serials 1-59 are real dates Jan 1 - Feb 28, 1900; from 61 on Excel counts one phantom day (1900-02-29).
  const z = (whole < 60 ? whole + 1 : whole) - EXCEL_SERIAL_UNIX_EPOCH + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + month * 100 + day;
}

/** A serial in the given date system -> year * 10000 + month * 100 + day, or 0 when it is not a real date. */
function serialToYmd(serial: number, system: DateSystem): number {
  if (system === 1900) return excelSerialToYmd(serial);
  const whole = Math.floor(serial);
  return whole < 0 ? 0 : excelSerialToYmd(whole + SERIAL_1904_OFFSET);
}

/** The canonical key of the quarter ending on a date encoded as ymd, or null. */
function quarterEndingOnYmd(ymd: number): PeriodKey | null {
  const quarter = quarterEndingOnMonthDay(Math.floor(ymd / 100) % 100, ymd % 100);
  return quarter === 0 ? null : Math.floor(ymd / 10000) + "Q" + quarter;
}

const isoOfYmd = (ymd: number): string => isoDate(Math.floor(ymd / 10000), Math.floor(ymd / 100) % 100, ymd % 100);

function pad2(n: number): string {
  return n < 10 ? "0" + n : "" + n;
}

function isoDate(year: number, month: number, day: number): string {
  return year + "-" + pad2(month) + "-" + pad2(day);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading what a user typed

// All patterns run on the trimmed, upper-cased input.
/** 2026Q1, 2026 Q1, 2026-Q1, FY2026Q1, FY2026 Q1, FY 2026-Q1 */
const YEAR_QUARTER_RE = /^(?:FY\s*)?(\d{4})\s*(?:-\s*)?Q(\d)$/;
/** Q1 2026, Q1-2026, Q1 26 ("Q12026" is not accepted) */
const QUARTER_YEAR_RE = /^Q(\d)(?:\s*-\s*|\s+)(\d{4}|\d{2})$/;
/** 1Q26, 1Q2026 */
const NQ_YEAR_RE = /^(\d)Q(\d{4}|\d{2})$/;
/** 2026-03-31 */
const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** 3/31/2026, 3/31/26 (US month/day/year) */
const US_DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;
/** FQ0, FQ-1, FQ -4 (relative to the latest period) */
const RELATIVE_RE = /^FQ\s*(?:0|-\s*(\d{1,3}))$/;
/** FY2026, FY 2026, FY26, CY2026: a full year, which the functions do not answer (they model quarters). */
const FULL_YEAR_RE = /^(?:FY|CY)\s*(\d{4}|\d{2})$/;
/** Cheap pre-check before running the month-name parser. */
const STARTS_WITH_LETTER_RE = /^[A-Z]/;

/** Why an input is not a period: a message key and its arguments, kept so a repeated bad input costs a lookup. */
type Failure =
  | { fail: "periodInvalid" | "periodEmpty" | "periodZero"; typed: string }
  | { fail: "periodYear"; typed: string; year: number }
  | { fail: "periodNotQuarterEnd"; typed: string; iso: string }
  | { fail: "periodSerialNotQuarterEnd"; typed: string; iso: string }
  | { fail: "periodSerialOtherSystem"; typed: string; iso: string; system: DateSystem; other: DateSystem; otherIso: string; key: PeriodKey };

/** What one raw input resolves to: a canonical key, a relative offset (FQ-n: -n; FQ0/LATEST: 0), or a failure. */
type Resolution = PeriodKey | number | Failure;

function throwFailure(failure: Failure): never {
  switch (failure.fail) {
    case "periodEmpty":
      throw kcError("periodEmpty");
    case "periodInvalid":
      throw kcError("periodInvalid", quote(failure.typed));
    case "periodZero":
      throw kcError("periodZero");
    case "periodYear":
      throw kcError("periodYear", quote(failure.typed), failure.year);
    case "periodSerialOtherSystem":
      throw kcError("periodSerialOtherSystem", failure.typed, failure.iso, failure.system, failure.other, failure.otherIso, failure.key);
    default:
      throw kcError(failure.fail, quote(failure.typed), failure.iso);
  }
}

const notValid = (typed: string): Failure => ({ fail: "periodInvalid", typed });

/** A year written with 2 digits means 20xx. */
function fullYear(text: string): number {
  const year = +text;
  return text.length === 2 ? 2000 + year : year;
}

/** Resolves a date to the quarter ending on it, or explains why it cannot. */
function fromDate(year: number, month: number, day: number, typed: string): Resolution {
  if (!isValidDate(year, month, day)) return notValid(typed);
  const quarter = quarterEndingOnMonthDay(month, day);
  return quarter === 0 ? { fail: "periodNotQuarterEnd", typed, iso: isoDate(year, month, day) } : year + "Q" + quarter;
}

function fromYearQuarter(year: number, quarter: number, typed: string): Resolution {
  return isValidYearQuarter(year, quarter) ? year + "Q" + quarter : notValid(typed);
}

/** Parses a string input (at most MAX_PERIOD_LENGTH characters). Never throws. */
function parseText(raw: string): Resolution {
  const text = raw.trim().toUpperCase();
  if (text.length === 0) return { fail: "periodEmpty", typed: raw };

  // Canonical input is by far the most common: test it first.
  let m = CANONICAL_RE.exec(text);
  if (m !== null) return fromYearQuarter(+m[1], +m[2], raw);

  if ((m = YEAR_QUARTER_RE.exec(text)) !== null) return fromYearQuarter(+m[1], +m[2], raw);
  if ((m = QUARTER_YEAR_RE.exec(text)) !== null) return fromYearQuarter(fullYear(m[2]), +m[1], raw);
  if ((m = NQ_YEAR_RE.exec(text)) !== null) return fromYearQuarter(fullYear(m[2]), +m[1], raw);
  if ((m = ISO_DATE_RE.exec(text)) !== null) return fromDate(+m[1], +m[2], +m[3], raw);
  if ((m = US_DATE_RE.exec(text)) !== null) return fromDate(fullYear(m[3]), +m[1], +m[2], raw);
  if ((m = RELATIVE_RE.exec(text)) !== null) {
    const back = m[1] === undefined ? 0 : +m[1];
    return back > MAX_RELATIVE ? notValid(raw) : -back;
  }
  if (text === "LATEST") return 0;
  if ((m = FULL_YEAR_RE.exec(text)) !== null) return { fail: "periodYear", typed: raw, year: fullYear(m[1]) };
  if (STARTS_WITH_LETTER_RE.test(text)) {
    m = MONTH_DAY_YEAR_RE.exec(text);
    if (m !== null) {
      const month = MONTHS.get(m[1]);
      if (month !== undefined) return fromDate(+m[3], month, +m[2], raw);
    }
  }
  return notValid(raw);
}

/**
 * Parses a number input: an Excel date serial in the workbook's date system. 0 is what desktop Excel passes for an
 * empty cell. A date that is no quarter end but would be one in the other date system says so (a 1904-system
 * quarter end read in the 1900 system is the day before a quarter end, four years earlier, and the other way round
 * the day after one, four years later: a serial read in the wrong system never lands on a quarter end). Never throws.
 */
function parseSerial(serial: number, system: DateSystem): Resolution {
  const typed = String(serial);
  if (serial === 0) return { fail: "periodZero", typed };
  if (!Number.isFinite(serial)) return notValid(typed);
  const ymd = serialToYmd(serial, system);
  if (ymd === 0) return notValid(typed);
  const key = quarterEndingOnYmd(ymd);
  if (key !== null) return key;
  const other: DateSystem = system === 1900 ? 1904 : 1900;
  const otherYmd = serialToYmd(serial, other);
  const otherKey = otherYmd === 0 ? null : quarterEndingOnYmd(otherYmd);
  if (otherKey !== null) return { fail: "periodSerialOtherSystem", typed, iso: isoOfYmd(ymd), system, other, otherIso: isoOfYmd(otherYmd), key: otherKey };
  return { fail: "periodSerialNotQuarterEnd", typed, iso: isoOfYmd(ymd) };
}

function describeNonScalar(input: unknown): never {
  if (input === null || input === undefined) throw kcError("periodMissing");
  if (Array.isArray(input)) throw kcError("periodRange");
  if (typeof input === "boolean") throw kcError("periodInvalid", input ? "TRUE" : "FALSE");
  throw kcError("periodInvalid", quote(input));
}

/**
 * Turns a typed period (or an Excel cell's value) into a canonical key, relative forms counted from the latest period.
 * Accepted (any case, surrounding whitespace ignored): 2026Q1, Q1 2026, 2026 Q1, Q1-2026, 1Q26, 1Q2026, FY2026Q1,
 * 2026-Q1, quarter-end dates 2026-03-31, Mar 31, 2026, March 31, 2026, 3/31/2026, FQ0 / LATEST (= latest), FQ-n
 * (n quarters before latest), and numbers as Excel date serials of a quarter end, in the reader's date system (1900
 * unless told 1904). Two-digit years mean 20xx.
 * Throws invalidValue for anything else. Does not check that the filing covers the period.
 * Each reader keeps a bounded cache of what it has read, so repeated input (good or bad) costs one lookup.
 */
export class PeriodReader {
  private readonly cache = new Map<string | number, Resolution>();
  private readonly latestIndex: number;
  /** FQ-n keys by n, made once. */
  private readonly relativeKeys: (PeriodKey | null | undefined)[] = [];

  constructor(
    readonly latest: PeriodKey,
    readonly dateSystem: DateSystem = 1900,
  ) {
    this.latestIndex = periodIndex(latest);
    if (this.latestIndex < 0) throw kcError("periodLatestNotKey", quote(latest));
  }

  resolve(input: unknown): PeriodKey {
    let resolution: Resolution | undefined;
    if (typeof input === "string") {
      if (input.length > MAX_PERIOD_LENGTH) throw kcError("periodTooLong", quote(input), MAX_PERIOD_LENGTH);
      resolution = this.cache.get(input);
      if (resolution === undefined) resolution = this.remember(input, parseText(input));
    } else if (typeof input === "number") {
      resolution = this.cache.get(input);
      if (resolution === undefined) {
        resolution = parseSerial(input, this.dateSystem);
        // NaN is a valid Map key but not worth caching; finite numbers are.
        if (Number.isFinite(input)) this.remember(input, resolution);
      }
    } else {
      describeNonScalar(input);
    }
    if (typeof resolution === "string") return resolution;
    if (typeof resolution === "number") return this.relative(resolution, input as string);
    throwFailure(resolution);
  }

  private remember(input: string | number, resolution: Resolution): Resolution {
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(input, resolution);
    return resolution;
  }

  private relative(offset: number, typed: string): PeriodKey {
    if (offset === 0) return this.latest;
    let key = this.relativeKeys[-offset];
    if (key === undefined) {
      key = keyFromIndex(this.latestIndex + offset);
      this.relativeKeys[-offset] = key;
    }
    if (key === null) throw kcError("periodBefore", quote(typed), MIN_YEAR);
    return key;
  }
}

/** One-off resolution (tests, the importer): a fresh reader each call. The engine keeps one reader per dataset. */
export function resolvePeriod(input: unknown, latest: PeriodKey, dateSystem: DateSystem = 1900): PeriodKey {
  return new PeriodReader(latest, dateSystem).resolve(input);
}
