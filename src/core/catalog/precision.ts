import { UNITS, Unit } from "./units";

/**
 * How the release prints each metric in its tables: its unit's way (units.ts, `printed`). A rounded figure (a margin, a per-share amount) ties to this precision, never to the decimals the figure
 * itself shows: a per-share loss garbled from "(0.01)" to "(0.0)" must not tie at one decimal. A table figure printed
 * any other way is not in the release's number format ("710.901" for 710,901 is another locale's grouping).
 */
export type PrintedPrecision = (typeof UNITS)[Unit]["printed"];

export function printedPrecision(metric: { id?: string; unit: Unit }): PrintedPrecision {
  return UNITS[metric.unit].printed;
}
