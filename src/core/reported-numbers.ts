import type { Scale } from "./catalog";
import type { Currency } from "./dataset";
import { PeriodKey, quarterOrdinal } from "./periods";

/** Variants of one figure: RMB and US$, each in the five scales. */
const VARIANTS = 10;

/** A figure's variant: RMB first, then US$, each in the five scales. */
function variantOf(currency: Currency, scale: Scale): number {
  const base = currency === "USD" ? 5 : 0;
  switch (scale) {
    case "asPrinted":
      return base;
    case "units":
      return base + 1;
    case "thousands":
      return base + 2;
    case "millions":
      return base + 3;
    default:
      return base + 4;
  }
}

/** One metric's quarters: variants of each quarter from `first` (a quarter ordinal) on, side by side. */
interface QuarterRow {
  first: number;
  values: (number | undefined)[];
}

/**
 * Reported figures as Excel numbers (no overrides), by metric id, period, currency and scale: one Map lookup (the id)
 * and an array index for a quarter; fiscal years and other keys in nested Maps. The keys are canonical, so it holds at
 * most the catalog's figures, ten variants each.
 */
export class ReportedNumbers {
  private readonly quarters = new Map<string, QuarterRow>();
  private readonly otherPeriods = new Map<PeriodKey, Map<string, (number | undefined)[]>>();

  get(id: string, period: PeriodKey, currency: Currency, scale: Scale): number | undefined {
    const ordinal = quarterOrdinal(period);
    if (ordinal < 0) return this.otherPeriods.get(period)?.get(id)?.[variantOf(currency, scale)];
    const row = this.quarters.get(id);
    if (row === undefined) return undefined;
    const index = (ordinal - row.first) * VARIANTS + variantOf(currency, scale);
    return index >= 0 ? row.values[index] : undefined;
  }

  set(id: string, period: PeriodKey, currency: Currency, scale: Scale, value: number): void {
    const variant = variantOf(currency, scale);
    const ordinal = quarterOrdinal(period);
    if (ordinal < 0) {
      let byId = this.otherPeriods.get(period);
      if (!byId) this.otherPeriods.set(period, (byId = new Map()));
      let values = byId.get(id);
      if (!values) byId.set(id, (values = new Array<number | undefined>(VARIANTS).fill(undefined)));
      values[variant] = value;
      return;
    }
    let row = this.quarters.get(id);
    if (!row) this.quarters.set(id, (row = { first: ordinal, values: [] }));
    if (ordinal < row.first) {
      // An earlier quarter than any so far: the row starts there now.
      row.values = [...new Array<number | undefined>((row.first - ordinal) * VARIANTS).fill(undefined), ...row.values];
      row.first = ordinal;
    }
    const index = (ordinal - row.first) * VARIANTS + variant;
    while (row.values.length < index) row.values.push(undefined);
    row.values[index] = value;
  }
}
