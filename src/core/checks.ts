import { IDENTITIES } from "./catalog";
import type { Currency } from "./dataset";
import { D, Dec } from "./decimal";
import { Expr, parseFormula, references } from "./formula";
import { isKcError } from "./messages";
import { Model, currencyless } from "./model";
import { PeriodKey } from "./periods";
import { toNumber } from "./scale";

/**
 * The tie-outs: every printed subtotal, non-GAAP measure and margin recomputed from the reported inputs; every figure
 * printed twice compared; the cross-statement identities; and each US$ figure against RMB at the release's rate.
 * The filing's own inconsistencies are reported as "noted", never hidden; only "FAIL" means the data is wrong.
 */

export type CheckStatus = "ok" | "noted" | "FAIL";

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
}

/** Largest US$ difference, in the last printed unit, that is the filing footing its US$ column on its own. */
const USD_FOOTING_TOLERANCE = 2;

export function runChecks(model: Model): Check[] {
  return [...formulaChecks(model), ...repeatedFigureChecks(model), ...identityChecks(model), ...translationChecks(model)];
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
        // A rounded figure ties to the precision the filing prints the metric with, not to its own: "(0.0)" for a
        // per-share loss printed "(0.04)" elsewhere, or "-" for a margin, would otherwise tie at 0 decimals.
        const decimals = metric.alwaysComputed ? printedDecimals(model, metric.id, currency ?? "") : printed.decimals;
        checks.push(compare(identity, period, currency, printed.value, recomputed, decimals, printed.provenance.line, metric.alwaysComputed));
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

function identityChecks(model: Model): Check[] {
  const checks: Check[] = [];
  for (const { left, right, note } of IDENTITIES) {
    const leftExpr = parseFormula(left);
    const rightExpr = parseFormula(right);
    const refs = [...references(leftExpr), ...references(rightExpr)];
    const tolerance = refs.reduce((sum, r) => sum.plus(halfStep(model, r.id)), D(0));
    for (const period of model.periods(refs[0].id)) {
      const l = tryEvaluate(model, leftExpr, period, "RMB");
      const r = tryEvaluate(model, rightExpr, period, "RMB");
      if (!l || !r) continue;
      const diff = l.minus(r).abs();
      const status: CheckStatus = diff.isZero() || diff.lte(tolerance) ? "ok" : "FAIL";
      const why = diff.isZero() ? note : `${note}; within the stated precision (±${tolerance.toFixed()})`;
      checks.push({ identity: `${left} = ${right}`, period, currency: null, printed: l, recomputed: r, status, note: status === "ok" ? why : note, line: null });
    }
  }
  return checks;
}

function translationChecks(model: Model): Check[] {
  const checks: Check[] = [];
  for (const metric of model.metrics.values()) {
    if (currencyless(metric.unit)) continue;
    for (const period of model.periods(metric.id)) {
      const usd = model.printed(metric.id, period, "USD")[0];
      const rmb = model.printed(metric.id, period, "RMB")[0];
      if (!usd || !rmb) continue;
      const translated = rmb.value.div(model.rate).toDecimalPlaces(usd.decimals, D.ROUND_HALF_UP);
      const unit = usd.precision ?? D(10).pow(-usd.decimals);
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
      });
    }
  }
  return checks;
}

function compare(identity: string, period: PeriodKey, currency: Currency | null, printed: Dec, recomputed: Dec, decimals: number, line: number, rounded: boolean): Check {
  if (printed.eq(recomputed)) return { identity, period, currency, printed, recomputed, status: "ok", note: "exact", line };
  if (rounded && recomputed.toDecimalPlaces(decimals, D.ROUND_HALF_UP).eq(printed)) {
    return { identity, period, currency, printed, recomputed, status: "ok", note: `to the printed rounding (${decimals} decimals)`, line };
  }
  return { identity, period, currency, printed, recomputed, status: "FAIL", note: `differs by ${recomputed.minus(printed).toFixed()}`, line };
}

/** The most decimals the filing prints a metric with, over every period, in one currency. */
function printedDecimals(model: Model, id: string, currency: Currency | ""): number {
  let decimals = 0;
  for (const period of model.periods(id)) for (const figure of model.printed(id, period, currency)) decimals = Math.max(decimals, figure.decimals);
  return decimals;
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
  /** The line of the printed figure checked, when there is one. */
  line: number | null;
}

export function checkRow(check: Check): CheckRow {
  return {
    identity: check.currency === "USD" ? `${check.identity} [US$]` : check.identity,
    period: check.period,
    printed: toNumber(check.printed),
    recomputed: toNumber(check.recomputed),
    status: check.status,
    note: check.note,
    line: check.line,
  };
}

/** The status cell of KC.CHECKS and kc check: "ok", or the status and its note. */
export const statusText = (row: CheckRow): string => (row.status === "ok" ? "ok" : `${row.status}: ${row.note}`);
