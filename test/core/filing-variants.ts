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
const doubleCell = (cell: string): string => scaleCell(cell, 2);

/** "911.1" -> "1,822.2": a prose amount in millions with one decimal, doubled exactly. */
function doubleStated(amount: string): string {
  const tenths = BigInt(amount.replace(/[,.]/g, "")) * 2n;
  return `${(tenths / 10n).toLocaleString("en-US")}.${tenths % 10n}`;
}

/** The label cell and figure cells of the filing's row with that label (the first one), markup removed, as numbers. */
function filingRow(label: string): number[] {
  const line = LINES.find((l) => l.includes("\t") && l.split("\t")[0].replace(/<\/?b>/g, "") === label);
  if (!line) throw new Error(`no row '${label}'`);
  return line.split("\t").slice(1).map((c) => {
    const text = c.replace(/<\/?b>/g, "");
    const n = Number(text.replace(/[(),]/g, ""));
    return text.startsWith("(") ? -n : n;
  });
}

/** A whole number as the release prints it: "1,234", "(1,234)", the cell's bold kept. */
const printed = (n: number, like: string): string => {
  const text = n < 0 ? `(${(-n).toLocaleString("en-US")})` : n.toLocaleString("en-US");
  return /<b>/.test(like) ? `<b>${text}</b>` : text;
};

/**
 * The release of the next quarter (Q2 2026) as the company would print it beside the Q1 2026 release the add-in
 * carries: its columns are Q2 2025, Q1 2026 and Q2 2026, and its Q1 2026 figures are exactly the Q1 2026 release's,
 * so merged with it nothing is restated (unless `restate`). Its own figures, each a tie-out of the text:
 *   - Q2 2026 is Q1 2026 doubled (every amount and share count; per-share amounts and margins unchanged), its US$
 *     column the Q1 2026 release's at a doubled rate (RMB13.7960), as nextQuarterFiling does;
 *   - Q2 2025 repeats Q1 2025's flows, starting from where Q1 2025 ended (the cash the Q1 2026 release prints);
 *   - the balance sheet (Dec 31, 2025 and Jun 30, 2026, RMB only) moves from Mar 31, 2026 by the quarter: cash by its
 *     cash flow, the deficit by its loss, other comprehensive income by its translation adjustment, short-term
 *     borrowings by what balances it; the cash flow statement (RMB only) starts Q2 2026 where Q1 2026 ended.
 * `restate`: the Q2 release prints Q1 2026 selling and marketing expenses as (123,000) (the Q1 release: (123,776)) and
 * general and administrative expenses as (195,541) ((194,765)): their total, and everything else, unchanged.
 */
export function secondQuarterFiling(options: { restate?: boolean } = {}): string {
  const double = (n: number) => 2 * n;
  const balanceSheet = balanceSheetMoves(2);
  const restated: Record<string, string> = options.restate ? { "Selling and marketing expenses": "(123,000)", "General and administrative expenses": "(195,541)" } : {};
  const shifted = nextQuarterFiling().split("\n");
  let kind = "";
  return FILING.split("\n")
    .map((line, i) => {
      if (/^\*\*.*(BALANCE SHEETS|CASH FLOWS|COMPREHENSIVE LOSS|NON-GAAP)/.test(line)) kind = /BALANCE/.test(line) ? "BS" : /CASH/.test(line) ? "CF" : "IS";
      if (!line.includes("\t") || !kind) return shifted[i];
      const [label, ...cells] = line.split("\t");
      const name = label.replace(/<\/?b>/g, "");
      if (line.startsWith("\t")) {
        // Headers: the quarters as nextQuarterFiling shifts them; the balance sheet keeps Dec 31, 2025. RMB only in BS and CF.
        const header = kind === "BS" ? line.replace(/Mar 31, 2026/g, "Jun 30, 2026") : shifted[i];
        return kind === "IS" ? header : header.split("\t").slice(0, -1).join("\t");
      }
      if (cells.every((c) => c === "")) return kind === "IS" ? line : line.split("\t").slice(0, -1).join("\t");
      if (kind === "BS") {
        const [dec, mar] = cells;
        const moved = balanceSheet[name] ?? 0;
        return [label, dec, moved ? printed(filingRowFrom(mar) + moved, mar) : mar].join("\t");
      }
      if (kind === "CF") {
        const ends = filingRow("Cash, cash equivalents and restricted cash at end of period");
        const moves = filingRow("Net (decrease) increase in cash, cash equivalents and restricted cash");
        const [then, , now] = cells;
        if (/at beginning of period/.test(name)) return [label, printed(ends[0], then), now, printed(ends[2], now)].join("\t");
        if (/at end of period/.test(name)) return [label, printed(ends[0] + moves[0], then), now, printed(ends[2] + double(moves[2]), now)].join("\t");
        return [label, then, now, printed(double(filingRowFrom(now)), now)].join("\t");
      }
      // The statement of comprehensive loss and the reconciliations: Q2 2025 as Q1 2025, Q1 2026 as printed, Q2 2026 doubled.
      // The US$ column stays (the rate doubles), but a share count, which has no currency, is the quarter's own.
      const usd = cells.length === 4 ? [cells[3] === cells[2] ? doubleCell(cells[3]) : cells[3]] : [];
      const q1Now = restated[name] ?? cells[2];
      return [label, cells[0], q1Now, doubleCell(cells[2]), ...usd].join("\t");
    })
    .join("\n");
}

/**
 * How the balance sheet moves from Mar 31, 2026 over flows `times` 2026Q1's, by row: cash by the cash flow, the deficit
 * by the loss, other comprehensive income by the translation adjustment, short-term borrowings by what balances it.
 */
function balanceSheetMoves(times: number): Record<string, number> {
  const loss = times * filingRow("Net loss attributable to Kingsoft Cloud Holdings Limited")[2];
  const fx = times * filingRow("Foreign currency translation adjustments")[2];
  const cashMove = times * filingRow("Net (decrease) increase in cash, cash equivalents and restricted cash")[2];
  const borrowings = cashMove - (loss + fx);
  return {
    "Cash and cash equivalents": cashMove,
    "Total current assets": cashMove,
    "Total assets": cashMove,
    "Short-term borrowings": borrowings,
    "Total current liabilities": borrowings,
    "Total liabilities": borrowings,
    "Accumulated deficit": loss,
    "Accumulated other comprehensive income": fx,
    "Total Kingsoft Cloud Holdings Limited shareholders' equity": loss + fx,
    "Total equity": loss + fx,
    "Total liabilities, non-controlling interests and shareholders' equity": cashMove,
  };
}

/** A printed cell's whole number ("(1,234)" is -1234). */
function filingRowFrom(cell: string): number {
  const text = cell.replace(/<\/?b>/g, "");
  const n = Number(text.replace(/[(),]/g, ""));
  return text.startsWith("(") ? -n : n;
}

/** A figure cell times k ("(1,234)" x 5 -> "(6,170)"), markup kept; per-share figures, percentages and "-" stay. */
function scaleCell(cell: string, k: number): string {
  return cell.replace(/^((?:<b>)?\(?)([\d,]+)(\)?(?:<\/b>)?)$/, (m, open: string, digits: string, close: string) => {
    const n = BigInt(digits.replace(/,/g, "")) * BigInt(k);
    return `${open}${n.toLocaleString("en-US")}${close}`;
  });
}

/** The quarter each of the Q1 2026 release's columns becomes in the fourth quarter's (month and day, year). */
const FOURTH_QUARTER_COLUMNS: ReadonlyArray<[string, string]> = [
  ["Dec 31,", "2025"],
  ["Sep 30,", "2026"],
  ["Dec 31,", "2026"],
  ["Dec 31,", "2026"],
];

/**
 * The release of the fourth quarter (Q4 2026) as the company would print it after the Q1 2026 release the add-in carries
 * and the Q2 2026 one secondQuarterFiling builds: beside its "Three Months Ended" columns (Dec 31, 2025, Sep 30, 2026,
 * Dec 31, 2026 RMB and US$) the statement of comprehensive loss, the reconciliations, the margin tables and the cash
 * flow statement print "Year Ended" columns (Dec 31, 2025 and Dec 31, 2026 RMB, Dec 31, 2026 US$; the margin tables
 * without a currency). Its figures, each a tie-out of the text:
 *   - 2025Q4 is exactly the Q1 2026 release's (nothing restated when merged with it);
 *   - 2026Q3 and 2026Q4 each repeat 2026Q1's flows (every amount and share count; per-share amounts and margins the
 *     same), so that with 2026Q1 (the Q1 release) and 2026Q2 (2026Q1 doubled: the Q2 release) the year 2026 is five
 *     times 2026Q1: the Year Ended Dec 31, 2026 column, whose per-share amounts and margins are 2026Q1's too;
 *   - the year 2025 is four times 2025Q4 (no release here prints 2025Q3, so it cannot be checked against its quarters);
 *   - cash flows run on from where 2026Q2 ended (2026Q1's closing cash plus 2026Q2's doubled move), each year opening
 *     where its first quarter opens (2025Q1's and 2026Q1's opening cash as the Q1 release prints them); the balance
 *     sheet (Dec 31, 2025 as printed, Dec 31, 2026) moves from Mar 31, 2026 by the three quarters since, as
 *     secondQuarterFiling's does by one;
 *   - the convenience rate is RMB1.0000 to US$1.00, so that every US$ figure, quarter and year alike, is its RMB figure:
 *     at a real rate, no US$ year column that is five times a quarter's would both foot and translate to the unit.
 * Its prose is the Q1 release's, told of the fourth quarter: its amounts are 2026Q4's, which are 2026Q1's.
 */
export function fourthQuarterFiling(): string {
  const [b, d] = [2, 1]; // the Q1 release's columns of 2026Q1 and 2025Q4
  const cashMove = filingRow("Net (decrease) increase in cash, cash equivalents and restricted cash");
  const opening = filingRow("Cash, cash equivalents and restricted cash at beginning of period");
  const closing = filingRow("Cash, cash equivalents and restricted cash at end of period");
  const m = cashMove[b];
  // Three quarters since Mar 31, 2026 (2026Q2 doubled, 2026Q3 and 2026Q4 as 2026Q1): four times 2026Q1's moves.
  const balanceSheet = balanceSheetMoves(4);
  const q2Closing = closing[b] + 2 * m;
  let kind = "";
  return FILING.split("\n")
    .map((line) => {
      if (/^\*\*.*(BALANCE SHEETS|CASH FLOWS|COMPREHENSIVE LOSS|NON-GAAP)/.test(line)) kind = /BALANCE/.test(line) ? "BS" : /CASH/.test(line) ? "CF" : "IS";
      if (!line.includes("\t") || !kind) return fourthQuarterProse(line);
      const [label, ...cells] = line.split("\t");
      const name = label.replace(/<\/?b>/g, "");
      if (kind === "BS") {
        if (line.startsWith("\t")) return line.replace(/Mar 31, 2026/g, "Dec 31, 2026");
        if (cells.every((c) => c === "")) return line;
        const [dec, mar] = cells;
        const moved = balanceSheet[name] ? printed(filingRowFrom(mar) + balanceSheet[name], mar) : mar;
        return [label, dec, moved, moved].join("\t");
      }
      const usd = cells.length === 4;
      if (line.startsWith("\t")) {
        const nonEmpty = cells.filter((c) => c !== "");
        if (nonEmpty.length === 1 && cells[0] !== "") {
          // "Three Months Ended" over the quarters, "Year Ended" over the years.
          return [label, cells[0], ...cells.slice(1).map(() => ""), cells[0].replace("Three Months Ended", "Year Ended"), ...(usd ? ["", ""] : [""])].join("\t");
        }
        const quarters = cells.map((cell, i) => cell.replace(/[A-Z][a-z]{2} \d{1,2},/, FOURTH_QUARTER_COLUMNS[i][0]).replace(/\b20\d\d\b/, FOURTH_QUARTER_COLUMNS[i][1]));
        return [label, ...quarters, quarters[0], quarters[2], ...(usd ? [quarters[3]] : [])].join("\t");
      }
      if (cells.every((c) => c === "")) return [label, ...cells, "", "", ...(usd ? [""] : [])].join("\t");
      if (kind === "CF" && /at (beginning|end) of period/.test(name)) {
        const begins = /beginning/.test(name);
        const q3 = begins ? q2Closing : q2Closing + m;
        const q4 = q3 + m;
        const fy2025 = begins ? opening[0] : opening[0] + 4 * cashMove[d];
        const fy2026 = begins ? opening[b] : opening[b] + 5 * m;
        return [label, cells[d], printed(q3, cells[b]), printed(q4, cells[b]), printed(q4, cells[b]), printed(fy2025, cells[b]), printed(fy2026, cells[b]), printed(fy2026, cells[b])].join("\t");
      }
      // 2025Q4 as printed, 2026Q3 and 2026Q4 as 2026Q1 (US$ the same at RMB1.0000), the years 4 x 2025Q4 and 5 x 2026Q1.
      const year2026 = scaleCell(cells[b], 5);
      return [label, cells[d], cells[b], cells[b], ...(usd ? [cells[b]] : []), scaleCell(cells[d], 4), year2026, ...(usd ? [year2026] : [])].join("\t");
    })
    .join("\n");
}

/** A line of the Q1 release's prose, told of the fourth quarter of 2026 at RMB1.0000 to US$1.00. */
function fourthQuarterProse(line: string): string {
  return line
    .replace("RMB4,903.8 million (US\\$710.9 million) as of March 31, 2026", "RMB237.6 million (US\\$237.6 million) as of December 31, 2026")
    .replace(/March 31, 2026/g, "December 31, 2026")
    .replace(/First Quarter/g, "Fourth Quarter")
    .replace(/first quarter/g, "fourth quarter")
    .replace(/\bin Q1\b/g, "in Q4")
    .replace(/RMB6\.8980/g, "RMB1.0000")
    .replace(/RMB([\d,]+(?:\.\d+)?)( million| billion)? \(US\\\$[\d,]+(?:\.\d+)?/g, "RMB$1$2 (US\\$$$1");
}
