/**
 * How the preview grid shows a number under an Excel number format, as Excel would: the format's section for the
 * value's sign ("#,##0;(#,##0)" puts negatives in parentheses, "0.0%" gives -4.8%), its decimals, a percent sign.
 * Enough for the formats the add-in writes (core's UNITS); "General" and anything else show the plain number.
 */
import { formatNumber } from "../../core";

export function formatCell(value: number, format: string | undefined): string {
  if (!format || format === "General") return String(value);
  const sections = format.split(";");
  const negative = value < 0 && sections.length > 1;
  const section = negative ? sections[1] : sections[0];
  const decimals = /\.([0#]+)/.exec(section)?.[1].length ?? 0;
  const text = formatNumber(Math.abs(value), { decimals, percent: section.includes("%") });
  if (negative) return /^\(.*\)$/.test(section) ? `(${text})` : text;
  return value < 0 ? `-${text}` : text;
}
