import type { Currency } from "./dataset";
import { D, Dec } from "./decimal";
import { invalidValue, notAvailable } from "./errors";
import { quote } from "./lookup";
import type { Unit } from "./catalog";

/** The call options every KC function shares: currency and scale, read from what Excel passes. */

export type Scale = "asPrinted" | "units" | "thousands" | "millions" | "billions";

// Maps, not object literals: a typed "constructor" or "__proto__" must not find Object.prototype's properties.
const CURRENCIES = new Map<string, Currency>(Object.entries({ rmb: "RMB", cny: "RMB", "¥": "RMB", usd: "USD", "us$": "USD", $: "USD", us: "USD" } satisfies Record<string, Currency>));
const SCALES = new Map<string, Scale>(Object.entries({
  units: "units", unit: "units", ones: "units", "1": "units",
  thousands: "thousands", thousand: "thousands", k: "thousands", "000": "thousands", "1000": "thousands",
  millions: "millions", million: "millions", m: "millions", mm: "millions", mn: "millions", "1000000": "millions",
  billions: "billions", billion: "billions", b: "billions", bn: "billions", "1000000000": "billions",
} satisfies Record<string, Scale>));

export const isBlank = (arg: unknown): boolean => arg === null || arg === undefined || arg === "";

export function readCurrency(arg: unknown): Currency {
  if (isBlank(arg)) return "RMB";
  const found = typeof arg === "string" ? CURRENCIES.get(arg.trim().toLowerCase()) : undefined;
  if (!found) throw invalidValue(`Currency '${quote(String(arg))}' is not available. Type "RMB" (the default) or "USD".`);
  return found;
}

export function readScale(arg: unknown): Scale {
  if (isBlank(arg)) return "asPrinted";
  const found = typeof arg === "string" || typeof arg === "number" ? SCALES.get(String(arg).trim().toLowerCase()) : undefined;
  if (!found) throw invalidValue(`Scale '${quote(String(arg))}' is not valid. Type "thousands" (as printed), "units", "millions" or "billions".`);
  return found;
}

/** Amounts are held in thousands and share counts in units, as printed; ratios and per-share amounts never scale. */
const NATIVE_EXPONENT: Partial<Record<Unit, number>> = { amount: 3, shares: 0 };
const SCALE_EXPONENT: Record<Exclude<Scale, "asPrinted">, number> = { units: 0, thousands: 3, millions: 6, billions: 9 };

/** Power of ten that turns a held value into the requested scale (0 when nothing changes). */
export function scaleShift(unit: Unit, scale: Scale): number {
  const native = NATIVE_EXPONENT[unit];
  if (native === undefined || scale === "asPrinted") return 0;
  return native - SCALE_EXPONENT[scale];
}

/** Exact powers of ten by exponent; scaling multiplies by one (dividing by 10^n would be a 40-digit division). */
const POWERS = new Map<number, Dec>([-9, -6, -3, 3, 6, 9].map((n) => [n, D(10).pow(n)]));

export function toScale(value: Dec, unit: Unit, scale: Scale): Dec {
  const shift = scaleShift(unit, scale);
  return shift === 0 ? value : value.times(POWERS.get(shift)!);
}

export function fromScale(value: Dec, unit: Unit, scale: Scale): Dec {
  const shift = scaleShift(unit, scale);
  return shift === 0 ? value : value.times(POWERS.get(-shift)!);
}

/** A Decimal as an Excel number: finite, and never -0. */
export function toNumber(value: Dec): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) throw notAvailable("The result is beyond the range of an Excel number; check the overrides.");
  return n === 0 ? 0 : n;
}

/**
 * Excel number format for each unit, as the filing prints its figures: thousands with negatives in parentheses,
 * ratios as percentages, per-share amounts with two decimals. The task pane and the exported workbook both use it.
 */
export const NUMBER_FORMATS: Readonly<Record<Unit, string>> = {
  amount: "#,##0;(#,##0)",
  ratio: "0.0%",
  perShare: "#,##0.00;(#,##0.00)",
  shares: "#,##0",
  rate: "0.0000",
};

export function unitLabel(unit: Unit, currency: Currency, scale: Scale): string {
  const money = currency === "USD" ? "US$" : "RMB";
  const amountScale = scale === "asPrinted" ? "thousands" : scale;
  switch (unit) {
    case "amount":
      return amountScale === "units" ? money : `${money} ${amountScale}`;
    case "perShare":
      return `${money} per share`;
    case "shares":
      return scale === "asPrinted" || scale === "units" ? "shares" : `shares, ${scale}`;
    case "ratio":
      return "ratio";
    case "rate":
      return "RMB per US$";
  }
}
