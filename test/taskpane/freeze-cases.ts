/**
 * The cells of issue 13's Freeze cases, for the Office.js and the preview tests alike: one KC call, KC mixed with other
 * logic (D1 holds 2), and KC only inside a text.
 */
export const NOW = new Date("2026-05-30T10:00:00Z");
export const EBITDA = '=KC.METRIC("AdjustedEBITDA","2026Q1")';
export const TIMES = '=D1*KC.METRIC("TotalRevenues","2026Q1")';
export const IF_MARGIN = '=IF(D1>0,KC.MARGIN("GrossProfit","2026Q1"),D1)';
export const TEXT = '="see KC.METRIC("&D1&")"';
