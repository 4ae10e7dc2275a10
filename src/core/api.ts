/**
 * The core's public surface: one plain function per KC operation. Adapters (Excel custom functions, the task pane,
 * the kc CLI) call only these. Arguments arrive as Excel would send them (strings, numbers, booleans, null for an
 * omitted optional, 2-D arrays for ranges), so every function validates its own input.
 * Every failure is a KcError (invalidValue -> #VALUE!, notAvailable -> #N/A) with a message that says what to type.
 *
 * CONTRACT (implementation in progress):
 *   metricValue("AdjustedEBITDA", "2026Q1")            -> 747506
 *   metricValue("TotalRevenues", "2026Q1", "USD", "millions") -> 391.959
 *   metricValue("GrossProfit", "2026Q1", null, null, [["TotalRevenues", 3000000]]) -> 642016
 *   margin("GrossProfit", "2026Q1")                    -> 0.12787...
 *   growth("NetLoss", "2026Q1")                        -> 0.0873...    growth(x, "2025Q4") -> notAvailable
 *   reported("GrossMargin", "2026Q1")                  -> 0.128
 *   source("NetLoss", "2026Q1")                        -> "Statements of comprehensive loss · Net loss · Mar 31, 2026 RMB · line 249"
 *   statement("IS", null)                              -> [["Metric"|label header, "2025Q1", ...], [label, n, ...], ...]
 *   series("TotalRevenues")                            -> [["Period", "Value"], ["2025Q1", 1969977], ...]
 *   metrics(null, "ebitda")                            -> [["Id","Label","Statement","Unit"], ...]
 *   periods(null)                                      -> [["2025Q1"], ["2025Q4"], ["2026Q1"]]
 *   checks()                                           -> [["Identity","Period","Printed","Recomputed","Status"], ...]
 */
export type Cell = string | number | boolean;
export type Matrix = Cell[][];
/** What Excel passes for one argument: a scalar, null when omitted, or a range / array constant. */
export type ExcelArg = string | number | boolean | null | undefined | unknown[][];
