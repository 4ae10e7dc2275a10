import { FixedSign, IDENTITIES, METRICS, MetricSpec, StatementId, UNITS, Unit } from "./catalog";
import type { Currency, Dataset, PeriodKind, Table, TableRow } from "./dataset";
import { D, Dec } from "./decimal";
import { importError, kcError } from "./messages";
import { normalizeLabel } from "./labels";
import { Exact, add, divide, fromDec, isZero, multiply, negate, subtract, toDec } from "./exact";
import { Expr, parseFormula, references } from "./formula";
import { PeriodKey, comparePeriods, describeAvailable, shiftPeriod } from "./periods";
import { releaseLabel, releasesOf } from "./releases";

/** Where one printed figure stands in the filing. */
export interface Provenance {
  statement: string;
  row: string;
  column: string;
  line: number;
  text: string;
  /** The release it is printed in ("Q1 2026 release"); its line is a line of that release's source. */
  release: string;
}

export interface PrintedFigure {
  value: Dec;
  /** Decimal places printed (rounding of ratios and per-share amounts is checked to this). */
  decimals: number;
  /** Stated precision of a prose figure, in the metric's unit; null for table figures (exact to the unit printed). */
  precision: Dec | null;
  approximate: boolean;
  provenance: Provenance;
}

export interface Metric {
  id: string;
  label: string;
  statement: StatementId;
  kind: PeriodKind;
  unit: Unit;
  aliases: string[];
  formula: string | null;
  expr: Expr | null;
  /** Components the filing states are inside this printed total (moved by +d, they move it by +d). */
  parts: readonly string[];
  /** The sign the filing presents it with, when fixed (by the metric or its unit). */
  sign: FixedSign | "positive" | null;
  /** Every metric this one's value can depend on, through its formula and its parts, transitively. */
  dependsOn: ReadonlySet<string>;
  /** Ratios and per-share amounts computed by a formula are printed rounded: their value is always recomputed. */
  alwaysComputed: boolean;
}

/** Currency key of a figure: "" for units that have none (ratios, share counts, the rate). */
export type CurrencyKey = Currency | "";
/** Values that replace metrics for one evaluation, in the evaluation's currency and the metrics' own units. */
export type Overrides = ReadonlyMap<string, Exact>;

/**
 * A set of overridden metric ids, in the order given: what every scenario over those ids recomputes. Found again for
 * each call's overrides without building a key (overrideShape), and shared with the rules that judge the set.
 */
export interface OverrideShape {
  readonly ids: readonly string[];
  /** The metrics whose formulas or parts read any of them, transitively. */
  readonly dirty: ReadonlySet<string>;
}

/** One evaluation under overrides: its period and currency, the values computed so far, and how formulas read. */
interface Scenario {
  period: PeriodKey;
  currency: Currency;
  overrides: Overrides;
  dirty: ReadonlySet<string>;
  memo: Map<string, Exact>;
  reported: Map<string, Exact>;
  read: (ref: string, offset: number) => Exact;
}

/** Whether a unit's figures are kept without a currency (ratios, share counts, the rate). */
export const currencyless = (unit: Unit): boolean => !UNITS[unit].currency;
export const RATE_METRIC = "ExchangeRateRMBPerUSD";
const OVERRIDE_SHAPE_LIMIT = 64;

interface RowRef {
  metric: string;
  statement: string;
  anchor: string | null;
  section: string | null;
  label: string;
}

/**
 * The statement model over one imported filing: printed figures by metric, period and currency, and an evaluator
 * that recomputes any metric exactly, with optional overrides for one period.
 */
export class Model {
  readonly dataset: Dataset;
  /** The releases it reads, oldest first (one, unless several were merged). */
  readonly releases: readonly Dataset[];
  readonly metrics: ReadonlyMap<string, Metric>;
  /** RMB per US$1.00, as the release states it, and as written ("6.8980"). */
  readonly rate: Dec;
  readonly rateText: string;
  /** Rows of the filing that no metric claims, and metric rows the filing does not print. */
  readonly warnings: string[] = [];
  /** For each table row, the metric it prints (tables in filing order). */
  readonly rowMetric = new Map<TableRow, string>();

  private readonly printedFigures = new Map<string, PrintedFigure[]>();
  /** Periods each metric is printed for (in RMB, or without a currency). */
  private readonly printedPeriods = new Map<string, Set<PeriodKey>>();
  private readonly periodCache = new Map<string, PeriodKey[]>();
  /** Reported values by currency, then period, then metric id (nested maps: no key string is built per lookup). */
  private readonly valueCache: Record<Currency, Map<PeriodKey, Map<string, Exact>>> = { RMB: new Map(), USD: new Map() };
  /** Override shapes seen (a few recur: a workbook's overrides ranges), at most OVERRIDE_SHAPE_LIMIT. */
  private readonly shapes: OverrideShape[] = [];

  constructor(dataset: Dataset, specs: readonly MetricSpec[] = METRICS) {
    this.dataset = dataset;
    this.releases = releasesOf(dataset);
    this.metrics = buildMetrics(specs, dataset);
    this.bindTables(specs);
    this.bindNarrative();
    const rate = this.printedFigures.get(figureKey(RATE_METRIC, dataset.latest, ""))?.[0];
    if (!rate) throw importError(dataset.lineCount, "noRate");
    this.rate = rate.value;
    this.rateText = rate.provenance.text.replace(/^RMB|\s.*$/g, "");
    this.checkIdentityReferences();
  }

  metric(id: string): Metric {
    const metric = this.metrics.get(id);
    if (metric === undefined) throw new Error(`no metric '${id}' in the catalog`);
    return metric;
  }

  /** Every printed occurrence of a figure, the one it is sourced from first. */
  printed(id: string, period: PeriodKey, currency: CurrencyKey): readonly PrintedFigure[] {
    return this.printedFigures.get(figureKey(id, period, currencyKeyFor(this.metric(id), currency))) ?? [];
  }

  /** The periods the filing supports for a metric: printed ones, or those where all its formula's inputs exist. */
  periods(id: string): PeriodKey[] {
    const cached = this.periodCache.get(id);
    if (cached) return cached;
    const metric = this.metric(id);
    const found = new Set<PeriodKey>(this.printedPeriods.get(id));
    if (metric.expr) {
      const refs = references(metric.expr);
      // Shifted only by an offset: a model of year columns has fiscal years ("FY2025") for periods (fiscal-years.ts).
      const at = (period: PeriodKey, offset: number) => (offset ? shiftPeriod(period, offset) : period);
      const candidates = refs.length ? this.periods(refs[0].id).map((p) => at(p, -refs[0].offset)) : [];
      for (const period of candidates) {
        if (refs.every((r) => this.periods(r.id).includes(at(period, r.offset)))) found.add(period);
      }
    }
    const periods = [...found].sort(comparePeriods);
    this.periodCache.set(id, periods);
    return periods;
  }

  /** Throws notAvailable, listing what the filing has, unless the metric has the period. */
  requirePeriod(id: string, period: PeriodKey): void {
    const periods = this.periods(id);
    if (!periods.includes(period)) {
      throw kcError("periodNotCovered", id, period, describeAvailable(periods));
    }
  }

  /**
   * The metric's value: an override if given, else the printed figure, else its formula. A metric whose inputs are
   * overridden, and every ratio and per-share amount, is recomputed. US$ comes from the filing's US$ column where it
   * printed one, otherwise from the RMB figure at the release's convenience rate.
   */
  value(id: string, period: PeriodKey, currency: Currency = "RMB", overrides?: Overrides): Dec {
    return toDec(this.exact(id, period, currency, overrides));
  }

  /** The same value, as a plain number while it is a whole number of the unit (no Decimal is made for it). */
  exact(id: string, period: PeriodKey, currency: Currency = "RMB", overrides?: Overrides): Exact {
    const rate = overrides?.get(RATE_METRIC);
    if (rate !== undefined && id !== RATE_METRIC) return this.atRate(id, period, currency, overrides!, toDec(rate));
    if (currency === "USD" && this.metric(id).unit === "ratio") {
      // A ratio does not depend on the currency: it is the RMB figures' ratio, whatever the call's currency.
      return this.exact(id, period, "RMB", overrides && this.overridesInRMB(overrides));
    }
    if (overrides && overrides.size > 0) {
      const scenario: Scenario = {
        period,
        currency,
        overrides,
        dirty: this.overrideShape(overrides).dirty,
        // For this call only: a memo kept across calls cost more (its key, and the old-generation garbage of the maps
        // it dropped) than recomputing the few sums an override flows into.
        memo: new Map(),
        reported: this.cacheFor(period, currency),
        // Overrides are a scenario for one period: earlier quarters keep their reported figures.
        read: (ref, offset) => (offset ? this.reported(ref, shiftPeriod(period, offset), currency) : this.scenarioValue(ref, scenario)),
      };
      return this.scenarioValue(id, scenario);
    }
    return this.reported(id, period, currency);
  }

  /**
   * Under an overridden exchange rate every US$ figure is RMB / rate (the filing's US$ columns are at its own rate and
   * no longer apply); US$ overrides are RMB at that rate. RMB figures and ratios do not move.
   */
  private atRate(id: string, period: PeriodKey, currency: Currency, overrides: Overrides, rate: Dec): Exact {
    const others = new Map([...overrides].filter(([other]) => other !== RATE_METRIC));
    if (currency === "RMB") return this.exact(id, period, "RMB", others);
    const rmb = this.exact(id, period, "RMB", this.overridesInRMB(others, rate));
    return currencyless(this.metric(id).unit) ? rmb : divide(rmb, rate);
  }

  /** US$ overrides as RMB, at the release's rate unless given (ratios and share counts have no currency). */
  private overridesInRMB(overrides: Overrides, rate: Dec = this.rate): Overrides {
    const converted = new Map<string, Exact>();
    for (const [id, value] of overrides) converted.set(id, currencyless(this.metric(id).unit) ? value : fromDec(toDec(value).times(rate)));
    return converted;
  }

  /** Whether the value in that currency is the filing's own figure rather than a translation at the rate. */
  isPrintedIn(id: string, period: PeriodKey, currency: Currency): boolean {
    const metric = this.metric(id);
    return currencyless(metric.unit) || currency === "RMB" || this.printed(id, period, currency).length > 0;
  }

  /** Evaluates any formula text of the model's language (used by the tie-outs), with the reported figures. */
  evaluate(expr: Expr, period: PeriodKey, currency: Currency): Dec {
    return toDec(this.evalExpr(expr, "identity", period, (ref, offset) => this.reported(ref, offset ? shiftPeriod(period, offset) : period, currency)));
  }

  /** The value with no overrides: printed where printed (ratios and per-share recomputed), else by formula. Cached. */
  private reported(id: string, period: PeriodKey, currency: Currency, cache = this.cacheFor(period, currency)): Exact {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const metric = this.metric(id);
    const byFormula = () =>
      this.evalExpr(metric.expr!, id, period, (ref, offset) => this.reported(ref, offset ? shiftPeriod(period, offset) : period, currency));
    let value: Exact;
    if (metric.expr && metric.alwaysComputed) value = byFormula();
    else {
      const printed = this.printed(id, period, currency)[0];
      if (printed) value = fromDec(printed.value);
      else if (metric.expr) value = byFormula();
      else if (currency === "USD") value = divide(this.reported(id, period, "RMB"), this.rate);
      else throw kcError("periodNotCovered", id, period, describeAvailable(this.periods(id)));
    }
    cache.set(id, value);
    return value;
  }

  /** The reported values of one period and currency, by metric id. */
  private cacheFor(period: PeriodKey, currency: Currency): Map<string, Exact> {
    const byPeriod = this.valueCache[currency];
    let cache = byPeriod.get(period);
    if (!cache) byPeriod.set(period, (cache = new Map()));
    return cache;
  }

  /** The shape of a set of overrides: found by comparing ids (no key is built), made on first sight. */
  overrideShape(overrides: Overrides): OverrideShape {
    for (const shape of this.shapes) if (sameIds(shape.ids, overrides)) return shape;
    const shape: OverrideShape = {
      ids: [...overrides.keys()],
      dirty: new Set([...this.metrics.values()].filter((m) => dependsOnAny(m, overrides)).map((m) => m.id)),
    };
    if (this.shapes.length >= OVERRIDE_SHAPE_LIMIT) this.shapes.length = 0;
    this.shapes.push(shape);
    return shape;
  }

  /** A metric under overrides: recomputed when its formula reads an overridden metric, else as reported. */
  private scenarioValue(id: string, scenario: Scenario): Exact {
    const override = scenario.overrides.get(id);
    if (override !== undefined) return override;
    // What no override flows into is the reported figure, itself cached: only the recomputed ones are memoized.
    if (!scenario.dirty.has(id)) return this.reported(id, scenario.period, scenario.currency, scenario.reported);
    const known = scenario.memo.get(id);
    if (known !== undefined) return known;
    const value = this.recomputed(id, scenario);
    scenario.memo.set(id, value);
    return value;
  }

  /**
   * A metric some override flows into: its formula over the scenario's values, or, for a printed total with parts
   * (share-based compensation, depreciation and amortization), the reported total moved by what its parts moved.
   */
  private recomputed(id: string, scenario: Scenario): Exact {
    const metric = this.metric(id);
    if (metric.expr) return this.evalExpr(metric.expr, id, scenario.period, scenario.read);
    let total = this.reported(id, scenario.period, scenario.currency, scenario.reported);
    for (const part of metric.parts) {
      const moved = subtract(this.scenarioValue(part, scenario), this.reported(part, scenario.period, scenario.currency, scenario.reported));
      total = add(total, moved);
    }
    return total;
  }

  private evalExpr(expr: Expr, id: string, period: PeriodKey, read: (ref: string, offset: number) => Exact): Exact {
    switch (expr.op) {
      case "num":
        return fromDec(D(expr.value));
      case "ref":
        return read(expr.id, expr.offset);
      case "neg":
        return negate(this.evalExpr(expr.arg, id, period, read));
      default: {
        const left = this.evalExpr(expr.left, id, period, read);
        const right = this.evalExpr(expr.right, id, period, read);
        if (expr.op === "+") return add(left, right);
        if (expr.op === "-") return subtract(left, right);
        if (expr.op === "*") return multiply(left, right);
        if (isZero(right)) throw kcError("divideByZero", id, period);
        return divide(left, right);
      }
    }
  }

  private bindTables(specs: readonly MetricSpec[]): void {
    const refs: RowRef[] = specs.flatMap((spec) => (spec.rows ?? []).map((row) => parseRowRef(spec.id, row)));
    const byLabel = new Map<string, RowRef[]>();
    for (const ref of refs) byLabel.set(ref.label, [...(byLabel.get(ref.label) ?? []), ref]);
    const used = new Set<RowRef>();
    // The latest release first: where two releases print a figure, the later one's is the one a figure is read from.
    for (const { table, release } of [...this.releases].reverse().flatMap((r) => r.tables.map((table) => ({ table, release: releaseLabel(r) })))) {
      for (const row of table.rows) {
        const matches = (byLabel.get(normalizeLabel(row.label)) ?? []).filter((ref) => matchesRow(ref, table, row));
        if (matches.length === 0) {
          this.warnings.push(`line ${row.line}: no metric for the row '${row.label}' of ${table.title}`);
          continue;
        }
        if (new Set(matches.map((m) => m.metric)).size > 1) {
          throw importError(row.line, "rowTwoMetrics", row.label, matches.map((m) => m.metric));
        }
        matches.forEach((m) => used.add(m));
        const metric = this.metric(matches[0].metric);
        this.rowMetric.set(row, metric.id);
        table.columns.forEach((column, j) => {
          const cell = row.cells[j];
          this.addPrinted(metric, column.period, column.currency, {
            value: D(cell.value),
            decimals: cell.decimals,
            precision: null,
            approximate: false,
            provenance: { statement: table.title, row: row.label, column: column.header, line: row.line, text: cell.text, release },
          });
        });
      }
    }
    for (const ref of refs) {
      if (!used.has(ref)) this.warnings.push(`${ref.metric}: the filing prints no row '${ref.label}' in ${ref.statement}`);
    }
  }

  private bindNarrative(): void {
    for (const r of [...this.releases].reverse()) {
      const release = releaseLabel(r);
      for (const figure of r.narrative) {
        const metric = this.metric(figure.id);
        this.addPrinted(metric, figure.period, figure.currency, {
          value: D(figure.value),
          decimals: 0,
          precision: D(figure.precision),
          approximate: figure.approximate,
          provenance: { statement: "Press release text", row: metric.label, column: figure.text, line: figure.line, text: figure.text, release },
        });
      }
    }
  }

  /** Whether it reads more than one release. */
  get merged(): boolean {
    return this.releases.length > 1;
  }

  /** A release by its label ("Q1 2026 release"). */
  release(label: string): Dataset | undefined {
    return this.releases.find((r) => releaseLabel(r) === label);
  }

  private addPrinted(metric: Metric, period: PeriodKey, currency: Currency | null, figure: PrintedFigure): void {
    const currencyKey = currencyKeyFor(metric, currency ?? "");
    if (currencyKey !== "USD") {
      const periods = this.printedPeriods.get(metric.id) ?? new Set<PeriodKey>();
      this.printedPeriods.set(metric.id, periods.add(period));
    }
    const key = figureKey(metric.id, period, currencyKey);
    const list = this.printedFigures.get(key);
    if (list) list.push(figure);
    else this.printedFigures.set(key, [figure]);
  }

  private checkIdentityReferences(): void {
    for (const identity of IDENTITIES) {
      for (const side of [identity.left, identity.right]) {
        for (const ref of references(parseFormula(side))) this.metric(ref.id);
      }
    }
  }
}

function sameIds(ids: readonly string[], overrides: Overrides): boolean {
  if (ids.length !== overrides.size) return false;
  let i = 0;
  for (const id of overrides.keys()) if (id !== ids[i++]) return false;
  return true;
}

function dependsOnAny(metric: Metric, overrides: ReadonlyMap<string, unknown>): boolean {
  for (const id of overrides.keys()) if (metric.dependsOn.has(id)) return true;
  return false;
}

function figureKey(id: string, period: PeriodKey, currency: CurrencyKey): string {
  return `${id}|${period}|${currency}`;
}

function currencyKeyFor(metric: Metric, currency: CurrencyKey): CurrencyKey {
  return currencyless(metric.unit) ? "" : currency;
}

function parseRowRef(metric: string, text: string): RowRef {
  const parts = text.split("|");
  const [statement, anchor = null] = parts[0].split("@");
  const label = parts[parts.length - 1];
  const section = parts.length === 3 ? parts[1] : null;
  return {
    metric,
    statement,
    anchor: anchor && normalizeLabel(anchor),
    section: section && normalizeLabel(section),
    label: normalizeLabel(label),
  };
}

function matchesRow(ref: RowRef, table: Table, row: TableRow): boolean {
  return (
    ref.statement === table.kind &&
    ref.label === normalizeLabel(row.label) &&
    (ref.anchor === null || ref.anchor === normalizeLabel(table.anchor)) &&
    (ref.section === null || ref.section === normalizeLabel(row.section ?? ""))
  );
}

function buildMetrics(specs: readonly MetricSpec[], dataset: Dataset): Map<string, Metric> {
  const metrics = new Map<string, Metric>();
  for (const spec of specs) {
    if (metrics.has(spec.id)) throw new Error(`metric '${spec.id}' is declared twice`);
    const expr = spec.formula ? parseFormula(spec.formula) : null;
    metrics.set(spec.id, {
      id: spec.id,
      label: spec.label ?? printedLabel(spec, dataset),
      statement: spec.statement,
      kind: spec.kind,
      unit: spec.unit,
      aliases: spec.aliases ?? [],
      formula: spec.formula ?? null,
      expr,
      parts: spec.parts ?? [],
      sign: spec.sign ?? unitSign(spec.unit),
      dependsOn: new Set(),
      alwaysComputed: UNITS[spec.unit].alwaysComputed && expr !== null,
    });
  }
  for (const metric of metrics.values()) {
    (metric.dependsOn as Set<string>).clear();
    collectDependencies(metric.id, metrics, metric.dependsOn as Set<string>, [metric.id]);
  }
  return metrics;
}

function collectDependencies(id: string, metrics: Map<string, Metric>, into: Set<string>, path: string[]): void {
  const metric = metrics.get(id);
  if (!metric) throw new Error(`formula of ${path[path.length - 2] ?? id} reads unknown metric '${id}'`);
  const inputs = [...(metric.expr ? references(metric.expr) : []), ...metric.parts.map((part) => ({ id: part, offset: 0 }))];
  for (const ref of inputs) {
    if (path.includes(ref.id) && ref.offset === 0) throw new Error(`formula cycle: ${[...path, ref.id].join(" -> ")}`);
    if (!metrics.has(ref.id)) throw new Error(`formula of ${id} reads unknown metric '${ref.id}'`);
    if (ref.offset !== 0 || into.has(ref.id)) continue;
    into.add(ref.id);
    collectDependencies(ref.id, metrics, into, [...path, ref.id]);
  }
}

/** The sign a unit fixes: share counts are never negative, the exchange rate is above zero. */
function unitSign(unit: Unit): FixedSign | "positive" | null {
  const sign = UNITS[unit].sign;
  return sign === "asPresented" ? null : sign;
}

/** The label of the first row a printed metric is sourced from, as the filing prints it. */
function printedLabel(spec: MetricSpec, dataset: Dataset): string {
  const ref = spec.rows?.[0] ? parseRowRef(spec.id, spec.rows[0]) : null;
  for (const table of dataset.tables) {
    for (const row of table.rows) if (ref && matchesRow(ref, table, row)) return row.label;
  }
  return spec.id;
}
