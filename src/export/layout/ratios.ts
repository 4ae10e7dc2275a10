/** The Ratios sheet: the derived measures (margins, expense ratios, leverage) the catalog computes from the statements. */
import { Engine, references, shiftPeriod } from "../../core";
import { PlannedRow, PlannedSheet, sortedUnique } from "./plan";
import { HEADER_ROW, SHEET_NAMES } from "./types";

export function planRatios(engine: Engine, statements: PlannedSheet[]): PlannedSheet {
  const available = new Set<string>();
  for (const s of statements) for (const r of s.rows) if (r.metric) for (const p of r.periods) available.add(`${r.metric}|${p}`);
  const rows: PlannedRow[] = [];
  let row = HEADER_ROW + 1;
  for (const metric of engine.metrics()) {
    if (metric.statement !== "DERIVED" || !metric.expr) continue;
    const refs = references(metric.expr);
    const periods = engine.periods(metric.id).filter((p) => refs.every((r) => available.has(`${r.id}|${shiftPeriod(p, r.offset)}`)));
    if (periods.length === 0) continue;
    periods.forEach((p) => available.add(`${metric.id}|${p}`));
    rows.push({ row: row++, label: metric.label, metric: metric.id, line: null, bold: false, periods });
  }
  return {
    name: SHEET_NAMES.ratios,
    kind: "ratios",
    periods: sortedUnique(rows.flatMap((r) => r.periods)),
    title: "Kingsoft Cloud Holdings Limited: derived measures",
    subtitle: "Margins, expense ratios and leverage an analyst derives from the statements (not printed in the filing).",
    source: "Every figure is a formula over the statement sheets.",
    rows,
  };
}

