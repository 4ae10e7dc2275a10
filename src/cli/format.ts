import type { Matrix } from "../core";

/** A spilled table as aligned text columns, numbers right-aligned, for the terminal. */
export function formatMatrix(matrix: Matrix): string {
  const widths: number[] = [];
  const text = matrix.map((row) => row.map((cell) => (typeof cell === "number" ? formatNumber(cell) : String(cell))));
  text.forEach((row) => row.forEach((cell, j) => (widths[j] = Math.max(widths[j] ?? 0, cell.length))));
  return text
    .map((row) => row.map((cell, j) => (typeof matrix[0]?.[j] === "number" || typeof matrix[1]?.[j] === "number" ? cell.padStart(widths[j]) : cell.padEnd(widths[j]))).join("  ").trimEnd())
    .join("\n");
}

export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}
