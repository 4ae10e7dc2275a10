/**
 * What the task pane shows, computed from the engine's typed calls alone (no DOM, no workbook): search results grouped
 * by statement, a metric's values across periods (printed beside recomputed, growth), the filing's table around a
 * printed figure, formulas and tie-outs with printed labels in place of ids, and the tie-outs in groups.
 */
import { CheckRow, Currency, Engine, SourceTexts, SourceView, StatementId, UNITS, Unit, formatNumber, formatValue, isFiscalYear, kcFormula } from "../core";

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
export function sourceView(engine: Engine, texts: SourceTexts, id: string, period: string, currency: Currency): SourceView {
  const view = engine.sourceView(id, period, currency, texts);
  return view.ok ? view.value : { description: view.error.message, table: null };
}

/** The KC formula for a metric in a period (and currency when not RMB). */
export function metricFormula(id: string, period: string, currency: Currency): string {
  return kcFormula("METRIC", [id, period, currency === "RMB" ? null : currency]);
}

/** Growth as a percentage, negatives in parentheses: "134.7%", "(4.8%)". */
export function formatGrowth(value: number | null): string {
  return value === null ? "–" : formatValue(value, "ratio");
}

// ---------------------------------------------------------------------------------------------------------------
// Labels for ids

/**
 * A piece of a formula or identity: text as it stands, or a metric: its printed label, its id to show small, and whether
 * another metric prints the same label ("Basic and diluted" is the loss per share and the share count).
 */
export type Term = string | { id: string; label: string; ambiguous: boolean };

/** A metric's printed label without the filing's leading dash or "Less:": "Interest income", "net (loss) profit ...". */
export const plainLabel = (label: string): string => label.replace(/^(?:[–-]\s*|Less:\s*)/, "");

/**
 * Formula or identity text with each metric id as its printed label: "GrossProfit / TotalRevenues" gives
 * [{GrossProfit, "Gross profit"}, " / ", {TotalRevenues, "Total revenues"}]. "[-1]" after an id reads "a quarter before".
 */
export function terms(engine: Engine, text: string): Term[] {
  const known = new Set(engine.metrics().map((m) => m.id));
  const uses = new Map<string, number>();
  for (const m of engine.metrics()) uses.set(plainLabel(m.label), (uses.get(plainLabel(m.label)) ?? 0) + 1);
  const out: Term[] = [];
  let rest = "";
  const flush = () => {
    if (rest) out.push(rest);
    rest = "";
  };
  for (const part of text.replace(/\[-1\]/g, " (a quarter before)").split(/([A-Za-z][A-Za-z0-9]*)/)) {
    if (known.has(part)) {
      flush();
      const label = plainLabel(engine.metric(part).label);
      out.push({ id: part, label, ambiguous: (uses.get(label) ?? 0) > 1 });
    } else rest += part.replace(/ - /g, " − ");
  }
  flush();
  return out;
}

/** The terms as one line of text (labels only), for messages and accessible names. */
export const termsText = (list: Term[]): string => list.map((t) => (typeof t === "string" ? t : t.label)).join("");

// ---------------------------------------------------------------------------------------------------------------
// Checks

export interface CheckItem {
  /** The identity with printed labels, and the same with ids. */
  identity: Term[];
  ids: string;
  /** "US$" for a check of the US$ column whose identity does not say so itself. */
  currency: string | null;
  /** The release a check is of, where several are merged. */
  release: string | null;
  period: string;
  printed: string;
  recomputed: string;
  status: CheckRow["status"];
  /** The status and how far apart the figures are, on one line: "ok · exact", "noted · 0.519 apart". */
  verdict: string;
}

export interface ChecksView {
  all: CheckItem[];
  ok: number;
  /** The filing's own inconsistencies (noted within a release). */
  noted: CheckItem[];
  /** Figures a later release printed differently (noted across releases: the later release's is used). */
  restated: CheckItem[];
  /** Year columns not checked against their quarters: the releases lack some (noted, naming them). */
  waiting: CheckItem[];
  failed: CheckItem[];
  summary: string;
}

/** A figure of a tie-out: as its unit shows it, with the decimals that tell printed from recomputed. */
function checkFigure(value: number, unit: Unit): string {
  const facts = UNITS[unit];
  return formatNumber(value, { decimals: facts.percent ? 1 : facts.displayDecimals, maxDecimals: facts.percent ? 3 : facts.displayDecimals + 3, percent: facts.percent });
}

/** The tie-outs (one rendering of them: engine.checkRows), with the filing's own inconsistencies and any failure picked out. */
export function checksView(engine: Engine): ChecksView {
  const rows = engine.checkRows();
  const all = rows.map((row) => checkItem(engine, row));
  const waiting = all.filter((r, i) => r.status === "noted" && !rows[i].across && isFiscalYear(r.period));
  const noted = all.filter((r, i) => r.status === "noted" && !rows[i].across && !isFiscalYear(r.period));
  const restated = all.filter((r, i) => r.status === "noted" && rows[i].across);
  const failed = all.filter((r) => r.status === "FAIL");
  const ok = all.length - noted.length - waiting.length - restated.length - failed.length;
  const summary =
    `${all.length} tie-outs: ${ok} agree exactly or to the printed rounding, ${noted.length} are the filing's own inconsistencies (explained below), ` +
    (restated.length ? `${restated.length} restated by a later release (listed below), ` : "") +
    (waiting.length ? `${waiting.length} year columns not checked against their quarters yet (listed below), ` : "") +
    (failed.length ? `${failed.length} FAIL: the data disagrees with the filing.` : "none fails.");
  return { all, ok, noted, restated, waiting, failed, summary };
}

function checkItem(engine: Engine, row: CheckRow): CheckItem {
  // The identity without the tags after it: the release it is of (where several are merged), the US$ column.
  const untagged = row.release ? row.identity.slice(0, -` [${row.release}]`.length) : row.identity;
  const usd = / \[US\$\]$/.test(untagged);
  const identity = untagged.replace(/ \[US\$\]$/, "");
  const parts = terms(engine, identity);
  const first = parts.find((t) => typeof t !== "string");
  const unit = first && typeof first !== "string" ? engine.metric(first.id).unit : "amount";
  const apart = checkFigure(Math.abs(row.recomputed - row.printed), unit);
  // A year column's check says what it compared, or which quarters it waits for (its figures are not the point).
  const verdict = row.status === "ok" ? `ok · ${row.note}` : isFiscalYear(row.period) ? `${row.status} · ${row.note}` : `${row.status} · ${apart} apart`;
  return {
    identity: parts,
    ids: identity,
    currency: usd && !identity.includes("(US$)") ? "US$" : null,
    release: row.release,
    period: row.period,
    printed: checkFigure(row.printed, unit),
    recomputed: checkFigure(row.recomputed, unit),
    status: row.status,
    verdict,
  };
}
