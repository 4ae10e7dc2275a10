/**
 * The cells of a planned sheet. Printed figures are constant values with the filing line they come from beside them.
 * Every metric the catalog computes (subtotals, non-GAAP measures, margins, per-share amounts) is a native Excel
 * formula: the catalog formula with each metric id replaced by the cell that holds that metric for that period, on
 * whichever sheet. A metric printed twice (gross profit on the income statement and in the bridge) has one home cell;
 * its other rows reference it.
 */
import { Engine, Metric, PeriodKey, PrintedFigure, UNITS, numberFormat, sheetPrefix, toNumber } from "../../core";
import { qualified, translate } from "./formulas";
import { PlannedSheet, ownColumns, periodCol } from "./plan";
import { FIRST_PERIOD_COL, HEADER_ROW, Home, HomeOf, LINE_FORMAT, LABEL_COL, LayoutCell, PrintedRef, SheetLayout, cellAddress } from "./types";

export function emitSheet(engine: Engine, plan: PlannedSheet, home: HomeOf): SheetLayout {
  const cells: LayoutCell[] = [];
  const lineCol = FIRST_PERIOD_COL + plan.periods.length;
  const idCol = lineCol + 1;
  const howCol = idCol + 1;
  const put = (cell: Omit<LayoutCell, "address">) => cells.push({ ...cell, address: cellAddress(cell.row, cell.col) });

  put({ row: 1, col: 1, role: "text", value: plan.title, style: "title" });
  put({ row: 2, col: 1, role: "text", value: plan.subtitle, style: "subtitle" });
  if (plan.source) put({ row: 3, col: 1, role: "text", value: plan.source, style: "muted" });
  const corner = plan.kind === "BS" ? "As of" : plan.kind === "ratios" ? "Period" : "Three months ended";
  put({ row: HEADER_ROW, col: LABEL_COL, role: "header", value: corner, style: "header" });
  plan.periods.forEach((p, i) => put({ row: HEADER_ROW, col: FIRST_PERIOD_COL + i, role: "header", value: p, style: "header", note: periodNote(engine, plan, p) }));
  put({ row: HEADER_ROW, col: lineCol, role: "header", value: "Line", style: "header", note: `Line of ${engine.dataset.sourceName} the row's figures are printed on.` });
  put({ row: HEADER_ROW, col: idCol, role: "header", value: "Metric", style: "header", note: "The KC metric id (as in =KC.METRIC(\"id\", period) in the add-in)." });
  put({ row: HEADER_ROW, col: howCol, role: "header", value: "How", style: "header" });

  for (const r of plan.rows) {
    put({ row: r.row, col: LABEL_COL, role: "text", value: r.label, style: r.style ?? (r.bold ? "total" : undefined) });
    if (!r.metric) continue;
    const metric = engine.metric(r.metric);
    if (r.line !== null) put({ row: r.row, col: lineCol, role: "line", value: r.line, numFmt: LINE_FORMAT, style: "muted" });
    put({ row: r.row, col: idCol, role: "text", value: metric.id, style: "code" });
    let how = "As printed";
    for (const period of r.periods) {
      const col = periodCol(plan, period);
      const address = cellAddress(r.row, col);
      const printed = r.line === null ? undefined : printedOnLine(engine, metric, period, r.line);
      const numFmt = numberFormat(metric.unit);
      const style = r.bold ? "total" : undefined;
      const own = home(metric.id, period);
      const exact = toNumber(engine.exact(metric.id, period));
      const base = { row: r.row, col, metric: metric.id, period, numFmt, style, printed: printed && printedRef(printed) } as const;
      if (own && (own.sheet !== plan.name || own.address !== address)) {
        put({ ...base, role: "reference", formula: `${qualified(own, plan.name)}`, result: exact, note: referenceNote(printed, own) });
        how = `Same figure as ${own.sheet === plan.name ? "" : `${own.sheet} `}row ${rowOf(own.address)}`;
        continue;
      }
      const formula = metric.expr ? translate(metric.expr, period, plan.name, home) : null;
      if (formula !== null) {
        put({ ...base, role: "computed", formula, result: exact, note: computedNote(metric, printed) });
        how = `Formula: ${metric.formula}`;
      } else if (printed) {
        put({ ...base, role: "printed", value: toNumber(printed.value), note: printedNote(printed) });
      }
    }
    put({ row: r.row, col: howCol, role: "text", value: how, style: "code" });
  }
  return {
    name: plan.name,
    widths: [62, ...plan.periods.map(() => 14), 7, 34, 60],
    freeze: { rows: HEADER_ROW, cols: 1 },
    cells,
  };
}

/**
 * The figure a row prints for a period: on the row's line of the latest release (whose tables are the layout); where
 * several releases are merged and the latest does not print that quarter, the figure of the release that does.
 */
function printedOnLine(engine: Engine, metric: Metric, period: PeriodKey, line: number): PrintedFigure | undefined {
  const currency = !UNITS[metric.unit].currency ? "" : "RMB";
  const releases = engine.releases();
  const figures = engine.printed(metric.id, period, currency);
  const onLine = figures.find((f) => f.provenance.line === line && f.provenance.release === releases[releases.length - 1].label);
  return onLine ?? (releases.length > 1 ? figures[0] : undefined);
}

function printedRef(f: PrintedFigure): PrintedRef {
  return { value: f.value.toFixed(), decimals: f.decimals, text: f.provenance.text, line: f.provenance.line };
}

function printedNote(f: PrintedFigure): string {
  const p = f.provenance;
  return `As printed: ${p.text}\n${p.statement}\n${p.row} · ${p.column}\nLine ${p.line} of the ${p.release}`;
}

function computedNote(metric: Metric, printed: PrintedFigure | undefined): string {
  const tie = printed
    ? `\nThe filing prints ${printed.provenance.text} (line ${printed.provenance.line})${metric.alwaysComputed ? ", rounded" : ""}.`
    : "\nNot printed in the filing.";
  return `Formula: ${metric.id} = ${metric.formula}${tie}`;
}

function referenceNote(printed: PrintedFigure | undefined, own: Home): string {
  const where = `${sheetPrefix(own.sheet)}${own.address}`;
  return printed ? `Printed again here: ${printed.provenance.text} (line ${printed.provenance.line}). The model's figure is ${where}.` : `Same figure as ${where}.`;
}

function periodNote(engine: Engine, plan: PlannedSheet, period: PeriodKey): string | undefined {
  if (plan.kind === "ratios") return undefined;
  const column = engine.tables(plan.kind).flatMap(ownColumns).find((c) => c.period === period);
  return column ? `As printed: ${column.header}` : undefined;
}

function rowOf(address: string): number {
  return Number(/[0-9]+$/.exec(address)?.[0]);
}
