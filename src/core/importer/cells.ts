import type { PrintedCell } from "../dataset";

const NUMBER = /^(\()?(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%)?(\))?$/;
const DASHES: ReadonlySet<string> = new Set(["-", "–", "—"]);

/**
 * One printed figure to its exact value: "(1,234)" is -1234, "-" is 0, "16.2%" is 0.162, "-16.0%" is -0.16.
 * Returns null when the text is not a figure; the caller reports the line.
 */
export function parseCell(raw: string): PrintedCell | null {
  const text = raw.trim();
  if (DASHES.has(text)) return { text, value: "0", decimals: 0, percent: false };
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, open, minus, whole, fraction = "", percentSign, close] = m;
  if (Boolean(open) !== Boolean(close) || (open && minus)) return null;
  const negative = Boolean(open || minus);
  const digits = whole.replace(/,/g, "");
  const percent = Boolean(percentSign);
  const value = percent ? shiftLeft(digits, fraction, 2) : fraction ? `${digits}.${fraction}` : digits;
  return {
    text,
    value: normalize(negative ? `-${value}` : value),
    decimals: fraction.length + (percent ? 2 : 0),
    percent,
  };
}

/** digits.fraction divided by 10^places, as exact decimal text. */
function shiftLeft(digits: string, fraction: string, places: number): string {
  const all = (digits + fraction).padStart(fraction.length + places + 1, "0");
  const point = all.length - fraction.length - places;
  return `${all.slice(0, point)}.${all.slice(point)}`;
}

/** Canonical decimal text: no leading zeros, no trailing fractional zeros, no "-0". */
function normalize(value: string): string {
  const negative = value.startsWith("-");
  let [int, frac = ""] = (negative ? value.slice(1) : value).split(".");
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : int;
  return negative && body !== "0" ? `-${body}` : body;
}
