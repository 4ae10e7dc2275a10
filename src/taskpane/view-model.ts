/**
 * What the task pane shows, computed from the engine's typed calls alone (no DOM, no workbook): search results grouped
 * by statement, a metric's values across periods (printed beside recomputed, growth), and the filing's table around a
 * printed figure.
 */
import { Currency, Engine, SourceView, StatementId, Unit, kcFormula } from "../core";

export interface SearchGroup {
  statement: StatementId;
  name: string;
  metrics: Array<{ id: string; label: string }>;
}

/** Metrics whose id, label, aliases or statement contain the search, grouped by statement in catalog order. */
export function searchMetrics(engine: Engine, search: string): SearchGroup[] {
  const groups = new Map<string, SearchGroup>();
  for (const m of engine.search(search)) {
    let group = groups.get(m.statement);
    if (!group) groups.set(m.statement, (group = { statement: m.statement, name: engine.statementName(m.statement), metrics: [] }));
    group.metrics.push({ id: m.id, label: m.label });
  }
  return [...groups.values()];
}

export interface PeriodValue {
  period: string;
  value: number;
  /** The figure as printed in this currency, or null when the filing does not print it. */
  printed: number | null;
  yoy: number | null;
  qoq: number | null;
}

export interface MetricDetail {
  id: string;
  label: string;
  statement: string;
  unit: Unit;
  unitLabel: string;
  /** The definition of a computed metric ("GrossProfit / TotalRevenues"), or null for a printed one. */
  formula: string | null;
  periods: PeriodValue[];
}

const valueOrNull = <T>(outcome: { ok: true; value: T } | { ok: false }): T | null => (outcome.ok ? outcome.value : null);

/** The metric in every period the filing has, newest first. */
export function metricDetail(engine: Engine, id: string, currency: Currency): MetricDetail {
  const m = engine.metric(id);
  const periods = [...engine.periods(id)].reverse().flatMap((period) => {
    const value = engine.value(id, period, { currency });
    if (!value.ok) return [];
    return [{
      period,
      value: value.value,
      printed: valueOrNull(engine.reported(id, period, currency)),
      yoy: m.unit === "ratio" ? null : valueOrNull(engine.growth(id, period, "YoY")),
      qoq: m.unit === "ratio" ? null : valueOrNull(engine.growth(id, period, "QoQ")),
    }];
  });
  return { id, label: m.label, statement: engine.statementName(m.statement), unit: m.unit, unitLabel: engine.unitLabel(id, currency), formula: m.formula, periods };
}

/** The filing's table holding the figure, line by line from its title, with the figure's line and column. */
export function sourceView(engine: Engine, filingText: string, id: string, period: string, currency: Currency): SourceView {
  const view = engine.sourceView(id, period, currency, filingText);
  return view.ok ? view.value : { description: view.error.message, table: null };
}

/** The KC formula for a metric in a period (and currency when not RMB). */
export function metricFormula(id: string, period: string, currency: Currency): string {
  return kcFormula("METRIC", [id, period, currency === "RMB" ? null : currency]);
}

/** Growth as a signed percentage: "+12.3%", "-4.0%". */
export function formatGrowth(value: number | null): string {
  if (value === null) return "–";
  return `${value >= 0 ? "+" : "-"}${Math.abs(value * 100).toFixed(1)}%`;
}
