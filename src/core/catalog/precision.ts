import type { Unit } from "./units";

/**
 * How the release prints each metric in its tables: the decimals of the value in the metric's own unit (a percentage
 * as a fraction: "12.8%" is 0.128, 3 decimals) and whether it is printed as a percentage. A rounded figure (a margin,
 * a per-share amount) ties to this precision, never to the decimals the figure itself shows: a per-share loss garbled
 * from "(0.01)" to "(0.0)" must not tie at one decimal. A table figure printed any other way is not in the release's
 * number format ("710.901" for 710,901 is another locale's grouping).
 */
export interface PrintedPrecision {
  decimals: number;
  percent: boolean;
  /** How the release prints such figures, for messages. */
  description: string;
}

const BY_UNIT: Readonly<Record<Unit, PrintedPrecision>> = {
  amount: { decimals: 0, percent: false, description: "amounts in whole thousands, such as 710,901 or (31,068)" },
  perShare: { decimals: 2, percent: false, description: "per-share amounts to 2 decimals, such as (0.08)" },
  shares: { decimals: 0, percent: false, description: "share counts in whole shares, such as 4,555,310,453" },
  ratio: { decimals: 3, percent: true, description: "margins as percentages to 1 decimal, such as 12.8% or -5.9%" },
  rate: { decimals: 4, percent: false, description: "the exchange rate to 4 decimals, such as 6.8980" },
};

/** Metrics the release prints otherwise than their unit's kind (none in this release's format). */
const BY_METRIC: ReadonlyMap<string, PrintedPrecision> = new Map();

export function printedPrecision(metric: { id: string; unit: Unit }): PrintedPrecision {
  return BY_METRIC.get(metric.id) ?? BY_UNIT[metric.unit];
}
