/**
 * The KC functions as Excel calls them: one method per function, arguments exactly as Excel passes them (strings,
 * numbers, booleans, null for an omitted optional, 2-D arrays for ranges). Each reads its arguments once (args.ts),
 * then runs the engine's typed computation. Every failure is a KcError (invalidValue -> #VALUE!, notAvailable -> #N/A)
 * whose message says what to type instead; src/functions turns it into what Excel shows.
 */
import { ExcelArg, fitsLimit, isBlank, readBasis, readCurrency, readOverrides, readPeriodList, readScale, readStatement, readStatementColumns, requireShort } from "./args";
import { STATEMENTS, unitLabel } from "./catalog";
import { statusText } from "./checks";
import type { Currency, StatementKind } from "./dataset";
import type { Engine } from "./engine";
import { MAX_NAME_LENGTH, MAX_OPTION_LENGTH, RESULT_CACHE_BYTES, RESULT_CACHE_ENTRIES } from "./limits";
import { OPTION_FORMS, isKcError, kcError } from "./messages";
import type { Overrides } from "./model";
import { MAX_PERIOD_LENGTH, PeriodKey } from "./periods";
import { Refusal, ResultsCache, isRefusal, refusal, refusedAgain } from "./results-cache";
import { statementTable } from "./statement-table";
import { quote } from "./text";
import type { Scale } from "./catalog";
import type { Cell } from "./statement-table";

export type { Cell } from "./statement-table";
export type Matrix = Cell[][];

/** The length limit of each cached argument of a function (metric, period, then its two options). */
type Limits = readonly [number, number, number, number];
const MARGIN_LIMITS = [MAX_NAME_LENGTH, MAX_PERIOD_LENGTH, MAX_NAME_LENGTH, 0] as const;
const GROWTH_LIMITS = [MAX_NAME_LENGTH, MAX_PERIOD_LENGTH, MAX_OPTION_LENGTH, 0] as const;

/** A call's result, or its refusal: a repeated typo costs one cache lookup too. */
type Cached = number | Refusal;

/**
 * A cached function's computation from its arguments as Excel passed them. These are made once, at module load (not a
 * closure per call), and read the arguments into locals: a call that misses the results cache allocates nothing of its own.
 */
type Compute = (engine: Engine, a: ExcelArg, b: ExcelArg, c: ExcelArg, d: ExcelArg, overrides: ExcelArg) => number;

/** KC.MARGIN reads metric and period, checks them, reads the overrides, then the base. */
function computeMargin(engine: Engine, metric: ExcelArg, period: ExcelArg, base: ExcelArg, _unused: ExcelArg, overrides: ExcelArg): number {
  const id = engine.index.resolve(metric);
  const p = engine.periodReader.resolve(period);
  engine.requirePeriod(id, p);
  const read = readCallOverrides(engine, overrides, "asPrinted");
  return engine.marginValue(id, p, isBlank(base) ? "TotalRevenues" : engine.index.resolve(base), read);
}

/** KC.GROWTH and KC.CHANGE read metric and period, check them, read the overrides, then the basis. */
const computeComparison = (value: "growthValue" | "changeValue"): Compute =>
  function (engine, metric, period, basis, _unused, overrides) {
    const id = engine.index.resolve(metric);
    const p = engine.periodReader.resolve(period);
    engine.requirePeriod(id, p);
    const read = readCallOverrides(engine, overrides, "asPrinted");
    return engine[value](id, p, readBasis(basis), read);
  };
const computeGrowth = computeComparison("growthValue");
const computeChange = computeComparison("changeValue");

/** A call's overrides range, read in the call's scale and judged by the override rules; undefined when blank. */
function readCallOverrides(engine: Engine, overrides: ExcelArg, scale: Scale): Overrides | undefined {
  if (isBlank(overrides)) return undefined;
  const rows = new Map<string, { row: number; typed: number }>();
  const read = readOverrides(overrides, scale, (name) => engine.index.resolve(name), (m) => engine.metric(m).unit, rows);
  if (read) engine.overrideRules.check(read, rows);
  return read;
}

export class ExcelFunctions {
  /** KC.METRIC's results of calls typed in canonical form (see metric), by their arguments as passed. */
  private readonly metricResults = new ResultsCache<number>(RESULT_CACHE_ENTRIES, RESULT_CACHE_BYTES);
  private readonly marginResults = new ResultsCache<Cached>(RESULT_CACHE_ENTRIES, RESULT_CACHE_BYTES);
  private readonly growthResults = new ResultsCache<Cached>(RESULT_CACHE_ENTRIES, RESULT_CACHE_BYTES);
  private readonly changeResults = new ResultsCache<Cached>(RESULT_CACHE_ENTRIES, RESULT_CACHE_BYTES);

  constructor(private readonly engine: Engine) {}

  /** KC.METRIC: the figure, recomputed through the statement model, in the currency and scale asked for. */
  metric(metric: ExcelArg, period: ExcelArg, currency?: ExcelArg, scale?: ExcelArg, overrides?: ExcelArg): number {
    const scenario = !isBlank(overrides);
    const results = this.metricResults;
    const hit = scenario ? undefined : results.get(metric, period, currency, scale);
    if (hit !== undefined) return hit;
    // Metric, period, currency and scale, read through the readers' own caches (names with their refusals, period
    // spellings); then the overrides, after checking that the metric has the period (without overrides metricValue
    // checks it itself, after its own cache: a figure it holds passed it).
    const engine = this.engine;
    const id = engine.index.resolve(metric);
    const p = engine.periodReader.resolve(period);
    const cur = readCurrency(currency);
    const sc = readScale(scale);
    if (scenario) {
      engine.requirePeriod(id, p);
      return engine.metricValue(id, p, cur, sc, readCallOverrides(engine, overrides, sc));
    }
    const value = engine.metricValue(id, p, cur, sc);
    // Only a call typed in canonical form is kept by its arguments as passed: other spellings (a date, "Q1 2026") would
    // add an entry per metric each, and cost no more than a few lookups read again.
    if (metric === id && period === p && (isBlank(currency) || currency === cur) && (isBlank(scale) || scale === sc)) results.set(metric, period, currency, scale, value);
    return value;
  }

  /** KC.MARGIN: metric / base (total revenues unless given), exact, for one period. */
  margin(metric: ExcelArg, period: ExcelArg, base?: ExcelArg, overrides?: ExcelArg): number {
    return this.cached(this.marginResults, MARGIN_LIMITS, computeMargin, metric, period, base, null, overrides);
  }

  /** KC.GROWTH: current / base - 1, year over year (default) or quarter over quarter. Overrides apply to the current quarter. */
  growth(metric: ExcelArg, period: ExcelArg, basis?: ExcelArg, overrides?: ExcelArg): number {
    return this.cached(this.growthResults, GROWTH_LIMITS, computeGrowth, metric, period, basis, null, overrides);
  }

  /** KC.CHANGE: current - base, in the metric's own unit, year over year (default) or quarter over quarter. */
  change(metric: ExcelArg, period: ExcelArg, basis?: ExcelArg, overrides?: ExcelArg): number {
    return this.cached(this.changeResults, GROWTH_LIMITS, computeChange, metric, period, basis, null, overrides);
  }

  /** KC.REPORTED: the figure exactly as printed (a margin as its printed rounded percentage, as a fraction). */
  reported(metric: ExcelArg, period: ExcelArg, currency?: ExcelArg): number {
    const { id, p, cur } = this.readFigure(metric, period, currency);
    return this.engine.reportedValue(id, p, cur);
  }

  /** KC.SOURCE: where the figure comes from in the filing, or how it is computed. */
  source(metric: ExcelArg, period: ExcelArg, currency?: ExcelArg): string {
    const { id, p, cur } = this.readFigure(metric, period, currency);
    return this.engine.sourceText(id, p, cur);
  }

  /** KC.STATEMENT: a statement or bridge as printed, every line in the filing's order, one column per period (statement-table.ts). */
  statement(statement: ExcelArg, periods?: ExcelArg, currency?: ExcelArg, scale?: ExcelArg): Matrix {
    const kind = readStatement(statement) as StatementKind;
    const columns = readStatementColumns(currency);
    const sc = readScale(scale);
    const engine = this.engine;
    const wanted = readPeriodList(periods, engine.filingPeriods(kind), STATEMENTS[kind].name, (cell) => engine.periodReader.resolve(cell));
    return statementTable(engine.model, kind, wanted, columns, sc);
  }

  /** KC.SERIES: the metric across every period the filing has. */
  series(metric: ExcelArg, currency?: ExcelArg, scale?: ExcelArg): Matrix {
    const id = this.engine.index.resolve(metric);
    const cur = readCurrency(currency);
    const sc = readScale(scale);
    const rows = this.engine.periods(id).map((p) => [p, this.engine.metricValue(id, p, cur, sc)]);
    return [["Period", `${id} (${this.engine.unitLabel(id, cur, sc)})`], ...rows];
  }

  /** KC.METRICS: the catalog, optionally one statement's metrics or those matching a search. */
  metrics(statement?: ExcelArg, search?: ExcelArg): Matrix {
    const kind = isBlank(statement) ? null : readStatement(statement, true);
    requireShort(search, MAX_NAME_LENGTH, "Search", OPTION_FORMS.search);
    if (!isBlank(search) && typeof search !== "string") throw kcError("searchNotText");
    const found = this.engine.search(isBlank(search) ? "" : (search as string)).filter((m) => kind === null || m.statement === kind);
    if (found.length === 0) throw kcError("searchNoMatch", quote(String(search ?? "")));
    return [["Id", "Label", "Statement", "Unit"], ...found.map((m) => [m.id, m.label, STATEMENTS[m.statement].name, unitLabel(m.unit, "RMB", "asPrinted")])];
  }

  /** KC.PERIODS: the periods the filing covers, or those it has for one metric. */
  periods(metric?: ExcelArg): Matrix {
    const periods = isBlank(metric) ? this.engine.filingPeriods() : this.engine.periods(this.engine.index.resolve(metric));
    return periods.map((p) => [p]);
  }

  /** KC.CHECKS: every tie-out: identity, period, printed, recomputed, status. */
  checks(): Matrix {
    const rows = this.engine.checkRows().map((c) => [c.identity, c.period, c.printed, c.recomputed, statusText(c)]);
    return [["Identity", "Period", "Printed", "Recomputed", "Status"], ...rows];
  }

  /** The metric, period and currency of an uncached call, read in that order, the period checked for the metric. */
  private readFigure(metric: ExcelArg, period: ExcelArg, currency: ExcelArg): { id: string; p: PeriodKey; cur: Currency } {
    const engine = this.engine;
    const id = engine.index.resolve(metric);
    const p = engine.periodReader.resolve(period);
    const cur = readCurrency(currency);
    engine.requirePeriod(id, p);
    return { id, p, cur };
  }

  /**
   * Runs a call through its results cache when it has no overrides (its result, or its refusal, then cannot change).
   * An argument past its length limit is never a key: the call runs, and its reader refuses it before anything else.
   */
  private cached(results: ResultsCache<Cached>, limits: Limits, compute: Compute, a: ExcelArg, b: ExcelArg, c: ExcelArg, d: ExcelArg, overrides: ExcelArg): number {
    const cacheable = isBlank(overrides) && fitsLimit(a, limits[0]) && fitsLimit(b, limits[1]) && fitsLimit(c, limits[2]) && fitsLimit(d, limits[3]);
    if (!cacheable) return compute(this.engine, a, b, c, d, overrides);
    const hit = results.get(a, b, c, d);
    if (typeof hit === "number") return hit;
    if (isRefusal(hit)) throw refusedAgain(hit);
    return this.computeAndKeep(results, compute, a, b, c, d, overrides);
  }

  /** A cacheable call that missed: its result, or its refusal, kept (apart from the hit path, which stays small). */
  private computeAndKeep(results: ResultsCache<Cached>, compute: Compute, a: ExcelArg, b: ExcelArg, c: ExcelArg, d: ExcelArg, overrides: ExcelArg): number {
    try {
      const result = compute(this.engine, a, b, c, d, overrides);
      results.set(a, b, c, d, result);
      return result;
    } catch (error) {
      if (isKcError(error)) results.set(a, b, c, d, refusal(error));
      throw error;
    }
  }
}
