/**
 * The engine: one object that owns a dataset (an imported release), its statement model, the name index, the period
 * reader, the tie-outs and every cache. Each entry point makes its own (the functions runtime, the task pane, the CLI,
 * the export, each test), so no state lives in a module.
 *
 * Two faces:
 * - `engine.excel`: the KC functions as Excel calls them (arguments as Excel passes them; a KcError on any failure),
 *   what src/functions registers.
 * - the typed calls below (metric id, canonical period, options in; a value or an Outcome out), for the task pane, the
 *   export and the CLI, which hold canonical ids and periods and never re-parse them or catch to decide.
 */
import { BASIS_QUARTERS, Basis } from "./args";
import { STATEMENTS, Scale, StatementId, unitLabel } from "./catalog";
import { Check, CheckRow, checkRow, datasetChecks } from "./checks";
import type { Currency, Dataset, StatementKind, Table, TableRow } from "./dataset";
import type { ReleaseFormat } from "./importer/document";
import type { Dec } from "./decimal";
import { ExcelFunctions } from "./excel";
import { isZero, toDec } from "./exact";
import { MetricIndex } from "./lookup";
import { KcError, isKcError, kcError } from "./messages";
import { Metric, Model, Overrides, PrintedFigure } from "./model";
import { OverrideRules } from "./overrides";
import { DateSystem, PeriodKey, PeriodReader, comparePeriods, describeAvailable, shiftPeriod } from "./periods";
import { describeSource } from "./provenance";
import { releaseLabel, releasePeriods } from "./releases";
import { quotientNumber, scaledNumber, toNumber } from "./scale";
import { ResultsCache } from "./results-cache";
import { SourceTexts, SourceView, sourceView } from "./source-view";
import { statementLines } from "./statement-table";

/** Distinct canonical figures are few (metrics x periods x currencies x scales): this bound is never reached in use. */
const REPORTED_NUMBERS_LIMIT = 200_000;

/** A typed call's result: the value, or the error a KC function would show for the same call. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: KcError };

export interface ValueOptions {
  currency?: Currency;
  scale?: Scale;
  /** Metric id -> value in the metric's own unit and the call's currency (as KC.METRIC's overrides range gives them). */
  overrides?: Overrides;
}

/** How an entry point sets up its engine. */
export interface EngineOptions {
  /** The workbook's date system, for periods given as date serials (default 1900; the add-in reads the workbook's). */
  dateSystem?: DateSystem;
}

/** One row of a statement as printed: a heading (metric null) or a figure row with the metric it prints. */
export interface StatementRow {
  label: string;
  metric: string | null;
  line: number;
}

export class Engine {
  readonly dataset: Dataset;
  /** @internal the model and readers the faces share; adapters use the methods. */
  readonly model: Model;
  readonly index: MetricIndex;
  /** @internal which override sets may flow through the model (refusals cached per set of ids). */
  readonly overrideRules: OverrideRules;
  private checkResults: Check[] | null = null;
  /** Reported figures as Excel numbers, by canonical id, period, currency and scale (bounded: the catalog's size). */
  private readonly reportedNumbers = new ResultsCache<number>(REPORTED_NUMBERS_LIMIT);

  /** The period reader (date serials in the workbook's date system) and the Excel face, whose caches key on raw arguments. */
  private reader: PeriodReader;
  private face: ExcelFunctions;

  constructor(dataset: Dataset, options: EngineOptions = {}) {
    this.dataset = dataset;
    this.model = new Model(dataset);
    const printedLabels: Array<[string, string]> = [];
    for (const [row, id] of this.model.rowMetric) printedLabels.push([row.label, id]);
    this.index = new MetricIndex(this.model.metrics.values(), printedLabels);
    this.reader = new PeriodReader(dataset.latest, options.dateSystem ?? 1900);
    this.overrideRules = new OverrideRules(this.model);
    this.face = new ExcelFunctions(this);
  }

  /** The KC functions as Excel calls them. */
  get excel(): ExcelFunctions {
    return this.face;
  }

  /** @internal */
  get periodReader(): PeriodReader {
    return this.reader;
  }

  /** The date system date serials are read in. */
  get dateSystem(): DateSystem {
    return this.reader.dateSystem;
  }

  /**
   * Reads date serials in another date system from now on (the add-in learns the workbook's after it starts). The Excel
   * face starts afresh: its caches hold results keyed by the raw arguments, a serial among them.
   */
  useDateSystem(system: DateSystem): void {
    if (system === this.reader.dateSystem) return;
    this.reader = new PeriodReader(this.dataset.latest, system);
    this.face = new ExcelFunctions(this);
  }

  /** The release's quarter: the latest period of its tables. */
  get latest(): PeriodKey {
    return this.dataset.latest;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The catalog

  /** A metric of the catalog by id (ids come from the catalog: an unknown id is a programming error). */
  metric(id: string): Metric {
    return this.model.metric(id);
  }

  metrics(): Metric[] {
    return [...this.model.metrics.values()];
  }

  /** Metrics whose id, label, aliases or statement contain the search (case and punctuation aside), catalog order. */
  search(text: string): Metric[] {
    return this.index.matches(text, this.model.metrics.values());
  }

  /** A typed metric name (id, printed label, alias) to its id. */
  resolveMetric(name: string): Outcome<string> {
    return attempt(() => this.index.resolve(name));
  }

  /** A typed period to its canonical key. */
  resolvePeriod(input: unknown): Outcome<PeriodKey> {
    return attempt(() => this.periodReader.resolve(input));
  }

  /** The periods the filing has a figure for (printed, or computable from printed ones), oldest first. */
  periods(id: string): PeriodKey[] {
    return this.model.periods(id);
  }

  /** The periods the releases' tables cover (one statement's, when given), oldest first. */
  filingPeriods(kind?: StatementKind): PeriodKey[] {
    const tables = this.model.releases.flatMap((r) => r.tables);
    const periods = new Set(tables.filter((t) => !kind || t.kind === kind).flatMap((t) => t.columns.map((c) => c.period)));
    return [...periods].sort(comparePeriods);
  }

  /** The releases the engine reads, oldest first: each one's quarter, name as a label ("Q1 2026 release") and source. */
  releases(): ReleaseSummary[] {
    return this.model.releases.map((r) => ({ label: releaseLabel(r), latest: r.latest, sourceName: r.sourceName, format: r.format ?? "text", periods: releasePeriods(r) }));
  }

  /** What one value of the metric means: "RMB thousands", "ratio", "shares". */
  unitLabel(id: string, currency: Currency = "RMB", scale: Scale = "asPrinted"): string {
    return unitLabel(this.metric(id).unit, currency, scale);
  }

  /** The statement's or group's display name. */
  statementName(id: StatementId): string {
    return STATEMENTS[id].name;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Figures

  /** The figure (KC.METRIC), recomputed through the statement model, in the currency and scale asked for. */
  value(id: string, period: PeriodKey, options: ValueOptions = {}): Outcome<number> {
    return attempt(() => this.metricValue(id, period, options.currency ?? "RMB", options.scale ?? "asPrinted", this.checked(options.overrides)));
  }

  /** The figure as printed (KC.REPORTED): a margin as its printed rounded percentage. */
  reported(id: string, period: PeriodKey, currency: Currency = "RMB"): Outcome<number> {
    return attempt(() => this.reportedValue(id, period, currency));
  }

  /** Every printed occurrence of a figure (statement, row, column, line, text), the one it is sourced from first. */
  printed(id: string, period: PeriodKey, currency: Currency | "" = "RMB"): readonly PrintedFigure[] {
    return this.model.printed(id, period, currency);
  }

  /** Growth against the same quarter a year before (YoY) or the quarter before (QoQ), as a fraction (KC.GROWTH). */
  growth(id: string, period: PeriodKey, basis: Basis = "YoY", overrides?: Overrides): Outcome<number> {
    return attempt(() => this.growthValue(id, period, basis, this.checked(overrides)));
  }

  /** The change against the same quarter a year before (YoY) or the quarter before (QoQ), in the metric's unit (KC.CHANGE). */
  change(id: string, period: PeriodKey, basis: Basis = "YoY", overrides?: Overrides): Outcome<number> {
    return attempt(() => this.changeValue(id, period, basis, this.checked(overrides)));
  }

  /** metric / base, exact (KC.MARGIN). */
  margin(id: string, period: PeriodKey, baseId = "TotalRevenues", overrides?: Overrides): Outcome<number> {
    return attempt(() => this.marginValue(id, period, baseId, this.checked(overrides)));
  }

  /** Where the figure comes from, one line (KC.SOURCE). */
  source(id: string, period: PeriodKey, currency: Currency = "RMB"): Outcome<string> {
    return attempt(() => this.sourceText(id, period, currency));
  }

  /** KC.SOURCE's line and the table around a printed figure, line by line (from the release's text where at hand). */
  sourceView(id: string, period: PeriodKey, currency: Currency, texts: SourceTexts): Outcome<SourceView> {
    return attempt(() => sourceView(this.model, texts, this.sourceText(id, period, currency), id, period, currency));
  }

  /** The exact value (a Decimal), for writers that keep full precision (the exported workbook's cached results). */
  exact(id: string, period: PeriodKey, currency: Currency = "RMB"): Dec {
    return this.model.value(id, period, currency);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Statements and tie-outs

  /** The release's tables (one statement's, when given), in the filing's order. */
  tables(kind?: StatementKind): readonly Table[] {
    return kind ? this.dataset.tables.filter((t) => t.kind === kind) : this.dataset.tables;
  }

  /** The metric a table row prints, or null for a row no metric claims. */
  rowMetric(row: TableRow): string | null {
    return this.model.rowMetric.get(row) ?? null;
  }

  /** The statement's lines in the filing's order, headings included, each figure row with the metric it prints. */
  statementRows(kind: StatementKind): StatementRow[] {
    return statementLines(this.tables(kind)).map(({ label, line, row }) => ({ label, line, metric: row ? this.rowMetric(row) : null }));
  }

  /** Every tie-out (computed once per engine). */
  checks(): readonly Check[] {
    this.checkResults ??= datasetChecks(this.model);
    return this.checkResults;
  }

  /** The tie-outs as every view shows them. */
  checkRows(): CheckRow[] {
    return this.checks().map(checkRow);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The computations both faces share (throwing KcError; the Excel face lets it through, the typed face catches it)

  /** Overrides a typed call passes, judged by the same rules as an overrides range (rows in the map's order). */
  private checked(overrides: Overrides | undefined): Overrides | undefined {
    if (overrides && overrides.size) this.overrideRules.check(overrides);
    return overrides && overrides.size ? overrides : undefined;
  }

  /** @internal */
  requirePeriod(id: string, period: PeriodKey): void {
    this.model.requirePeriod(id, period);
  }

  /** @internal A reported figure, scaled, as a number: computed once per metric, period, currency and scale. */
  metricValue(id: string, period: PeriodKey, currency: Currency, scale: Scale, overrides?: Overrides): number {
    if (!overrides) {
      const known = this.reportedNumbers.get(id, period, currency, scale);
      if (known !== undefined) return known;
    }
    this.model.requirePeriod(id, period);
    const value = scaledNumber(this.model.exact(id, period, currency, overrides), this.metric(id).unit, scale);
    if (!overrides) this.reportedNumbers.set(id, period, currency, scale, value);
    return value;
  }

  /** @internal */
  marginValue(id: string, period: PeriodKey, baseId: string, overrides?: Overrides): number {
    this.model.requirePeriod(id, period);
    const metric = this.metric(id);
    const base = this.metric(baseId);
    if (metric.unit === "ratio" || base.unit === "ratio" || metric.unit !== base.unit) throw kcError("marginNotSameKind", id, metric.unit, baseId, base.unit);
    if (metric.kind !== base.kind) throw kcError("marginMixedKinds", id, metric.kind, baseId, base.kind);
    this.model.requirePeriod(baseId, period);
    const denominator = this.model.exact(baseId, period, "RMB", overrides);
    if (isZero(denominator)) throw kcError("marginBaseZero", baseId, period);
    return quotientNumber(this.model.exact(id, period, "RMB", overrides), denominator);
  }

  /**
   * @internal The current and base figures of a growth rate or change: overrides apply to the current quarter only.
   * A ratio's growth is refused (its change is KC.CHANGE's), and so is a base the filing does not have.
   */
  private comparison(id: string, period: PeriodKey, basis: Basis, overrides?: Overrides): { current: Dec; base: Dec; basePeriod: PeriodKey } {
    this.model.requirePeriod(id, period);
    const basePeriod = shiftPeriod(period, -BASIS_QUARTERS[basis]);
    const periods = this.model.periods(id);
    if (!periods.includes(basePeriod)) throw kcError("growthNoBase", id, basis, period, basePeriod, describeAvailable(periods));
    return { current: toDec(this.model.exact(id, period, "RMB", overrides)), base: toDec(this.model.exact(id, basePeriod, "RMB")), basePeriod };
  }

  /** @internal current / base - 1; not meaningful from a zero base or across a change of sign. */
  growthValue(id: string, period: PeriodKey, basis: Basis, overrides?: Overrides): number {
    this.model.requirePeriod(id, period);
    if (this.metric(id).unit === "ratio") throw kcError("growthOfRatio", id);
    const { current, base, basePeriod } = this.comparison(id, period, basis, overrides);
    if (base.isZero()) throw kcError("growthBaseZero", id, basePeriod);
    if (!current.isZero() && current.isNegative() !== base.isNegative()) throw kcError("growthAcrossSign", id, basePeriod, period);
    // A loss that widens grows, as the release says ("net loss increased by 8.7%"): -343,720 / -316,110 - 1 = +0.087.
    return toNumber(current.div(base).minus(1));
  }

  /** @internal current - base, in the metric's own unit (a ratio's change is in fractions: percentage points / 100). */
  changeValue(id: string, period: PeriodKey, basis: Basis, overrides?: Overrides): number {
    const { current, base } = this.comparison(id, period, basis, overrides);
    return toNumber(current.minus(base));
  }

  /** @internal */
  reportedValue(id: string, period: PeriodKey, currency: Currency): number {
    this.model.requirePeriod(id, period);
    const printed = this.model.printed(id, period, currency)[0];
    if (printed) return toNumber(printed.value);
    if (currency === "USD" && this.model.printed(id, period, "RMB").length) throw kcError("reportedInRmbOnly", id, period);
    throw kcError("reportedNotPrinted", id, period, this.metric(id).formula);
  }

  /** @internal */
  sourceText(id: string, period: PeriodKey, currency: Currency): string {
    this.model.requirePeriod(id, period);
    return describeSource(this.model, id, period, currency);
  }
}

/** One release the engine reads. */
export interface ReleaseSummary {
  /** "Q1 2026 release". */
  label: string;
  /** Its quarter. */
  latest: PeriodKey;
  sourceName: string;
  /** How it was read: the text rendition, the EDGAR HTML exhibit, or text copied from a browser. */
  format: ReleaseFormat;
  /** The periods its tables cover, oldest first. */
  periods: PeriodKey[];
}

/** Builds the engine for a dataset (the embedded release, or one the user imported, or several merged). */
export function createEngine(dataset: Dataset, options: EngineOptions = {}): Engine {
  return new Engine(dataset, options);
}

/** Runs a throwing computation as an Outcome: a KcError becomes the failure; anything else is a bug and escapes. */
function attempt<T>(compute: () => T): Outcome<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (isKcError(error)) return { ok: false, error };
    throw error;
  }
}
