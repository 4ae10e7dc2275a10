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
import { kcError } from "./messages";
import type { Overrides } from "./model";
import { PeriodKey, describeAvailable } from "./periods";
import { fromScale, scaleShift } from "./scale";
import { quote } from "./text";

/** What Excel passes for one argument: a scalar, null when omitted, or a range / array constant. */
export type ExcelArg = string | number | boolean | null | undefined | unknown[][];

export const MAX_OVERRIDE_ROWS = 10_000;
export const MAX_PERIODS = 100;

export const isBlank = (arg: unknown): boolean => arg === null || arg === undefined || arg === "";

// Maps, not object literals: a typed "constructor" or "__proto__" must not find Object.prototype's properties.
const CURRENCIES: ReadonlyMap<string, Currency> = new Map(Object.entries({ rmb: "RMB", cny: "RMB", "¥": "RMB", usd: "USD", "us$": "USD", $: "USD", us: "USD" } satisfies Record<string, Currency>));
const SCALES: ReadonlyMap<string, Scale> = new Map(Object.entries({
  units: "units", unit: "units", ones: "units", "1": "units",
  thousands: "thousands", thousand: "thousands", k: "thousands", "000": "thousands", "1000": "thousands",
  millions: "millions", million: "millions", m: "millions", mm: "millions", mn: "millions", "1000000": "millions",
  billions: "billions", billion: "billions", b: "billions", bn: "billions", "1000000000": "billions",
} satisfies Record<string, Scale>));

export function readCurrency(arg: unknown): Currency {
  if (isBlank(arg)) return "RMB";
  const found = typeof arg === "string" ? CURRENCIES.get(arg.trim().toLowerCase()) : undefined;
  if (!found) throw kcError("currencyInvalid", quote(arg));
  return found;
}

const PRINTED_COLUMNS: ReadonlySet<string> = new Set(["printed", "asprinted", "both", "rmbusd", "rmbandusd", "rmbus"]);

/** KC.STATEMENT's currency: a currency, or "printed" for the tables' own columns (RMB and US$ side by side). */
export function readStatementColumns(arg: unknown): Currency | "printed" {
  if (typeof arg === "string" && PRINTED_COLUMNS.has(arg.toLowerCase().replace(/[^a-z]/g, ""))) return "printed";
  if (isBlank(arg) || (typeof arg === "string" && CURRENCIES.has(arg.trim().toLowerCase()))) return readCurrency(arg);
  throw kcError("statementCurrencyInvalid", quote(arg));
}

export function readScale(arg: unknown): Scale {
  if (isBlank(arg)) return "asPrinted";
  const found = typeof arg === "string" || typeof arg === "number" ? SCALES.get(String(arg).trim().toLowerCase()) : undefined;
  if (!found) throw kcError("scaleInvalid", quote(arg));
  return found;
}

export type Basis = "YoY" | "QoQ";

/** Quarters back to the base of a growth rate. */
export const BASIS_QUARTERS: Readonly<Record<Basis, number>> = { YoY: 4, QoQ: 1 };

export function readBasis(arg: unknown): Basis {
  if (isBlank(arg)) return "YoY";
  const text = typeof arg === "string" ? arg.trim().toLowerCase().replace(/[^a-z]/g, "") : "";
  if (text === "yoy" || text === "y" || text === "yearoveryear") return "YoY";
  if (text === "qoq" || text === "q" || text === "quarteroverquarter" || text === "seq" || text === "sequential") return "QoQ";
  throw kcError("basisInvalid", quote(arg));
}

/** A statement by id or name; only the four printed statements unless `anyGroup` (for KC.METRICS). */
export function readStatement(arg: unknown, anyGroup = false): StatementId {
  const found = typeof arg === "string" ? statementByName(arg) : null;
  if (!found || (!anyGroup && !(TABLE_STATEMENTS as readonly string[]).includes(found))) {
    throw kcError("statementInvalid", quote(arg ?? ""), anyGroup ? "BS, IS, NONGAAP, CF, NARRATIVE or DERIVED" : "BS, IS, NONGAAP or CF");
  }
  return found;
}

/** Reads one metric name to its id (the engine's index). */
export type MetricResolver = (name: unknown) => string;
export type UnitOf = (id: string) => Unit;

/**
 * A two-column range of (metric, value) rows; blank rows, and rows whose value is blank, are skipped. Values are in
 * the call's currency and scale; what comes out is in the metrics' own units. `rows` receives each metric's row and
 * the value as typed, for the messages of the rules that judge the set (overrides.ts).
 */
export function readOverrides(arg: ExcelArg, scale: Scale, resolve: MetricResolver, unitOf: UnitOf, rows?: Map<string, { row: number; typed: number }>): Overrides | undefined {
  if (isBlank(arg)) return undefined;
  if (!Array.isArray(arg)) throw kcError("overridesShape");
  if (arg.length > MAX_OVERRIDE_ROWS) throw kcError("overridesTooManyRows", arg.length, MAX_OVERRIDE_ROWS);
  const result = new Map<string, Exact>();
  arg.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2) throw kcError("overridesShape");
    const [name, value] = row;
    if (isBlank(name) && isBlank(value)) return;
    const id = resolve(name);
    // A cleared scenario cell means "as reported": the row is read (its name must still be a metric) and skipped.
    if (isBlank(value)) return;
    if (typeof value !== "number" || !Number.isFinite(value)) throw kcError("overrideNotNumber", id, i + 1, quote(value));
    if (result.has(id)) throw kcError("overrideTwice", id, i + 1);
    rows?.set(id, { row: i + 1, typed: value });
    const unit = unitOf(id);
    result.set(id, scaleShift(unit, scale) === 0 && Number.isSafeInteger(value) ? value : fromDec(fromScale(D(value), unit, scale)));
  });
  return result.size ? result : undefined;
}

/** Periods as one cell or a range of cells, each resolved; all of `available` when omitted. */
export function readPeriodList(arg: ExcelArg, available: readonly PeriodKey[], what: string, resolve: (cell: unknown) => PeriodKey): PeriodKey[] {
  if (isBlank(arg)) return [...available];
  const cells = Array.isArray(arg) ? arg.flat().filter((c) => !isBlank(c)) : [arg];
  if (cells.length === 0) return [...available];
  if (cells.length > MAX_PERIODS) throw kcError("periodsTooMany");
  return cells.map((cell) => {
    const period = resolve(cell);
    if (!available.includes(period)) throw kcError("statementNoPeriod", what, period, describeAvailable([...available]));
    return period;
  });
}

/** Whether an argument is one value (Excel passes scalars and null as themselves). */
export function isScalar(arg: unknown): boolean {
  return arg === null || arg === undefined || typeof arg === "string" || typeof arg === "number" || typeof arg === "boolean";
}
