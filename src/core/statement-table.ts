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
import { PeriodKey } from "./periods";
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

export function statementTable(model: Model, kind: StatementKind, periods: readonly PeriodKey[], columns: StatementColumns, scale: Scale): Cell[][] {
  const tables = model.dataset.tables.filter((t) => t.kind === kind);
  const spill = spillColumns(tables, periods, columns, model.rateText);
  const currencyText = columns === "printed" ? "RMB and US$" : columns;
  const header: Cell[] = [`${STATEMENTS[kind].name} (${unitLabel("amount", columns === "USD" ? "USD" : "RMB", scale).replace(/^RMB/, currencyText)})`, ...spill.map((c) => c.header)];
  const body = statementLines(tables).map(({ label, table, row }) => {
    if (!row) return [label, ...spill.map(() => "")];
    const metric = model.rowMetric.get(row);
    const unit: Unit = metric ? model.metric(metric).unit : "amount";
    return [label, ...spill.map((c) => cellValue(table, row.cells, c, unit, scale, model.rate))];
  });
  return [header, ...body];
}

function spillColumns(tables: readonly Table[], periods: readonly PeriodKey[], columns: StatementColumns, rateText: string): SpillColumn[] {
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
    return own;
  }
  return periods.map((period) => {
    const printedInUsd = tables.some((t) => t.columns.some((c) => c.period === period && c.currency === "USD"));
    const translated = columns === "USD" && !printedInUsd;
    return { period, currency: columns, header: translated ? `${period} (translated at ${rateText})` : period };
  });
}

/** The figure the row prints for the column, or its RMB figure translated; "" where the table has no such column. */
function cellValue(table: Table, cells: Table["rows"][number]["cells"], column: SpillColumn, unit: Unit, scale: Scale, rate: Dec): Cell {
  const at = (match: (c: Column) => boolean) => table.columns.findIndex(match);
  let index = at((c) => c.period === column.period && (c.currency ?? "RMB") === column.currency);
  let value: Dec | null = null;
  if (index >= 0) value = D(cells[index].value);
  else if (column.currency === "USD") {
    // No US$ column for this quarter: RMB at the release's rate (a ratio or share count has no currency).
    index = at((c) => c.period === column.period && c.currency !== "USD");
    if (index >= 0) value = UNITS[unit].currency && table.columns[index].currency ? D(cells[index].value).div(rate) : D(cells[index].value);
  }
  return value === null ? "" : toNumber(toScale(value, unit, scale));
}
