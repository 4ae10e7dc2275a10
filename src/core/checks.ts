import { IDENTITIES, STATEMENTS, printedPrecision } from "./catalog";
import type { Currency, Dataset, Table } from "./dataset";
import { D, Dec } from "./decimal";
import { yearDataset } from "./fiscal-years";
import { Expr, parseFormula, references } from "./formula";
import { normalizeLabel } from "./labels";
import { ReleaseProblem, importMessage, isKcError } from "./messages";
import { Model, PrintedFigure, currencyless } from "./model";
import { PeriodKey, shiftPeriod } from "./periods";
import { releaseLabel } from "./releases";
import { toNumber } from "./scale";
import { yearSumChecks } from "./year-sums";

/**
 * The tie-outs: every printed subtotal, non-GAAP measure and margin recomputed from the reported inputs; every figure
 * printed twice compared; the cross-statement identities; and each US$ figure against RMB at the release's rate.
 * The filing's own inconsistencies are reported as "noted", never hidden; only "FAIL" means the data is wrong.
 */

export type CheckStatus = "ok" | "noted" | "FAIL";

/** A figure a check reads: its metric, how many quarters before the check's period, and (if not the check's) its currency. */
type Reference = { id: string; offset: number; currency?: Currency };

export interface Check {
  identity: string;
  period: PeriodKey;
  currency: Currency | null;
  printed: Dec;
  recomputed: Dec;
  status: CheckStatus;
  /** Why a check passes other than exactly, or why it is noted or fails. */
  note: string;
  line: number | null;
  /** The figures the recomputation reads (for a refusal's "from lines ..."). */
  reads?: readonly Reference[];
  /**
   * A check of the release's own form rather than of its arithmetic (a statement printed twice, a figure not in the
   * release's number format, a row no metric reads): it appears only when it fails, and its note is the whole problem.
   */
  form?: true;
  /** Where several releases are merged: the release a check of one release is of (its lines are that release's). */
  release?: string;
  /** A check across releases: a figure two releases print (alike, or restated), an identity over both. */
  across?: true;
  /** The lines of the figures a failing check reads, where its model is not the release's (a year column's). */
  readLines?: readonly number[];
}

/** Largest US$ difference, in the last printed unit, that is the filing footing its US$ column on its own. */
const USD_FOOTING_TOLERANCE = 2;

export function runChecks(model: Model): Check[] {
  return [
    ...formulaChecks(model),
    ...repeatedFigureChecks(model),
    ...identityChecks(model),
    ...translationChecks(model),
    ...formChecks(model),
    ...yearColumnChecks(model.dataset),
  ];
}

/**
 * Every tie-out of what a model reads. One release: its own (runChecks). Several: each release's own, each at its own
 * rate and lines, then those across releases: every figure two releases print (a restatement is noted, never a
 * failure: the later release's figure is used) and every identity whose figures come from different releases (the
 * quarter's opening cash is the last quarter's closing cash, the deficit moves by the quarter's loss); and each year
 * column against the sum of its quarters (year-sums.ts).
 */
export function datasetChecks(model: Model): Check[] {
  if (!model.merged) return [...runChecks(model), ...yearSumChecks(model)];
  return [
    ...model.releases.flatMap((r) => runChecks(new Model(r)).map((c) => ({ ...c, release: releaseLabel(r) }))),
    ...restatementChecks(model),
    ...identityChecks(model, true),
    ...yearSumChecks(model),
  ];
}

/** Each figure two releases print: the later release's against each earlier one's, "noted" where they differ. */
function restatementChecks(model: Model): Check[] {
  const checks: Check[] = [];
  for (const metric of model.metrics.values()) {
    for (const period of model.periods(metric.id)) {
      for (const currency of currenciesPrinted(model, metric.id, period)) {
        const [later, ...earlier] = firstOfEachRelease(model.printed(metric.id, period, currency ?? ""));
        for (const other of earlier) {
          const same = later.value.eq(other.value);
          const p = later.provenance;
          const o = other.provenance;
          checks.push({
            identity: `${metric.id} in the ${p.release} = the ${o.release}`,
            period,
            currency,
            printed: later.value,
            recomputed: other.value,
            status: same ? "ok" : "noted",
            note: same ? importMessage("alikeInBoth", p.line, p.release, o.line, o.release) : importMessage("restated", period, metric.id, p.text, p.release, p.line, o.text, o.release, o.line),
            line: null,
            across: true,
          });
        }
      }
    }
  }
  return checks;
}

/** The first figure of each release, in the order given (the latest release's first). */
function firstOfEachRelease(figures: readonly PrintedFigure[]): PrintedFigure[] {
  const seen = new Set<string>();
  return figures.filter((f) => !seen.has(f.provenance.release) && Boolean(seen.add(f.provenance.release)));
}

function formulaChecks(model: Model): Check[] {
  const checks: Check[] = [];
  for (const metric of model.metrics.values()) {
    if (!metric.expr) continue;
    for (const period of model.periods(metric.id)) {
      for (const currency of currenciesPrinted(model, metric.id, period)) {
        const printed = model.printed(metric.id, period, currency ?? "")[0];
        if (!printed) continue;
        const recomputed = tryEvaluate(model, metric.expr, period, currency ?? "RMB");
        if (!recomputed) continue;
        const identity = `${metric.id} = ${metric.formula}`;
        // A rounded figure ties to the precision the catalog says the release prints the metric with, not to the
        // figure's own: "(0.0)" for a per-share loss of (0.01), or "-" for a margin, would otherwise tie at 0 decimals.
        const decimals = printedPrecision(metric).decimals;
        const check = compare(identity, period, currency, printed.value, recomputed, decimals, printed.provenance.line, metric.alwaysComputed);
        checks.push({ ...check, reads: references(metric.expr) });
      }
    }
  }
  return checks;
}

function repeatedFigureChecks(model: Model): Check[] {
  const checks: Check[] = [];
  for (const metric of model.metrics.values()) {
    for (const period of model.periods(metric.id)) {
      for (const currency of currenciesPrinted(model, metric.id, period)) {
        const [first, ...others] = model.printed(metric.id, period, currency ?? "");
        for (const other of others) {
          const identity = `${metric.id} printed on line ${first.provenance.line} = line ${other.provenance.line}`;
          checks.push(compare(identity, period, currency, other.value, first.value, 0, other.provenance.line, false));
        }
      }
    }
  }
  return checks;
}

/**
 * The cross-statement identities for every period they can be evaluated for. `across`: only those whose printed
 * figures come from more than one release (the rest are each release's own).
 */
function identityChecks(model: Model, across = false): Check[] {
  const checks: Check[] = [];
  for (const { left, right, note } of IDENTITIES) {
    const leftExpr = parseFormula(left);
    const rightExpr = parseFormula(right);
    const refs = [...references(leftExpr), ...references(rightExpr)];
    const tolerance = refs.reduce((sum, r) => sum.plus(halfStep(model, r.id)), D(0));
    for (const period of model.periods(refs[0].id)) {
      const releases = across ? releasesRead(model, refs, period) : [];
      if (across && releases.length < 2) continue;
      const l = tryEvaluate(model, leftExpr, period, "RMB");
      const r = tryEvaluate(model, rightExpr, period, "RMB");
      if (!l || !r) continue;
      const diff = l.minus(r).abs();
      const status: CheckStatus = diff.isZero() || diff.lte(tolerance) ? "ok" : "FAIL";
      const told = across ? `${note}, across the ${releases.join(" and the ")}` : note;
      const why = diff.isZero() ? told : `${told}; within the stated precision (±${tolerance.toFixed()})`;
      checks.push({ identity: `${left} = ${right}`, period, currency: null, printed: l, recomputed: r, status, note: status === "ok" ? why : told, line: null, reads: refs, ...(across ? { across: true as const } : {}) });
    }
  }
  return checks;
}

/** The releases the printed figures of an identity come from, for a period. */
function releasesRead(model: Model, refs: readonly Reference[], period: PeriodKey): string[] {
  const releases = new Set<string>();
  for (const ref of refs) {
    let at: PeriodKey;
    try {
      at = shiftPeriod(period, ref.offset);
    } catch {
      continue;
    }
    const figure = model.printed(ref.id, at, currencyless(model.metric(ref.id).unit) ? "" : "RMB")[0];
    if (figure) releases.add(figure.provenance.release);
  }
  return [...releases];
}

function translationChecks(model: Model): Check[] {
  const checks: Check[] = [];
  for (const metric of model.metrics.values()) {
    if (currencyless(metric.unit)) continue;
    for (const period of model.periods(metric.id)) {
      const usd = model.printed(metric.id, period, "USD")[0];
      const rmb = model.printed(metric.id, period, "RMB")[0];
      if (!usd || !rmb) continue;
      // Rounded as the catalog says the release prints the metric, never as the (possibly garbled) figure shows.
      const decimals = printedPrecision(metric).decimals;
      const translated = rmb.value.div(model.rate).toDecimalPlaces(decimals, D.ROUND_HALF_UP);
      const unit = usd.precision ?? D(10).pow(-decimals);
      const steps = usd.value.minus(translated).abs().div(unit);
      const stated = usd.precision !== null;
      const status: CheckStatus = steps.isZero() || (stated && steps.lte(1)) ? "ok" : steps.lte(USD_FOOTING_TOLERANCE) ? "noted" : "FAIL";
      const note =
        status === "noted"
          ? `the filing's US$ figure differs from RMB ${rmb.provenance.text} / ${model.rateText} by ${steps.toFixed()} in its last printed unit: its US$ column is footed in US$`
          : `RMB / ${model.rateText}, rounded as printed`;
      checks.push({
        identity: `${metric.id} (US$) = ${metric.id} (RMB) / ${model.rateText}`,
        period,
        currency: "USD",
        printed: usd.value,
        recomputed: rmb.value.div(model.rate),
        status,
        note,
        line: usd.provenance.line,
        reads: [{ id: metric.id, offset: 0, currency: "RMB" }],
      });
    }
  }
  return checks;
}

/**
 * The release's own form, beyond its arithmetic: each statement printed once; every table figure printed as the release
 * prints that metric (the catalog's decimals, a percentage or not); every row read by a metric and every metric's row
 * and sentence found (the model's and the importer's warnings). Listed only when they fail.
 */
function formChecks(model: Model): Check[] {
  return [...printedOnceChecks(model), ...numberFormatChecks(model), ...completenessChecks(model)];
}

const formFailure = (identity: string, period: PeriodKey, currency: Currency | null, line: number | null, note: string, printed: Dec, expected: Dec): Check => ({
  identity,
  period,
  currency,
  printed,
  recomputed: expected,
  status: "FAIL",
  note,
  line,
  form: true,
});

/** Printed/recomputed of a statement printed twice: how many times it is printed, and once. */
function printedOnceChecks(model: Model): Check[] {
  const { dataset } = model;
  const checks: Check[] = [];
  const printings = new Map<string, { first: Table; count: number }>();
  for (const table of dataset.tables) {
    const key = `${table.kind}|${normalizeLabel(table.anchor)}`;
    const earlier = printings.get(key);
    if (!earlier) {
      printings.set(key, { first: table, count: 1 });
      continue;
    }
    earlier.count++;
    const name = statementName(table, dataset.tables);
    const note = importMessage("printedTwice", name, earlier.first.titleLine, table.titleLine);
    checks.push(formFailure(`${name[0].toUpperCase()}${name.slice(1)} printed once`, dataset.latest, null, table.titleLine, note, D(earlier.count), D(1)));
  }
  return checks;
}

/** Printed/recomputed of a figure not in the release's format: the value as read, both times. */
function numberFormatChecks(model: Model): Check[] {
  const checks: Check[] = [];
  for (const table of model.dataset.tables) {
    for (const row of table.rows) {
      const id = model.rowMetric.get(row);
      if (!id) continue;
      const precision = printedPrecision(model.metric(id));
      row.cells.forEach((cell, j) => {
        const dash = !/\d/.test(cell.text);
        if (dash || (cell.decimals === precision.decimals && cell.percent === precision.percent)) return;
        const column = table.columns[j];
        const note = importMessage("notReleaseFormat", row.label, column.header, cell.text, precision.description);
        checks.push(formFailure(`${id} printed in the release's number format`, column.period, column.currency, row.line, note, D(cell.value), D(cell.value)));
      });
    }
  }
  return checks;
}

/** Printed/recomputed of a row no metric reads, or a metric's row or sentence not found: none. */
function completenessChecks(model: Model): Check[] {
  return [...model.warnings, ...model.dataset.warnings].map((warning) => {
    const at = /^line (\d+): /.exec(warning);
    const note = importMessage("incomplete", at ? warning.slice(at[0].length) : warning);
    return formFailure("release read completely", model.dataset.latest, null, at ? Number(at[1]) : null, note, D(0), D(0));
  });
}

/**
 * The year columns' own tie-outs (a fourth quarter's release), each over one year as over a quarter: every subtotal
 * and bridge, every figure printed twice, every US$ figure at the release's rate, every figure in the release's number
 * format. Their periods are the fiscal years ("FY2025"); the lines they read are found here, in the model of the year
 * columns (the release's own model holds its quarters).
 */
function yearColumnChecks(release: Dataset): Check[] {
  const years = yearDataset(release);
  if (!years) return [];
  const model = new Model(years);
  const checks = [...formulaChecks(model), ...repeatedFigureChecks(model), ...translationChecks(model), ...numberFormatChecks(model)];
  return checks.map((c) => (c.status === "FAIL" && !c.form ? { ...c, readLines: linesRead(model, c) } : c));
}

/** "balance sheet"; a reconciliation, of which a release prints several, by its first row: "non-GAAP reconciliation 'Net Loss'". */
function statementName(table: Table, tables: readonly Table[]): string {
  const name = STATEMENTS[table.kind].name;
  const plain = name[0].toLowerCase() + name.slice(1);
  return tables.filter((t) => t.kind === table.kind).some((t) => t.anchor !== table.anchor) ? `${plain} '${table.anchor}'` : plain;
}

/**
 * What makes a release untied: every failing check, at its line (a cross-statement identity's: the first figure it
 * reads), with the lines of the figures it reads, in the order of the lines. The importer refuses a release with any
 * (or, asked to import it anyway, records them in the dataset).
 */
export function releaseProblems(model: Model, checks: readonly Check[] = runChecks(model)): ReleaseProblem[] {
  const problems = checks
    .filter((c) => c.status === "FAIL")
    .map((c) => {
      const read = c.readLines ? [...c.readLines] : linesRead(model, c);
      const line = c.line ?? read[0] ?? model.dataset.lineCount;
      if (c.form) return { line, problem: c.note };
      const from = read.filter((l) => l !== line).join(", ");
      return { line, problem: importMessage("untied", shownIdentity(c), c.period, decimalText(c.printed), decimalText(c.recomputed), from) };
    });
  return problems.sort((a, b) => a.line - b.line);
}

/** A value for a message: exact, to 16 significant digits at most ("710901.2757320963"). */
const decimalText = (value: Dec): string => value.toSignificantDigits(16).toString();

/** The lines of the printed figures a check reads, in order, each once. */
function linesRead(model: Model, check: Check): number[] {
  const lines = new Set<number>();
  for (const ref of check.reads ?? []) {
    const unit = model.metric(ref.id).unit;
    const currency = currencyless(unit) ? "" : (ref.currency ?? check.currency ?? "RMB");
    let period: PeriodKey;
    try {
      period = ref.offset ? shiftPeriod(check.period, ref.offset) : check.period;
    } catch {
      continue;
    }
    const figure = model.printed(ref.id, period, currency)[0];
    if (figure) lines.add(figure.provenance.line);
  }
  return [...lines];
}

function compare(identity: string, period: PeriodKey, currency: Currency | null, printed: Dec, recomputed: Dec, decimals: number, line: number, rounded: boolean): Check {
  if (printed.eq(recomputed)) return { identity, period, currency, printed, recomputed, status: "ok", note: "exact", line };
  if (rounded && recomputed.toDecimalPlaces(decimals, D.ROUND_HALF_UP).eq(printed)) {
    return { identity, period, currency, printed, recomputed, status: "ok", note: importMessage("roundsToPrinted", decimals), line };
  }
  return { identity, period, currency, printed, recomputed, status: "FAIL", note: importMessage("differsBy", recomputed.minus(printed).toFixed()), line };
}

/** The currencies a metric's figure is printed in for a period (null for ratios and share counts). */
function currenciesPrinted(model: Model, id: string, period: PeriodKey): Array<Currency | null> {
  if (currencyless(model.metric(id).unit)) return model.printed(id, period, "").length ? [null] : [];
  return (["RMB", "USD"] as const).filter((c) => model.printed(id, period, c).length > 0);
}

function tryEvaluate(model: Model, expr: Expr, period: PeriodKey, currency: Currency): Dec | null {
  try {
    return model.evaluate(expr, period, currency);
  } catch (error) {
    if (isKcError(error)) return null;
    throw error;
  }
}

/** Half the stated precision of a prose figure (0 for table figures, which are exact). */
function halfStep(model: Model, id: string): Dec {
  for (const period of model.periods(id)) {
    const figure = model.printed(id, period, currencyless(model.metric(id).unit) ? "" : "RMB")[0];
    if (figure?.precision) return figure.precision.div(2);
  }
  const metric = model.metric(id);
  return metric.expr ? references(metric.expr).reduce((sum, r) => sum.plus(halfStep(model, r.id)), D(0)) : D(0);
}

/** One tie-out as every view shows it (KC.CHECKS, the task pane, kc check): numbers, and the identity's currency. */
export interface CheckRow {
  /** The identity, "[US$]" after it for the US$ column's checks. */
  identity: string;
  period: PeriodKey;
  printed: number;
  recomputed: number;
  status: CheckStatus;
  /** Why it is ok other than exactly, why it is noted, or by how much it fails. */
  note: string;
  /** The line of the printed figure checked, when there is one (of the release named after the identity). */
  line: number | null;
  /** A check across releases (a figure two releases print, an identity over both). */
  across: boolean;
  /** The release a check of one release is of, where several are merged (named after the identity too). */
  release: string | null;
}

/** The identity as every view shows it: "[US$]" after it for the US$ column's checks, and the release it is of. */
const shownIdentity = (check: Check): string =>
  `${check.identity}${check.currency === "USD" ? " [US$]" : ""}${check.release ? ` [${check.release}]` : ""}`;

export function checkRow(check: Check): CheckRow {
  return {
    identity: shownIdentity(check),
    period: check.period,
    printed: toNumber(check.printed),
    recomputed: toNumber(check.recomputed),
    status: check.status,
    note: check.note,
    line: check.line,
    across: Boolean(check.across),
    release: check.release ?? null,
  };
}

/** The status cell of KC.CHECKS and kc check: "ok", or the status and its note. */
export const statusText = (row: CheckRow): string => (row.status === "ok" ? "ok" : `${row.status}: ${row.note}`);
