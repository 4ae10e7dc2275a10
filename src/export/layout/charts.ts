/**
 * The workbook's native charts, declared once: the Ratios sheet's chart of the revenue mix and margins (its data block
 * is laid out here, below the ratios), and the chart a data block of the layout gets (the Forecast sheet's uses it).
 * The task pane adds them through Office.js, the .xlsx writer as DrawingML (../xlsx-charts.ts).
 */
import { Engine, numberFormat, toNumber } from "../../core";
import { qualified } from "./formulas";
import { ChartSpec, HomeOf, LayoutCell, SheetLayout, cellAddress } from "./types";

/** The Ratios chart's series: the revenue mix as stacked columns, then the margins as lines on the percent axis. */
export const MODEL_CHART_METRICS = {
  mix: ["PublicCloudRevenues", "EnterpriseCloudRevenues"],
  margins: ["GrossMargin", "AdjustedEBITDAMargin"],
} as const;

/** Where a chart's data block is: its header row's first cell (1-based, as the layout counts) and its size. */
export interface DataBlock {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The percent format of the line series' axis. */
const PERCENT_AXIS = "0%";
/** Rows and columns a chart covers, one blank row below its data. */
const CHART_ROWS = 18;

/**
 * A combo chart of a data block: the columns `lines` (0-based, after the category column) as lines on the percent axis,
 * the others as stacked columns of RMB thousands; placed below the data, `cols` columns wide.
 */
export function comboChart(sheet: string, title: string, data: DataBlock, lines: number[], cols: number): ChartSpec {
  const top = data.row - 1;
  return {
    sheet,
    title,
    data: { sheet, row: top, col: data.col - 1, rows: data.rows, cols: data.cols },
    lines,
    axisFormats: { primary: numberFormat("amount"), secondary: PERCENT_AXIS },
    at: { sheet, row: top + data.rows + 1, col: 0, rows: CHART_ROWS, cols },
  };
}

/** A series' name: the metric's label without a leading dash or "Less:" (as the task pane shows labels). */
const seriesName = (label: string): string => label.replace(/^(?:[–-]\s*|Less:\s*)/, "");

/**
 * Adds the chart's data block below the Ratios sheet's last row (the periods down, the revenue mix and the margins
 * across, each a link to its home cell) and returns the chart over it.
 */
export function addModelChart(engine: Engine, ratios: SheetLayout, home: HomeOf): ChartSpec {
  const series = [...MODEL_CHART_METRICS.mix, ...MODEL_CHART_METRICS.margins];
  const periods = engine.periods("GrossMargin").filter((p) => series.every((id) => home(id, p)));
  const put = (cell: Omit<LayoutCell, "address">) => ratios.cells.push({ ...cell, address: cellAddress(cell.row, cell.col) });
  const heading = Math.max(...ratios.cells.map((c) => c.row)) + 2;
  put({ row: heading, col: 1, role: "text", style: "heading", value: "Chart data: revenue mix and margins" });
  const top = heading + 1;
  ["Period", ...series.map((id) => seriesName(engine.metric(id).label))].forEach((value, i) => put({ row: top, col: 1 + i, role: "header", style: "header", value }));
  periods.forEach((period, r) => {
    put({ row: top + 1 + r, col: 1, role: "text", value: period });
    series.forEach((id, i) => {
      const formula = qualified(home(id, period)!, ratios.name);
      const numFmt = numberFormat(engine.metric(id).unit);
      put({ row: top + 1 + r, col: 2 + i, role: "reference", formula, result: toNumber(engine.exact(id, period)), numFmt, metric: id, period });
    });
  });
  const data = { row: top, col: 1, rows: periods.length + 1, cols: series.length + 1 };
  const lines = MODEL_CHART_METRICS.margins.map((_, i) => MODEL_CHART_METRICS.mix.length + i);
  return comboChart(ratios.name, "Revenue mix (RMB thousands) and margins", data, lines, 5);
}
