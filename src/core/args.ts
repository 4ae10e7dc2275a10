/**
 * Reading the arguments of a KC call as Excel passes them: strings, numbers, booleans, null for an omitted optional,
 * 2-D arrays for ranges. Each reader checks and coerces once and throws a KcError whose message says what to type
 * instead; what comes out is typed (a metric id, a canonical period, a currency, a scale), and the typed calls never
 * re-validate it.
 */
import { Scale, StatementId, TABLE_STATEMENTS, Unit, statementByName } from "./catalog";
import type { Currency } from "./dataset";
import { D } from "./decimal";
import { Exact, fromDec } from "./exact";
import { MAX_NAME_LENGTH, MAX_OPTION_LENGTH, MAX_OVERRIDE_ROWS, MAX_PERIODS } from "./limits";
import { OPTION_FORMS, isKcError, kcError } from "./messages";
import type { Overrides } from "./model";
import { PeriodKey, describeAvailable } from "./periods";
import { fromScale, scaleShift } from "./scale";
import { quote } from "./text";

/** What Excel passes for one argument: a scalar, null when omitted, or a range / array constant. */
export type ExcelArg = string | number | boolean | null | undefined | unknown[][];

export { MAX_OVERRIDE_ROWS, MAX_PERIODS };

export const isBlank = (arg: unknown): boolean => arg === null || arg === undefined || arg === "";

/**
 * Refuses text longer than `max` before anything reads it: no scan, no lookup, no cache ever sees it (a 16,000-character
 * option would otherwise be kept as a cache key, and V8 hashes long strings by their length alone).
 */
export function requireShort(arg: unknown, max: number, what: string, forms: string): void {
  if (typeof arg === "string" && arg.length > max) throw kcError("textTooLong", what, max, forms);
}

/** Whether an argument is a scalar that its length limit lets through (what the results caches may key on). */
export const fitsLimit = (arg: unknown, max: number): boolean => isScalar(arg) && !(typeof arg === "string" && arg.length > max);

// Maps, not object literals: a typed "constructor" or "__proto__" must not find Object.prototype's properties.
const CURRENCIES: ReadonlyMap<string, Currency> = withCommonSpellings(Object.entries({ rmb: "RMB", cny: "RMB", "¥": "RMB", usd: "USD", "us$": "USD", $: "USD", us: "USD" } satisfies Record<string, Currency>));
const SCALES: ReadonlyMap<string, Scale> = withCommonSpellings(Object.entries({
  units: "units", unit: "units", ones: "units", "1": "units",
  thousands: "thousands", thousand: "thousands", k: "thousands", "000": "thousands", "1000": "thousands",
  millions: "millions", million: "millions", m: "millions", mm: "millions", mn: "millions", "1000000": "millions",
  billions: "billions", billion: "billions", b: "billions", bn: "billions", "1000000000": "billions",
} satisfies Record<string, Scale>));

/**
 * The names as typed most often (lower case, upper case, capitalised) map directly, so the common call needs one
 * lookup and no new string; anything else is trimmed and lower-cased first.
 */
function withCommonSpellings<V>(entries: Array<[string, V]>): ReadonlyMap<string, V> {
  const map = new Map<string, V>();
  for (const [name, value] of entries) {
    for (const spelling of [name, name.toUpperCase(), name.charAt(0).toUpperCase() + name.slice(1)]) map.set(spelling, value);
  }
  return map;
}

/** An option's value by its name: as typed, or trimmed and lower-cased. */
const lookUp = <V>(names: ReadonlyMap<string, V>, typed: string): V | undefined => names.get(typed) ?? names.get(typed.trim().toLowerCase());

export function readCurrency(arg: unknown): Currency {
  if (isBlank(arg)) return "RMB";
  requireShort(arg, MAX_OPTION_LENGTH, "Currency", OPTION_FORMS.currency);
  const found = typeof arg === "string" ? lookUp(CURRENCIES, arg) : undefined;
  if (!found) throw kcError("currencyInvalid", quote(arg));
  return found;
}

const PRINTED_COLUMNS: ReadonlySet<string> = new Set(["printed", "asprinted", "both", "rmbusd", "rmbandusd", "rmbus"]);

/** KC.STATEMENT's currency: a currency, or "printed" for the tables' own columns (RMB and US$ side by side). */
export function readStatementColumns(arg: unknown): Currency | "printed" {
  requireShort(arg, MAX_OPTION_LENGTH, "Currency", OPTION_FORMS.statementCurrency);
  if (typeof arg === "string" && PRINTED_COLUMNS.has(arg.toLowerCase().replace(/[^a-z]/g, ""))) return "printed";
  if (isBlank(arg) || (typeof arg === "string" && lookUp(CURRENCIES, arg))) return readCurrency(arg);
  throw kcError("statementCurrencyInvalid", quote(arg));
}

export function readScale(arg: unknown): Scale {
  if (isBlank(arg)) return "asPrinted";
  requireShort(arg, MAX_OPTION_LENGTH, "Scale", OPTION_FORMS.scale);
  const found = typeof arg === "string" ? lookUp(SCALES, arg) : typeof arg === "number" ? SCALES.get(String(arg)) : undefined;
  if (!found) throw kcError("scaleInvalid", quote(arg));
  return found;
}

export type Basis = "YoY" | "QoQ";

/** Quarters back to the base of a growth rate. */
export const BASIS_QUARTERS: Readonly<Record<Basis, number>> = { YoY: 4, QoQ: 1 };

export function readBasis(arg: unknown): Basis {
  requireShort(arg, MAX_OPTION_LENGTH, "Growth basis", OPTION_FORMS.basis);
  if (isBlank(arg)) return "YoY";
  const text = typeof arg === "string" ? arg.trim().toLowerCase().replace(/[^a-z]/g, "") : "";
  if (text === "yoy" || text === "y" || text === "yearoveryear") return "YoY";
  if (text === "qoq" || text === "q" || text === "quarteroverquarter" || text === "seq" || text === "sequential") return "QoQ";
  throw kcError("basisInvalid", quote(arg));
}

/** A statement by id or name; only the four printed statements unless `anyGroup` (for KC.METRICS). */
export function readStatement(arg: unknown, anyGroup = false): StatementId {
  const allowed = anyGroup ? "BS, IS, NONGAAP, CF, NARRATIVE or DERIVED" : "BS, IS, NONGAAP or CF";
  requireShort(arg, MAX_NAME_LENGTH, "Statement", `Type ${allowed}.`);
  const found = typeof arg === "string" ? statementByName(arg) : null;
  if (!found || (!anyGroup && !(TABLE_STATEMENTS as readonly string[]).includes(found))) {
    throw kcError("statementInvalid", quote(arg ?? ""), allowed);
  }
  return found;
}

/** Reads one metric name to its id (the engine's index). */
export type MetricResolver = (name: unknown) => string;
export type UnitOf = (id: string) => Unit;

/**
 * A two-column range of (metric, value) rows. A row whose metric cell is blank (empty, "" or 0) is skipped whatever its
 * value: desktop Excel passes an empty cell as 0 and Excel on the web as null, so the metric cell, never the value
 * cell, turns an override off. A metric beside a blank value (null or "", what the web passes for a cleared value cell)
 * is refused: on desktop the same cleared cell arrives as 0, an override of 0, so a workbook that relied on it would
 * give another figure there. Values are in the call's currency and scale; what comes out is in the metrics' own units.
 * Every problem with a row names it. `rows` receives each metric's row and the value as typed, for the rules that
 * judge the set (overrides.ts).
 */
export function readOverrides(arg: ExcelArg, scale: Scale, resolve: MetricResolver, unitOf: UnitOf, rows?: Map<string, { row: number; typed: number }>): Overrides | undefined {
  if (isBlank(arg)) return undefined;
  if (!Array.isArray(arg)) throw kcError("overridesShape");
  // Checked before any row is read: a whole column (a million rows) is refused at once.
  if (arg.length > MAX_OVERRIDE_ROWS) throw kcError("overridesTooManyRows", arg.length);
  const result = new Map<string, Exact>();
  arg.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2) throw kcError("overridesShape");
    const [name, value] = row;
    if (isBlankMetricCell(name)) return;
    const id = readOverrideName(name, i + 1, resolve);
    if (isBlank(value)) throw kcError("overrideValueBlank", i + 1, id);
    if (typeof value !== "number" || !Number.isFinite(value)) throw kcError("overrideNotNumber", id, i + 1, quote(value));
    if (result.has(id)) throw kcError("overrideTwice", id, i + 1);
    rows?.set(id, { row: i + 1, typed: value });
    const unit = unitOf(id);
    result.set(id, scaleShift(unit, scale) === 0 && Number.isSafeInteger(value) ? value : fromDec(fromScale(D(value), unit, scale)));
  });
  return result.size ? result : undefined;
}

/** An overrides row's metric cell that turns the row off: empty on the web (null), desktop's 0 for it, "" or spaces. */
const isBlankMetricCell = (arg: unknown): boolean => isBlank(arg) || arg === 0 || (typeof arg === "string" && arg.length <= MAX_NAME_LENGTH && arg.trim() === "");

/** The metric of an overrides row: "Overrides row 3: unknown metric 'TotalRevenus'. Did you mean TotalRevenues?" */
function readOverrideName(name: unknown, row: number, resolve: MetricResolver): string {
  if (typeof name !== "string") throw kcError("overrideNameNotText", row, typeof name === "boolean" ? String(name).toUpperCase() : quote(name));
  try {
    return resolve(name);
  } catch (error) {
    if (!isKcError(error)) throw error;
    throw kcError("overrideRow", row, error.message[0].toLowerCase() + error.message.slice(1));
  }
}

/**
 * A blank cell of a periods range: empty (the web's null), "" or 0, which is what desktop Excel passes for an empty
 * cell (no period is 0: as a date serial it is 1900-01-00).
 */
export const isBlankPeriodCell = (cell: unknown): boolean => isBlank(cell) || cell === 0;

/**
 * Periods as one cell or a range of cells, each resolved; all of `available` when omitted or when every cell is blank
 * (isBlankPeriodCell: blank cells are skipped, on desktop and on the web alike). A whole column arrives as a million
 * rows (a million 0s from desktop Excel): the blank rows after the last period are found from the end and never read or
 * copied, and the limit is checked as the cells are counted, before any is resolved.
 */
export function readPeriodList(arg: ExcelArg, available: readonly PeriodKey[], what: string, resolve: (cell: unknown) => PeriodKey): PeriodKey[] {
  if (isBlankPeriodCell(arg)) return [...available];
  const cells: unknown[] = [];
  if (!Array.isArray(arg)) cells.push(arg);
  else {
    const rows = rowsInUse(arg, isBlankPeriodCell);
    for (let i = 0; i < rows; i++) {
      const row: unknown = arg[i];
      for (const cell of Array.isArray(row) ? row : [row]) {
        if (isBlankPeriodCell(cell)) continue;
        if (cells.length === MAX_PERIODS) throw kcError("periodsTooMany", rows);
        cells.push(cell);
      }
    }
  }
  if (cells.length === 0) return [...available];
  return cells.map((cell) => {
    const period = resolve(cell);
    if (!available.includes(period)) throw kcError("statementNoPeriod", what, period, describeAvailable([...available]));
    return period;
  });
}

/**
 * Rows of a range up to its last one holding anything (a cell that is not `blank`), found from the end: a whole
 * column's blank tail is skipped.
 */
export function rowsInUse(range: readonly unknown[], blank: (cell: unknown) => boolean = isBlank): number {
  const { isArray } = Array; // looked up once, not per row: a global lookup per row is slow inside a vm sandbox (Jest)
  for (let i = range.length - 1; i >= 0; i--) {
    const row = range[i];
    if (!isArray(row)) {
      if (!blank(row)) return i + 1;
      continue;
    }
    for (let j = 0; j < row.length; j++) if (!blank(row[j])) return i + 1;
  }
  return 0;
}

/** Whether an argument is one value (Excel passes scalars and null as themselves). */
export function isScalar(arg: unknown): boolean {
  return arg === null || arg === undefined || typeof arg === "string" || typeof arg === "number" || typeof arg === "boolean";
}
