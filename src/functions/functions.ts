/**
 * The KC custom functions (namespace KC, set in manifest.xml). Each is a thin adapter: Excel's arguments go to one core
 * call (the engine's Excel face, src/core/excel.ts, named), and adapter.ts runs it and turns the result or the failure
 * into what Excel shows.
 *
 * CustomFunctionsMetadataPlugin reads the JSDoc below to generate functions.json and appends the
 * CustomFunctions.associate(...) calls at build time, so this file holds plain functions only.
 * Ids (the first word after @customfunction) are stored in users' workbooks: never change one.
 * Optional parameters arrive as null. `any[][]` parameters accept one cell or a range (a single value arrives as [[value]]).
 */
import { asNumber, asTable, asText, metricNumber } from "./adapter";

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel passes ranges as any[][] */

/**
 * A figure from Kingsoft Cloud's statements, recomputed through the statement model. Example: =KC.METRIC("AdjustedEBITDA","2026Q1") returns 747506 (RMB thousands).
 * @customfunction METRIC METRIC
 * @helpurl https://localhost:3000/help.html#kc-metric
 * @param metric Metric id (list them with KC.METRICS). Example: "AdjustedEBITDA"
 * @param period Quarter: 2026Q1, Q1 2026, 1Q26, a quarter-end date, or FQ0 (latest) and FQ-1 (the one before). Example: "2026Q1"
 * @param [currency] "RMB" as reported (default) or "USD" at the filing's convenience rate. Example: "USD"
 * @param [scale] Default as printed (amounts in thousands, share counts in shares); "units", "thousands", "millions" or "billions" apply to both; ratios and per-share amounts never scale. Example: "millions"
 * @param [overrides] Two-column range of metric ids and values that replace those figures; every dependent subtotal, bridge and margin is recomputed, or the call is refused. A row whose metric cell is blank is ignored. On desktop Excel a cleared value cell reads as 0: remove an override by clearing its metric cell. Example: A1:B1 holding TotalRevenues | 3000000
 * @returns The figure.
 */
export function metric(metric: string, period: any, currency?: string, scale?: string, overrides?: any[][]): number {
  return metricNumber(metric, period, currency, scale, overrides);
}

/**
 * A metric as a fraction of a base metric (default TotalRevenues), computed exactly. Example: =KC.MARGIN("GrossProfit","2026Q1") returns 0.1279 (345748 / 2703732).
 * @customfunction MARGIN MARGIN
 * @helpurl https://localhost:3000/help.html#kc-margin
 * @param metric Metric id of the numerator. Example: "GrossProfit"
 * @param period Quarter: 2026Q1, Q1 2026, 1Q26, a quarter-end date, or FQ0 (latest) and FQ-1 (the one before). Example: "2026Q1"
 * @param [base] Metric id of the denominator; default TotalRevenues. Example: "TotalRevenues"
 * @param [overrides] Two-column range of metric ids and values that replace those figures first. A row whose metric cell is blank is ignored. On desktop Excel a cleared value cell reads as 0: remove an override by clearing its metric cell. Example: A1:B1 holding TotalRevenues | 3000000
 * @returns The margin as a fraction.
 */
export function margin(metric: string, period: any, base?: string, overrides?: any[][]): number {
  return asNumber("margin", metric, period, base, overrides);
}

/**
 * Growth of a metric against the same quarter a year earlier (YoY, default) or the previous quarter (QoQ), as a fraction; #N/A (not meaningful) from a zero base or across a change of sign; for a ratio use KC.CHANGE. Example: =KC.GROWTH("TotalRevenues","2026Q1") returns 0.3725.
 * @customfunction GROWTH GROWTH
 * @helpurl https://localhost:3000/help.html#kc-growth
 * @param metric Metric id. Example: "TotalRevenues"
 * @param period Quarter: 2026Q1, Q1 2026, 1Q26, a quarter-end date, or FQ0 (latest) and FQ-1 (the one before). Example: "2026Q1"
 * @param [basis] "YoY" (default) or "QoQ". Example: "QoQ"
 * @param [overrides] Two-column range of metric ids and values that replace those figures in the period. A row whose metric cell is blank is ignored. On desktop Excel a cleared value cell reads as 0: remove an override by clearing its metric cell. Example: A1:B1 holding TotalRevenues | 3000000
 * @returns The growth as a fraction.
 */
export function growth(metric: string, period: any, basis?: string, overrides?: any[][]): number {
  return asNumber("growth", metric, period, basis, overrides);
}

/**
 * The change of a metric against the same quarter a year earlier (YoY, default) or the previous quarter (QoQ), in the metric's own unit; for a ratio, the change as a fraction (0.01 is one percentage point). Example: =KC.CHANGE("AdjustedEBITDAMargin","2026Q1") returns 0.1148.
 * @customfunction CHANGE CHANGE
 * @helpurl https://localhost:3000/help.html#kc-change
 * @param metric Metric id. Example: "AdjustedEBITDAMargin"
 * @param period Quarter: 2026Q1, Q1 2026, 1Q26, a quarter-end date, or FQ0 (latest) and FQ-1 (the one before). Example: "2026Q1"
 * @param [basis] "YoY" (default) or "QoQ". Example: "QoQ"
 * @param [overrides] Two-column range of metric ids and values that replace those figures in the period. A row whose metric cell is blank is ignored. On desktop Excel a cleared value cell reads as 0: remove an override by clearing its metric cell. Example: A1:B1 holding TotalRevenues | 3000000
 * @returns The change, in the metric's unit.
 */
export function change(metric: string, period: any, basis?: string, overrides?: any[][]): number {
  return asNumber("change", metric, period, basis, overrides);
}

/**
 * A figure exactly as printed in the filing, including printed ratios and per-share amounts. Example: =KC.REPORTED("GrossMargin","2026Q1") returns 0.128.
 * @customfunction REPORTED REPORTED
 * @helpurl https://localhost:3000/help.html#kc-reported
 * @param metric Metric id. Example: "GrossMargin"
 * @param period Quarter: 2026Q1, Q1 2026, 1Q26, a quarter-end date, or FQ0 (latest) and FQ-1 (the one before). Example: "2026Q1"
 * @param [currency] "RMB" (default) or "USD", for the columns the filing prints in US dollars. Example: "USD"
 * @returns The printed figure.
 */
export function reported(metric: string, period: any, currency?: string): number {
  return asNumber("reported", metric, period, currency);
}

/**
 * Where a figure comes from: statement, row as printed, column and line of the filing, or the definition of a computed metric. Example: =KC.SOURCE("NetLoss","2026Q1").
 * @customfunction SOURCE SOURCE
 * @helpurl https://localhost:3000/help.html#kc-source
 * @param metric Metric id. Example: "NetLoss"
 * @param period Quarter: 2026Q1, Q1 2026, 1Q26, a quarter-end date, or FQ0 (latest) and FQ-1 (the one before). Example: "2026Q1"
 * @param [currency] "RMB" (default) or "USD". Example: "RMB"
 * @returns The source, as text.
 */
export function source(metric: string, period: any, currency?: string): string {
  return asText("source", metric, period, currency);
}

/**
 * Spills a whole statement or non-GAAP bridge as printed: a header row, then every line in the filing's order (headings included), its label and its printed figures, one column per period. Example: =KC.STATEMENT("IS").
 * @customfunction STATEMENT STATEMENT
 * @helpurl https://localhost:3000/help.html#kc-statement
 * @param statement "BS", "IS", "CF" or "NONGAAP" (or the full statement name). Example: "IS"
 * @param [periods] One period or a range of periods (any form KC.METRIC accepts; blank cells are skipped); default every period the statement has. Example: "2026Q1"
 * @param [currency] "RMB" (default), "USD" (the filing's US$ column, other quarters translated and marked so), or "printed" (the filing's own columns, RMB and US$ side by side). Example: "printed"
 * @param [scale] Default as printed (amounts in thousands, share counts in shares); "units", "thousands", "millions" or "billions" apply to both. Example: "millions"
 * @returns The statement as a table.
 */
export function statement(statement: string, periods?: any[][], currency?: string, scale?: string): any[][] {
  return asTable("statement", statement, periods, currency, scale);
}

/**
 * Spills a metric across every period the filing has: a header row, then one row per period (period, value). Example: =KC.SERIES("TotalRevenues").
 * @customfunction SERIES SERIES
 * @helpurl https://localhost:3000/help.html#kc-series
 * @param metric Metric id. Example: "TotalRevenues"
 * @param [currency] "RMB" (default) or "USD". Example: "RMB"
 * @param [scale] Default as printed (amounts in thousands, share counts in shares); "units", "thousands", "millions" or "billions" apply to both. Example: "millions"
 * @returns Periods and values.
 */
export function series(metric: string, currency?: string, scale?: string): any[][] {
  return asTable("series", metric, currency, scale);
}

/**
 * Spills the catalog of metrics (id, label, statement, unit), optionally for one statement or matching a search. Example: =KC.METRICS("IS","loss").
 * @customfunction METRICS METRICS
 * @helpurl https://localhost:3000/help.html#kc-metrics
 * @param [statement] "BS", "IS", "CF" or "NONGAAP"; default all. Example: "NONGAAP"
 * @param [search] Text to look for in ids and labels. Example: "ebitda"
 * @returns The catalog as a table.
 */
export function metrics(statement?: string, search?: string): any[][] {
  return asTable("metrics", statement, search);
}

/**
 * Spills the periods the filing covers, or those a given metric has. Example: =KC.PERIODS().
 * @customfunction PERIODS PERIODS
 * @helpurl https://localhost:3000/help.html#kc-periods
 * @param [metric] Metric id; default every period. Example: "CashAndCashEquivalents"
 * @returns The periods as a column.
 */
export function periods(metric?: string): any[][] {
  return asTable("periods", metric);
}

/**
 * Spills the tie-out table: every subtotal identity per period, the printed and recomputed figures, and the status. Example: =KC.CHECKS().
 * @customfunction CHECKS CHECKS
 * @helpurl https://localhost:3000/help.html#kc-checks
 * @returns The checks as a table.
 */
export function checks(): any[][] {
  return asTable("checks");
}
