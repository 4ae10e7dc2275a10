/**
 * The core's public surface: one plain function per KC operation. Adapters (Excel custom functions, the task pane,
 * the kc CLI) call only these. Arguments arrive as Excel sends them (strings, numbers, booleans, null for an omitted
 * optional, 2-D arrays for ranges), so every function validates its own input. Every failure is a KcError
 * (invalidValue -> #VALUE!, notAvailable -> #N/A) whose message says what to type instead.
 */
import type { Unit } from "./catalog";
import { KcContext, kcContext } from "./context";
import type { Currency } from "./dataset";
import { D } from "./decimal";
import { Exact, fromDec } from "./exact";
import { invalidValue, notAvailable } from "./errors";
import { quote } from "./lookup";
import { ResultsCache } from "./results-cache";
import { Overrides } from "./model";
import { Scale, fromScale, isBlank, readCurrency, readScale, scaleShift, toNumber, toScale, unitLabel } from "./options";
import { PeriodKey, describeAvailable, resolvePeriod, shiftPeriod } from "./periods";
import { describeSource } from "./provenance";
import { STATEMENTS, filingPeriods, readStatement, statementRows } from "./statements";

export type Cell = string | number | boolean;
export type Matrix = Cell[][];
/** What Excel passes for one argument: a scalar, null when omitted, or a range / array constant. */
export type ExcelArg = string | number | boolean | null | undefined | unknown[][];

const MAX_OVERRIDE_ROWS = 10_000;
const RESULT_CACHE_LIMIT = 50_000;
const metricResults = new ResultsCache<number>(RESULT_CACHE_LIMIT);
const marginResults = new ResultsCache<number>(RESULT_CACHE_LIMIT);
const growthResults = new ResultsCache<number>(RESULT_CACHE_LIMIT);

/** KC.METRIC: the figure, recomputed through the statement model, in the currency and scale asked for. */
export function metricValue(metric: ExcelArg, period: ExcelArg, currency?: ExcelArg, scale?: ExcelArg, overrides?: ExcelArg): number {
  return cached(metricResults, computeMetric, metric, period, currency, scale, overrides);
}

function computeMetric(metric: ExcelArg, period: ExcelArg, currency: ExcelArg, scale: ExcelArg, overrides: ExcelArg): number {
  const kc = kcContext();
  const call = readCall(kc, metric, period, currency, scale, overrides);
  return scaledValue(kc, call.id, call.period, call.currency, call.scale, call.overrides);
}

/** KC.MARGIN: metric / base (total revenues unless given), exact, for one period. */
export function marginValue(metric: ExcelArg, period: ExcelArg, base?: ExcelArg, overrides?: ExcelArg): number {
  return cached(marginResults, computeMargin, metric, period, base, null, overrides);
}

function computeMargin(metric: ExcelArg, period: ExcelArg, base: ExcelArg, _unused: ExcelArg, overrides: ExcelArg): number {
  const kc = kcContext();
  const call = readCall(kc, metric, period, null, null, overrides);
  const baseId = isBlank(base) ? "TotalRevenues" : kc.index.resolve(base);
  const baseUnit = kc.model.metric(baseId).unit;
  if (call.unit === "ratio" || baseUnit === "ratio" || call.unit !== baseUnit) {
    throw invalidValue(`KC.MARGIN divides two amounts of the same kind; ${call.id} (${call.unit}) by ${baseId} (${baseUnit}) is not a margin. Try KC.METRIC("${call.id}", ...).`);
  }
  kc.model.requirePeriod(baseId, call.period);
  const denominator = kc.model.value(baseId, call.period, "RMB", call.overrides);
  if (denominator.isZero()) throw notAvailable(`${baseId} is zero for ${call.period}: no margin.`);
  return toNumber(kc.model.value(call.id, call.period, "RMB", call.overrides).div(denominator));
}

/** KC.GROWTH: current / base - 1, year over year (default) or quarter over quarter. Overrides apply to the current quarter. */
export function growthValue(metric: ExcelArg, period: ExcelArg, basis?: ExcelArg, overrides?: ExcelArg): number {
  return cached(growthResults, computeGrowth, metric, period, basis, null, overrides);
}

function computeGrowth(metric: ExcelArg, period: ExcelArg, basis: ExcelArg, _unused: ExcelArg, overrides: ExcelArg): number {
  const kc = kcContext();
  const call = readCall(kc, metric, period, null, null, overrides);
  const quarters = readBasis(basis);
  const basePeriod = shiftPeriod(call.period, -quarters);
  const name = quarters === 4 ? "YoY" : "QoQ";
  if (!kc.model.periods(call.id).includes(basePeriod)) {
    throw notAvailable(`${call.id} ${name} growth for ${call.period} needs ${basePeriod}, which the filing does not have. Periods it has for ${call.id}: ${describeAvailable(kc.model.periods(call.id))}.`);
  }
  const base = kc.model.value(call.id, basePeriod, "RMB");
  if (base.isZero()) throw notAvailable(`${call.id} is zero in ${basePeriod}: no growth rate.`);
  return toNumber(kc.model.value(call.id, call.period, "RMB", call.overrides).div(base).minus(1));
}

/** KC.REPORTED: the figure exactly as printed (a margin as its printed rounded percentage, as a fraction). */
export function reportedValue(metric: ExcelArg, period: ExcelArg, currency?: ExcelArg): number {
  const kc = kcContext();
  const call = readCall(kc, metric, period, currency, null, null);
  const printed = kc.model.printed(call.id, call.period, call.currency)[0];
  if (!printed) {
    const m = kc.model.metric(call.id);
    if (call.currency === "USD" && kc.model.printed(call.id, call.period, "RMB").length) {
      throw notAvailable(`The filing prints ${call.id} for ${call.period} in RMB only. KC.METRIC("${call.id}","${call.period}","USD") translates it at the release's rate.`);
    }
    throw notAvailable(`The filing does not print ${call.id} for ${call.period}${m.formula ? `; it is computed as ${m.formula}. Use KC.METRIC` : ""}.`);
  }
  return toNumber(printed.value);
}

/** KC.SOURCE: where the figure comes from in the filing, or how it is computed. */
export function sourceText(metric: ExcelArg, period: ExcelArg, currency?: ExcelArg): string {
  const kc = kcContext();
  const call = readCall(kc, metric, period, currency, null, null);
  return describeSource(kc.model, call.id, call.period, call.currency);
}

/** KC.STATEMENT: a whole statement or bridge, rows in the filing's order, one column per period, a header row. */
export function statementTable(statement: ExcelArg, periods?: ExcelArg, currency?: ExcelArg, scale?: ExcelArg): Matrix {
  const kc = kcContext();
  const kind = readStatement(statement);
  const cur = readCurrency(currency);
  const sc = readScale(scale);
  const rows = statementRows(kc.model, kind);
  const available = filingPeriods(kc.dataset, kind);
  const wanted = readPeriodList(kc, periods, available, STATEMENTS[kind].name);
  const header: Cell[] = [`${STATEMENTS[kind].name} (${unitLabel("amount", cur, sc)})`, ...wanted];
  const body = rows.map((row) => {
    if (!row.metric) return [row.label, ...wanted.map(() => "")];
    const id = row.metric;
    return [row.label, ...wanted.map((p) => (kc.model.periods(id).includes(p) ? scaledValue(kc, id, p, cur, sc) : ""))];
  });
  return [header, ...body];
}

/** KC.SERIES: the metric across every period the filing has. */
export function seriesTable(metric: ExcelArg, currency?: ExcelArg, scale?: ExcelArg): Matrix {
  const kc = kcContext();
  const id = kc.index.resolve(metric);
  const cur = readCurrency(currency);
  const sc = readScale(scale);
  const unit = kc.model.metric(id).unit;
  return [["Period", `${id} (${unitLabel(unit, cur, sc)})`], ...kc.model.periods(id).map((p) => [p, scaledValue(kc, id, p, cur, sc)])];
}

/** KC.METRICS: the catalog, optionally one statement's metrics or those matching a search. */
export function metricsTable(statement?: ExcelArg, search?: ExcelArg): Matrix {
  const kc = kcContext();
  const kind = isBlank(statement) ? null : readStatement(statement, true);
  if (!isBlank(search) && typeof search !== "string") throw invalidValue("Search must be text, such as \"ebitda\".");
  const found = kc.index
    .matches(isBlank(search) ? "" : (search as string), kc.model.metrics.values())
    .filter((m) => kind === null || m.statement === kind);
  if (found.length === 0) throw notAvailable(`No metric matches '${quote(String(search ?? ""))}'. Try a shorter search, or =KC.METRICS() for all.`);
  return [["Id", "Label", "Statement", "Unit"], ...found.map((m) => [m.id, m.label, STATEMENTS[m.statement].name, unitLabel(m.unit, "RMB", "asPrinted")])];
}

/** KC.PERIODS: the periods the filing covers, or those it has for one metric. */
export function periodsTable(metric?: ExcelArg): Matrix {
  const kc = kcContext();
  if (isBlank(metric)) {
    return filingPeriods(kc.dataset).map((p) => [p]);
  }
  return kc.model.periods(kc.index.resolve(metric)).map((p) => [p]);
}

/** KC.CHECKS: every tie-out: identity, period, printed, recomputed, status. */
export function checksTable(): Matrix {
  const rows = kcContext().checks.map((c) => [
    c.currency === "USD" ? `${c.identity} [US$]` : c.identity,
    c.period,
    toNumber(c.printed),
    toNumber(c.recomputed),
    c.status === "ok" ? "ok" : `${c.status}: ${c.note}`,
  ]);
  return [["Identity", "Period", "Printed", "Recomputed", "Status"], ...rows];
}

interface Call {
  id: string;
  unit: Unit;
  period: PeriodKey;
  currency: Currency;
  scale: Scale;
  overrides: Overrides | undefined;
}

function readCall(kc: KcContext, metric: ExcelArg, period: ExcelArg, currency: ExcelArg, scale: ExcelArg, overrides: ExcelArg): Call {
  const id = kc.index.resolve(metric);
  const p = resolvePeriod(period, kc.dataset.latest);
  const cur = readCurrency(currency);
  const sc = readScale(scale);
  kc.model.requirePeriod(id, p);
  return { id, unit: kc.model.metric(id).unit, period: p, currency: cur, scale: sc, overrides: readOverrides(kc, overrides, sc) };
}

/** A two-column range of (metric, value) rows; blank rows, and rows whose value is blank, are skipped. Values are in the call's currency and scale. */
function readOverrides(kc: KcContext, arg: ExcelArg, scale: Scale): Overrides | undefined {
  if (isBlank(arg)) return undefined;
  const usage = `Overrides must be a two-column range of metric names and numbers, such as {"TotalRevenues",3000000;"CostOfRevenues",-2400000}.`;
  if (!Array.isArray(arg)) throw invalidValue(usage);
  if (arg.length > MAX_OVERRIDE_ROWS) throw invalidValue(`Overrides have ${arg.length} rows; at most ${MAX_OVERRIDE_ROWS} are read. ${usage}`);
  const result = new Map<string, Exact>();
  arg.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== 2) throw invalidValue(usage);
    const [name, value] = row;
    if (isBlank(name) && isBlank(value)) return;
    const id = kc.index.resolve(name);
    // A cleared scenario cell means "as reported": the row is read (its name must still be a metric) and skipped.
    if (isBlank(value)) return;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw invalidValue(`Override for ${id} (row ${i + 1}) must be a number, not '${quote(String(value))}'.`);
    }
    if (result.has(id)) throw invalidValue(`${id} is overridden twice (row ${i + 1}). Keep one row per metric.`);
    const unit = kc.model.metric(id).unit;
    result.set(id, scaleShift(unit, scale) === 0 && Number.isSafeInteger(value) ? value : fromDec(fromScale(D(value), unit, scale)));
  });
  return result.size ? result : undefined;
}

function readBasis(arg: ExcelArg): number {
  if (isBlank(arg)) return 4;
  const text = typeof arg === "string" ? arg.trim().toLowerCase().replace(/[^a-z]/g, "") : "";
  if (text === "yoy" || text === "y" || text === "yearoveryear") return 4;
  if (text === "qoq" || text === "q" || text === "quarteroverquarter" || text === "seq" || text === "sequential") return 1;
  throw invalidValue(`Growth basis '${quote(String(arg))}' is not valid. Type "YoY" (year over year, the default) or "QoQ" (quarter over quarter).`);
}

/** Periods as one cell or a range of cells, each resolved; all of the filing's periods when omitted. */
function readPeriodList(kc: KcContext, arg: ExcelArg, available: PeriodKey[], what: string): PeriodKey[] {
  if (isBlank(arg)) return available;
  const cells = Array.isArray(arg) ? arg.flat().filter((c) => !isBlank(c)) : [arg];
  if (cells.length === 0) return available;
  if (cells.length > 100) throw invalidValue("Periods: give at most 100 periods.");
  return cells.map((cell) => {
    const period = resolvePeriod(cell, kc.dataset.latest);
    if (!available.includes(period)) throw notAvailable(`The ${what} has no ${period}. Its periods: ${describeAvailable(available)}.`);
    return period;
  });
}

/** Runs a call through its results cache when it has no overrides (its result then cannot change). */
function cached(
  results: ResultsCache<number>,
  compute: (a: ExcelArg, b: ExcelArg, c: ExcelArg, d: ExcelArg, overrides: ExcelArg) => number,
  a: ExcelArg,
  b: ExcelArg,
  c: ExcelArg,
  d: ExcelArg,
  overrides: ExcelArg,
): number {
  const cacheable = isBlank(overrides) && isScalar(a) && isScalar(b) && isScalar(c) && isScalar(d);
  if (cacheable) {
    const hit = results.get(a, b, c, d);
    if (hit !== undefined) return hit;
  }
  const result = compute(a, b, c, d, overrides);
  if (cacheable) results.set(a, b, c, d, result);
  return result;
}

/** A metric's value as an Excel number, in the currency and scale asked for. */
function scaledValue(kc: KcContext, id: string, period: PeriodKey, currency: Currency, scale: Scale, overrides?: Overrides): number {
  return toNumber(toScale(kc.model.value(id, period, currency, overrides), kc.model.metric(id).unit, scale));
}

function isScalar(arg: unknown): boolean {
  return arg === null || arg === undefined || typeof arg === "string" || typeof arg === "number" || typeof arg === "boolean";
}
