import { readFileSync } from "fs";
import { join } from "path";

/** The filing as shipped, and variants of it built by the tests (a later quarter, malformed copies). */
export const FILING_PATH = join(__dirname, "../../src/data/sources/kingsoft-cloud-2026q1-press-release.txt");
export const FILING = readFileSync(FILING_PATH, "utf8");
export const LINES = FILING.split("\n");

/** Replaces 1-based line `n` of the filing. */
export function withLine(n: number, edit: (line: string) => string, text = FILING): string {
  const lines = text.split("\n");
  lines[n - 1] = edit(lines[n - 1]);
  return lines.join("\n");
}

export function withoutLines(from: number, to: number, text = FILING): string {
  const lines = text.split("\n");
  lines.splice(from - 1, to - from + 1);
  return lines.join("\n");
}

/**
 * Next quarter's release in the same format: every period one quarter on (Q1 2025 -> Q2 2025, Q4 2025 -> Q1 2026,
 * Q1 2026 -> Q2 2026) and every RMB amount and share count doubled, so subtotals, margins and per-share figures still
 * tie. The US$ column stays as printed and the convenience rate doubles (RMB13.7960), so US$ = RMB / rate still holds.
 */
export function nextQuarterFiling(): string {
  const dates: Array<[RegExp, string]> = [
    [/Mar 31, 2026/g, "\u0001Jun 30, 2026"],
    [/Dec 31, 2025/g, "\u0001Mar 31, 2026"],
    [/Mar 31, 2025/g, "\u0001Jun 30, 2025"],
    [/March 31, 2026/g, "\u0001June 30, 2026"],
    [/first quarter/gi, "\u0001second quarter"],
    [/in Q1\b/g, "in Q2"],
  ];
  return FILING.split("\n")
    .map((line) => {
      let out = line;
      for (const [pattern, replacement] of dates) out = out.replace(pattern, replacement);
      out = out.replace(/\u0001/g, "");
      if (out.startsWith("\t") && !/\d{4}/.test(line)) {
        // The reconciliation tables print month and year on separate header rows.
        out = out.replace(/Mar 31,/g, "\u0002").replace(/Dec 31,/g, "Mar 31,").replace(/\u0002/g, "Jun 30,");
      } else if (/^\t(<b>)?2025(<\/b>)?\t/.test(line) && !/[A-Za-z]{3} \d/.test(line)) {
        out = out.replace(/^(\t(?:<b>)?2025(?:<\/b>)?\t(?:<b>)?)2025/, "$12026");
      } else if (!out.includes("\t")) {
        out = out.replace(/RMB([\d,]+\.\d) million/g, (m, amount: string) => `RMB${doubleStated(amount)} million`).replace("RMB6.8980", "RMB13.7960");
      } else if (!out.startsWith("\t")) {
        const [label, ...cells] = out.split("\t");
        // The last column is the US$ translation: it stays, and the rate doubles. Share counts are the same in both.
        const last = cells.length - 1;
        out = [label, ...cells.map((cell, i) => (i < last || cell === cells[last - 1] ? doubleCell(cell) : cell))].join("\t");
      }
      return out;
    })
    .join("\n");
}

/** "(1,234)" -> "(2,468)", markup kept; per-share figures ("0.08"), percentages and "-" stay as they are. */
function doubleCell(cell: string): string {
  return cell.replace(/^((?:<b>)?\(?)([\d,]+)(\)?(?:<\/b>)?)$/, (m, open: string, digits: string, close: string) => {
    const n = BigInt(digits.replace(/,/g, "")) * 2n;
    return `${open}${n.toLocaleString("en-US")}${close}`;
  });
}

/** "911.1" -> "1,822.2": a prose amount in millions with one decimal, doubled exactly. */
function doubleStated(amount: string): string {
  const tenths = BigInt(amount.replace(/[,.]/g, "")) * 2n;
  return `${(tenths / 10n).toLocaleString("en-US")}.${tenths % 10n}`;
}
