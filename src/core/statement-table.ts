/**
 * KC.STATEMENT: a statement or bridge as printed. Every line of the filing's tables in order, headings included
 * ("ASSETS", the second "Adjustments:"), labels as printed, and each figure as printed (a per-share loss is (0.08), not
 * the recomputed -0.0755). Three ways to ask for the columns:
 * - "RMB" (default): one column per quarter, the RMB figures (the margin tables print no currency);
 * - "USD": one column per quarter in US$: the filing's US$ column where it prints one, else RMB at the release's rate,
 *   and then the column's header says so;
 * - "printed": the tables' own columns side by side, RMB quarters and the US$ column, as the filing prints them.
 */
import { STATEMENTS, Scale, UNITS, Unit, unitLabel } from "./catalog";
import type { Column, Currency, StatementKind, Table } from "./dataset";
import { D, Dec } from "./decimal";
import type { Model } from "./model";
import { PeriodKey, comparePeriods } from "./periods";
import { toNumber, toScale } from "./scale";

export type StatementColumns = Currency | "printed";

export type Cell = string | number | boolean;

/** One column of the spill: its period, and which printed currency its figures are read from. */
interface SpillColumn {
  period: PeriodKey;
  currency: Currency;
  header: string;
}

/** A line of the statement: a heading, or a row of figures with the metric it prints. */
interface StatementLine {
  line: number;
  label: string;
  table: Table;
  row: Table["rows"][number] | null;
}

/** Every line of the statement's tables, headings and rows, in the filing's order. */
export function statementLines(tables: readonly Table[]): StatementLine[] {
  return tables.flatMap((table) =>
    [
      ...table.headings.map((h) => ({ line: h.line, label: h.label, table, row: null })),
      ...table.rows.map((row) => ({ line: row.line, label: row.label, table, row })),
    ].sort((a, b) => a.line - b.line),
  );
}

/**
 * Where several releases are merged, the latest release's tables are the layout (its rows, labels and headings), and
 * a quarter it does not print comes from the release that does, row by row through the metric each row prints.
 */
export function statementTable(model: Model, kind: StatementKind, periods: readonly PeriodKey[], columns: StatementColumns, scale: Scale): Cell[][] {
  const tables = model.dataset.tables.filter((t) => t.kind === kind);
  const allTables = model.releases.flatMap((r) => r.tables.filter((t) => t.kind === kind));
  const spill = spillColumns(allTables, periods, columns, model.rateText, model.merged);
  const currencyText = columns === "printed" ? "RMB and US$" : columns;
  const header: Cell[] = [`${STATEMENTS[kind].name} (${unitLabel("amount", columns === "USD" ? "USD" : "RMB", scale).replace(/^RMB/, currencyText)})`, ...spill.map((c) => c.header)];
  const body = statementLines(tables).map(({ label, table, row }) => {
    if (!row) return [label, ...spill.map(() => "")];
    const metric = model.rowMetric.get(row);
    const unit: Unit = metric ? model.metric(metric).unit : "amount";
    // Several releases: a column the layout table lacks is the figure another release prints before it is a translation.
    const value = (c: SpillColumn) => tableValue(table, row.cells, c, unit, model.rate, !model.merged) ?? (metric && model.merged ? releasesValue(model, metric, c, unit) : null);
    return [label, ...spill.map((c) => {
      const v = value(c);
      return v === null ? "" : toNumber(toScale(v, unit, scale));
    })];
  });
  return [header, ...body];
}

function spillColumns(tables: readonly Table[], periods: readonly PeriodKey[], columns: StatementColumns, rateText: string, merged: boolean): SpillColumn[] {
  if (columns === "printed") {
    const seen = new Set<string>();
    const own: SpillColumn[] = [];
    for (const table of tables) {
      for (const c of table.columns) {
        const currency = c.currency ?? "RMB";
        const key = `${c.period}|${currency}`;
        if (seen.has(key) || !periods.includes(c.period)) continue;
        seen.add(key);
        own.push({ period: c.period, currency, header: currency === "USD" ? `${c.period} US$` : c.period });
      }
    }
    // Several releases: each quarter once, in time order, its US$ column after its RMB one.
    return merged ? own.sort((a, b) => comparePeriods(a.period, b.period) || (a.currency === "USD" ? 1 : 0) - (b.currency === "USD" ? 1 : 0)) : own;
  }
  return periods.map((period) => {
    const printedInUsd = tables.some((t) => t.columns.some((c) => c.period === period && c.currency === "USD"));
    const translated = columns === "USD" && !printedInUsd;
    return { period, currency: columns, header: translated ? `${period} (translated at ${rateText})` : period };
  });
}

/** The figure the row prints for the column, or (`translate`) its RMB figure translated; null where it has neither. */
function tableValue(table: Table, cells: Table["rows"][number]["cells"], column: SpillColumn, unit: Unit, rate: Dec, translate: boolean): Dec | null {
  const at = (match: (c: Column) => boolean) => table.columns.findIndex(match);
  let index = at((c) => c.period === column.period && (c.currency ?? "RMB") === column.currency);
  let value: Dec | null = null;
  if (index >= 0) value = D(cells[index].value);
  else if (column.currency === "USD" && translate) {
    // No US$ column for this quarter: RMB at the release's rate (a ratio or share count has no currency).
    index = at((c) => c.period === column.period && c.currency !== "USD");
    if (index >= 0) value = UNITS[unit].currency && table.columns[index].currency ? D(cells[index].value).div(rate) : D(cells[index].value);
  }
  return value;
}

/** The metric's figure for the column as the releases print it (the later release's first), or translated at the rate. */
function releasesValue(model: Model, metric: string, column: SpillColumn, unit: Unit): Dec | null {
  const key = UNITS[unit].currency ? column.currency : "";
  const printed = model.printed(metric, column.period, key)[0];
  if (printed) return printed.value;
  const rmb = column.currency === "USD" && key ? model.printed(metric, column.period, "RMB")[0] : undefined;
  return rmb ? rmb.value.div(model.rate) : null;
}
