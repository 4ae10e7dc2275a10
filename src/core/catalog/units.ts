import type { Currency } from "../dataset";

/**
 * The units a metric can be in, and everything that follows from a unit: whether it carries a currency, the power of
 * ten its values are held in, how Excel and the task pane show it, and whether its value is always recomputed from the
 * amounts. Nothing else in the code decides these.
 */
export type Unit = "amount" | "perShare" | "perADS" | "shares" | "ratio" | "rate";

/** How a call asks for amounts to be scaled; "asPrinted" keeps each unit as the filing prints it. */
export type Scale = "asPrinted" | "units" | "thousands" | "millions" | "billions";

/** "asPresented": the filing's own sign (costs and losses negative); "nonNegative": never below zero; "positive": above zero. */
export type SignConvention = "asPresented" | "nonNegative" | "positive";

export interface UnitFacts {
  /** Amounts and per-share amounts are in RMB or US$; ratios, share counts and the exchange rate have no currency. */
  currency: boolean;
  /** The power of ten values are held in (amounts in thousands, share counts in shares); null: never scaled. */
  nativeExponent: number | null;
  /** Excel number format, as the filing prints such figures: thousands with negatives in parentheses, ratios as %. */
  numberFormat: string;
  /** Decimals the task pane shows (of the percentage, for a ratio). */
  displayDecimals: number;
  /** Shown as a percentage. */
  percent: boolean;
  /** Printed rounded (12.8%, (0.08)): the value is always recomputed from the amounts; KC.REPORTED gives the printed one. */
  alwaysComputed: boolean;
  sign: SignConvention;
  /**
   * How the release prints such figures: decimals of the value in the unit (a percentage as a fraction: "12.8%" is
   * 0.128, 3 decimals), whether as a percentage, and in words for messages. A rounded figure ties to this precision.
   */
  printed: { decimals: number; percent: boolean; description: string };
  /** What one value means, for headers and the catalog: "RMB thousands", "ratio". */
  label: (currency: Currency, scale: Scale) => string;
}

const money = (currency: Currency): string => (currency === "USD" ? "US$" : "RMB");

export const UNITS: Readonly<Record<Unit, UnitFacts>> = {
  amount: {
    currency: true,
    nativeExponent: 3,
    numberFormat: "#,##0;(#,##0)",
    displayDecimals: 0,
    percent: false,
    alwaysComputed: false,
    sign: "asPresented",
    printed: { decimals: 0, percent: false, description: "amounts in whole thousands, such as 710,901 or (31,068)" },
    label: (currency, scale) => {
      const amountScale = scale === "asPrinted" ? "thousands" : scale;
      return amountScale === "units" ? money(currency) : `${money(currency)} ${amountScale}`;
    },
  },
  perShare: {
    currency: true,
    nativeExponent: null,
    numberFormat: "#,##0.00;(#,##0.00)",
    displayDecimals: 2,
    percent: false,
    alwaysComputed: true,
    sign: "asPresented",
    printed: { decimals: 2, percent: false, description: "per-share amounts to 2 decimals, such as (0.08)" },
    label: (currency) => `${money(currency)} per share`,
  },
  perADS: {
    currency: true,
    nativeExponent: null,
    numberFormat: "#,##0.00;(#,##0.00)",
    displayDecimals: 2,
    percent: false,
    alwaysComputed: true,
    sign: "asPresented",
    printed: { decimals: 2, percent: false, description: "per-ADS amounts to 2 decimals, such as (1.13)" },
    label: (currency) => `${money(currency)} per ADS`,
  },
  shares: {
    currency: false,
    nativeExponent: 0,
    numberFormat: "#,##0",
    displayDecimals: 0,
    percent: false,
    alwaysComputed: false,
    sign: "nonNegative",
    printed: { decimals: 0, percent: false, description: "share counts in whole shares, such as 4,555,310,453" },
    label: (_currency, scale) => (scale === "asPrinted" || scale === "units" ? "shares" : `shares, ${scale}`),
  },
  ratio: {
    currency: false,
    nativeExponent: null,
    numberFormat: "0.0%",
    displayDecimals: 1,
    percent: true,
    alwaysComputed: true,
    sign: "asPresented",
    printed: { decimals: 3, percent: true, description: "margins as percentages to 1 decimal, such as 12.8% or -5.9%" },
    label: () => "ratio",
  },
  rate: {
    currency: false,
    nativeExponent: null,
    numberFormat: "0.0000",
    displayDecimals: 4,
    percent: false,
    alwaysComputed: false,
    sign: "positive",
    printed: { decimals: 4, percent: false, description: "the exchange rate to 4 decimals, such as 6.8980" },
    label: () => "RMB per US$",
  },
};

/** The unit's Excel number format (one table for the task pane, the preview and the exported workbook). */
export const numberFormat = (unit: Unit): string => UNITS[unit].numberFormat;

export const unitLabel = (unit: Unit, currency: Currency, scale: Scale): string => UNITS[unit].label(currency, scale);

/** A value for display, as the unit is shown: "2,703,732", "(343,720)", "12.8%", "(4.8%)", "(0.08)". */
export function formatValue(value: number, unit: Unit): string {
  const facts = UNITS[unit];
  return formatNumber(value, { decimals: facts.displayDecimals, percent: facts.percent });
}

/**
 * A number for display with thousands separators and negatives in parentheses: "(49,831)", "4,125,290.519", "(4.8%)".
 * `decimals` are always shown, up to `maxDecimals` when the value has them; `percent` shows a fraction as a percentage.
 */
export function formatNumber(value: number, { decimals = 0, maxDecimals = decimals, percent = false }: { decimals?: number; maxDecimals?: number; percent?: boolean } = {}): string {
  const shown = percent ? value * 100 : value;
  const text = Math.abs(shown).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: Math.max(decimals, maxDecimals) });
  const zero = /^[0.,]+$/.test(text);
  const body = percent ? `${text}%` : text;
  return shown < 0 && !zero ? `(${body})` : body;
}

/** The unit an Excel number format shows (the first with that format), or null for "General" and other formats. */
export function unitOfFormat(format: string | undefined): Unit | null {
  for (const unit of Object.keys(UNITS) as Unit[]) if (UNITS[unit].numberFormat === format) return unit;
  return null;
}
