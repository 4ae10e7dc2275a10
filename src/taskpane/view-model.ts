/**
 * What the task pane shows, computed from the core alone (no DOM, no workbook): search results grouped by statement,
 * a metric's values across periods (printed beside recomputed, growth), and the filing's table around a printed figure.
 */
import { growthValue, metricValue, reportedValue, sourceText } from "../core/api";
import type { Unit } from "../core/catalog";
import { kcContext } from "../core/context";
import type { Currency } from "../core/dataset";
import { unitLabel } from "../core/options";
import { STATEMENTS } from "../core/statements";
import { FILING_TEXT } from "../data/filing.generated";
import { stripMarkup } from "../core/importer/markup";

export interface SearchGroup {
  statement: string;
  name: string;
  metrics: Array<{ id: string; label: string }>;
}

/** Metrics whose id, label, aliases or statement contain the search, grouped by statement in catalog order. */
export function searchMetrics(search: string): SearchGroup[] {
  const kc = kcContext();
  const groups = new Map<string, SearchGroup>();
  for (const m of kc.index.matches(search, kc.model.metrics.values())) {
    let group = groups.get(m.statement);
    if (!group) groups.set(m.statement, (group = { statement: m.statement, name: STATEMENTS[m.statement].name, metrics: [] }));
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

const attempt = <T>(fn: () => T): T | null => {
  try {
    return fn();
  } catch {
    return null;
  }
};

/** The metric in every period the filing has, newest first. */
export function metricDetail(id: string, currency: Currency): MetricDetail {
  const kc = kcContext();
  const m = kc.model.metric(id);
  const periods = [...kc.model.periods(id)].reverse().map((period) => ({
    period,
    value: metricValue(id, period, currency),
    printed: attempt(() => reportedValue(id, period, currency)),
    yoy: m.unit === "ratio" ? null : attempt(() => growthValue(id, period, "YoY")),
    qoq: m.unit === "ratio" ? null : attempt(() => growthValue(id, period, "QoQ")),
  }));
  return { id, label: m.label, statement: STATEMENTS[m.statement].name, unit: m.unit, unitLabel: unitLabel(m.unit, currency, "asPrinted"), formula: m.formula, periods };
}

export interface SourceLine {
  line: number;
  cells: string[];
}

export interface SourceView {
  /** KC.SOURCE's one-line description. */
  description: string;
  /** The printed table around the figure, or null for a computed figure or a figure from the release's text. */
  table: { title: string; lines: SourceLine[]; line: number; column: number } | null;
}

/** The filing's table holding the figure, line by line from its title, with the figure's line and column. */
export function sourceView(id: string, period: string, currency: Currency): SourceView {
  const kc = kcContext();
  const description = sourceText(id, period, currency);
  const printed = kc.model.printed(id, period, currency)[0];
  const table = printed && kc.dataset.tables.find((t) => t.rows.some((r) => r.line === printed.provenance.line));
  if (!printed || !table) return { description, table: null };
  const text = FILING_TEXT.split("\n");
  const last = table.rows[table.rows.length - 1].line;
  const lines: SourceLine[] = [];
  for (let line = table.titleLine; line <= last; line++) {
    const raw = text[line - 1];
    if (raw.trim() === "" || /^-{3,}$/.test(raw.trim())) continue;
    lines.push({ line, cells: raw.trimEnd().split("\t").map(stripMarkup) });
  }
  const column = table.columns.findIndex((c) => c.header === printed.provenance.column) + 1;
  return { description, table: { title: table.title, lines, line: printed.provenance.line, column } };
}

/** The KC formula for a metric in a period (and currency when not RMB). */
export function metricFormula(id: string, period: string, currency: Currency): string {
  return currency === "RMB" ? `=KC.METRIC("${id}","${period}")` : `=KC.METRIC("${id}","${period}","USD")`;
}

/** A value for display: amounts with thousands separators and parentheses, ratios as percentages. */
export function formatValue(value: number, unit: Unit): string {
  if (unit === "ratio") return `${(value * 100).toFixed(1)}%`;
  const decimals = unit === "perShare" ? 2 : unit === "rate" ? 4 : 0;
  const text = Math.abs(value).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return value < 0 ? `(${text})` : text;
}

/** Growth as a signed percentage: "+12.3%", "-4.0%". */
export function formatGrowth(value: number | null): string {
  if (value === null) return "–";
  return `${value >= 0 ? "+" : "-"}${Math.abs(value * 100).toFixed(1)}%`;
}
