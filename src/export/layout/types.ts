/**
 * The portable model as data: which cell holds what, on which sheet, with which number format and note. Pure (no
 * exceljs, no Office.js), so `kc export-model` and the task pane's "Build model" lay out the same workbook; each has
 * its own thin writer. This file holds the shapes and the facts every sheet's builder shares.
 */
import { Block, PeriodKey, STATEMENTS, a1 } from "../../core";

export const LINE_FORMAT = "0";

/** What a cell is, so writers and tests need not guess from its content. */
export type CellRole =
  | "text" // titles, labels, prose
  | "header" // column headers
  | "printed" // a figure as printed (a constant)
  | "computed" // a metric the catalog computes, as a formula over other metric cells
  | "reference" // a metric printed again elsewhere: a formula pointing at its home cell
  | "line" // the filing line a row's figures are printed on
  | "input" // a scenario input (a constant the user types over)
  | "change" // scenario minus reported
  | "kc" // a KC formula (the acceptance workbook's checks, which need the add-in)
  | "expected" // the figure a check expects, from the filing
  | "verdict"; // PASS / FAIL, and the acceptance workbook's summary

export type CellStyle = "title" | "subtitle" | "header" | "heading" | "total" | "input" | "muted" | "prose" | "code";

/** The figure as the filing prints it on this cell's row. `value` is exact (a decimal string, "0.128" for 12.8%). */
export interface PrintedRef {
  value: string;
  decimals: number;
  text: string;
  line: number;
}

export interface LayoutCell {
  /** 1-based row and column; `address` is the same in A1 form ("C7"). */
  row: number;
  col: number;
  address: string;
  role: CellRole;
  /** A constant; absent for formula cells. */
  value?: string | number;
  /** An Excel formula without the leading "=", e.g. "C5+C6" or "IS!C9/IS!C7". */
  formula?: string;
  /** The core's exact value of the formula, for viewers that show cached results without recalculating. */
  result?: number;
  numFmt?: string;
  note?: string;
  style?: CellStyle;
  metric?: string;
  period?: PeriodKey;
  /** The figure the filing prints for this cell, which its value or formula must reproduce. */
  printed?: PrintedRef;
}

export interface SheetLayout {
  name: string;
  /** Column widths in characters, column A first. */
  widths: number[];
  /** Rows and columns kept in view when scrolling. */
  freeze: { rows: number; cols: number };
  cells: LayoutCell[];
}

export interface ScenarioLayout {
  sheet: string;
  period: PeriodKey;
  /** Input cells (constants) by metric id: "D7". */
  inputs: Array<{ metric: string; address: string }>;
  /** Recomputed cells by metric id, each a formula that reads the inputs directly or through other results. */
  results: Array<{ metric: string; address: string }>;
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
  latest: PeriodKey;
  /** The home cell of each metric and period, "Sheet!C7" (sheet name quoted when needed), keyed "Metric|2026Q1". */
  homes: Record<string, string>;
  scenario: ScenarioLayout;
  /** The Forecast sheet, when one was asked for (LayoutOptions.forecastQuarters). */
  forecast?: import("./forecast").ForecastLayout;
  /** The native charts: the task pane adds them through Office.js, the .xlsx writer as DrawingML. */
  charts: ChartSpec[];
}

/**
 * A native chart over a data block whose first row names the series and first column holds the categories (periods).
 * `lines` are the series (0-based, after the category column) drawn as lines on a secondary (percent) axis; the rest are
 * stacked columns on the primary axis. `at` is where the chart sits. Blocks count rows and columns from 0, as Office.js
 * and DrawingML do (layout cells count from 1).
 */
export interface ChartSpec {
  sheet: string;
  title: string;
  data: Block;
  lines: number[];
  /** Number formats of the primary (columns) and secondary (lines) value axes. */
  axisFormats: { primary: string; secondary: string };
  at: Block;
}

export interface LayoutOptions {
  /** Metrics the Scenario sheet lets the user change for the latest quarter. */
  scenarioInputs?: readonly string[];
  filing?: { name: string; sha256: string };
  /** Estimated quarters of a Forecast sheet (1 to 8); none when absent. */
  forecastQuarters?: number;
}

/** What the Scenario sheet lets the user change for the latest quarter, unless told otherwise. */
export const DEFAULT_SCENARIO_INPUTS: readonly string[] = [
  "PublicCloudRevenues",
  "EnterpriseCloudRevenues",
  "CostOfRevenues",
  "SellingAndMarketingExpenses",
  "GeneralAndAdministrativeExpenses",
  "ResearchAndDevelopmentExpenses",
  "ShareBasedCompensation",
  "DepreciationAndAmortization",
];

/** The workbook's sheets: the statements' and the derived measures' as the catalog names them, About and Scenario. */
export const SHEET_NAMES = {
  about: "About",
  IS: STATEMENTS.IS.sheet as string,
  BS: STATEMENTS.BS.sheet as string,
  CF: STATEMENTS.CF.sheet as string,
  NONGAAP: STATEMENTS.NONGAAP.sheet as string,
  ratios: STATEMENTS.DERIVED.sheet as string,
  scenario: "Scenario",
} as const;

/** Columns (1-based) and the header row of the statement and ratio sheets. */
export const LABEL_COL = 1;
export const FIRST_PERIOD_COL = 2;
export const HEADER_ROW = 5;

/** "C7" for a 1-based row and column, as the layout counts them. */
export const cellAddress = (row: number, col: number): string => a1(row - 1, col - 1);

/** The cell that holds a metric for a period: its sheet and address ("C7"). */
export interface Home {
  sheet: string;
  address: string;
}

/** Where a metric's figure for a period is in the workbook, if it has a cell. */
export type HomeOf = (id: string, period: PeriodKey) => Home | undefined;

