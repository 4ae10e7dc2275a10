/** The statement sheets (IS, BS, CF, Non-GAAP): the filing's rows in its order, one column per quarter. */
import { Engine, STATEMENTS, StatementKind, Table } from "../../core";
import { PlannedSheet, ownColumns, sortedUnique } from "./plan";
import { HEADER_ROW, SHEET_NAMES } from "./types";

/**
 * Where several releases are merged, the latest release's tables are the layout and every quarter of every release a
 * column; a row holds the quarters its metric has.
 */
export function planStatement(engine: Engine, kind: StatementKind): PlannedSheet {
  const tables = engine.tables(kind);
  const merged = engine.releases().length > 1;
  const periods = merged ? engine.filingPeriods(kind) : sortedUnique(tables.flatMap((t) => ownColumns(t).map((c) => c.period)));
  const first = tables[0];
  const lines = tables.flatMap((t) => [t.titleLine, ...t.rows.map((r) => r.line)]);
  const sheet: PlannedSheet = {
    name: SHEET_NAMES[kind],
    kind,
    periods,
    title: `Kingsoft Cloud Holdings Limited: ${STATEMENTS[kind].name}`,
    subtitle: first ? `${first.title} ${first.unitsNote}`.trim() : STATEMENTS[kind].name,
    source: lines.length ? `Source: ${engine.dataset.sourceName}, lines ${Math.min(...lines)}-${Math.max(...lines)}.` : "",
    rows: [],
  };
  let row = HEADER_ROW + 1;
  for (const table of tables) {
    const tablePeriods = ownColumns(table).map((c) => c.period);
    const rowPeriods = (metric: string) => (merged ? engine.periods(metric).filter((p) => periods.includes(p)) : tablePeriods);
    if (tables.length > 1) {
      if (row > HEADER_ROW + 1) row++;
      sheet.rows.push({ row: row++, label: tableHeading(table), metric: null, line: table.titleLine, bold: true, style: "heading", periods: [] });
    }
    let section: string | null = null;
    for (const r of table.rows) {
      if (r.section && r.section !== section) {
        sheet.rows.push({ row: row++, label: r.section, metric: null, line: null, bold: true, style: "heading", periods: [] });
      }
      section = r.section;
      const metric = engine.rowMetric(r);
      sheet.rows.push({ row: row++, label: r.label, metric, line: r.line, bold: r.bold, periods: metric ? rowPeriods(metric) : [] });
    }
  }
  return sheet;
}

function tableHeading(table: Table): string {
  return `Reconciliation: ${table.anchor.replace(/^Net Loss$/, "Net loss")}`;
}
