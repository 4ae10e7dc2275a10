/**
 * Text typed on the command line read as Excel reads the same text typed into a cell, for arguments Excel passes as
 * values of any type (a period): "46112" is the number 46112 (the date serial of 2026-03-31), "TRUE" is TRUE, anything
 * else stays text ("2026Q1", "Mar 31, 2026", which the period reader reads itself). Text arguments (a metric, a
 * currency) are passed as typed, as Excel passes a cell to a text parameter.
 */

/** A plain decimal number, optionally signed, with a fraction and an exponent, spaces around it ignored. */
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?\s*$/i;

export function asTypedInACell(text: string): string | number | boolean {
  if (NUMBER.test(text)) return Number(text);
  const upper = text.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  return text;
}
