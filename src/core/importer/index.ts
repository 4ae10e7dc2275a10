import type { Dataset, Table } from "../dataset";
import { STATEMENTS } from "../catalog/statements";
import { Check, releaseProblems, runChecks } from "../checks";
import { MAX_RELEASE_BYTES } from "../limits";
import { ImportError, ReleaseRefused, importError, problemLine } from "../messages";
import { Model } from "../model";
import { quartersOf } from "../fiscal-years";
import { comparePeriods } from "../periods";
import { readNarrative } from "./narrative";
import { ReleaseFormat } from "./document";
import { detectFormat, readDocument } from "./formats";
import { readTables } from "./tables";

export interface ImportOptions {
  /**
   * Import a release whose tie-outs fail, or whose form is wrong (a statement printed twice, a figure not in the
   * release's number format, a row no metric reads), recording every problem in the dataset's `untied`.
   */
  allowUntied?: boolean;
  /** The release's format; by default, from its name (.htm, .html) or its content. */
  format?: ReleaseFormat;
}

/**
 * Turns a results release (the text rendition, the EDGAR HTML exhibit, or text copied from a browser) into the dataset, and runs every tie-out of it. Throws ImportError naming
 * the line on the first problem of its structure; a release that reads but does not tie is refused with every problem
 * and its line (ReleaseRefused), unless `allowUntied`. Never returns a partial dataset.
 */
export function importFiling(text: string, sourceName = "filing", options: ImportOptions = {}): Dataset {
  return importRelease(text, sourceName, options).dataset;
}

/** The import, with the model and the tie-outs it was judged by (for callers that go on to use them). */
export interface ImportedRelease {
  dataset: Dataset;
  model: Model;
  checks: Check[];
}

export function importRelease(text: string, sourceName = "filing", options: ImportOptions = {}): ImportedRelease {
  if (utf8Exceeds(text, MAX_RELEASE_BYTES)) throw importError(1, "releaseTooLarge", RELEASE_LIMIT_TEXT);
  const format = options.format ?? detectFormat(text, sourceName);
  const document = readDocument(text, format);
  const tables = readTables(document.blocks);
  // Every release of this format carries the four statements; a release missing one is not imported.
  for (const kind of ["BS", "IS", "NONGAAP", "CF"] as const) {
    if (!tables.some((t) => t.kind === kind)) throw importError(document.lineCount, "missingStatement", kind, STATEMENTS[kind].titleExample);
  }
  const latest = checkPeriods(tables);
  const { figures, warnings } = readNarrative(document.blocks, latest);
  const dataset: Dataset = { sourceName, lineCount: document.lineCount, latest, tables, narrative: figures, warnings, ...(format === "text" ? {} : { format }) };
  const model = new Model(dataset);
  const checks = runChecks(model);
  const problems = releaseProblems(model, checks);
  if (problems.length === 0) return { dataset, model, checks };
  if (!options.allowUntied) throw new ReleaseRefused(problems);
  // The model reads the same tables and figures: it stays the model of the dataset with its problems recorded.
  return { dataset: { ...dataset, untied: problems.map(problemLine) }, model, checks };
}

/**
 * The limit as messages state it. Its digits are grouped by hand: toLocaleString's first call loads the locale data,
 * about 15 ms of every task pane start in Chromium, for a message that is seldom shown.
 */
export const RELEASE_LIMIT_TEXT = `${MAX_RELEASE_BYTES / 1024 / 1024} MB (${String(MAX_RELEASE_BYTES).replace(/\B(?=(\d{3})+$)/g, ",")} bytes)`;

/** Whether the text takes more than `max` bytes in UTF-8, counted no further than the limit. */
function utf8Exceeds(text: string, max: number): boolean {
  if (text.length > max) return true;
  if (text.length * 3 <= max) return false;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= max; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code < 0xe000 ? 2 : 3;
  }
  return bytes > max;
}

/**
 * The release's quarter, once every table agrees on the periods it covers: the statements over a quarter (income,
 * reconciliations, cash flows) all print the same quarters, and the balance sheet's dates are among them, or are the
 * end of the last fiscal year (a second or third quarter's balance sheet sets the quarter's end beside December 31 of
 * the year before). A table that disagrees with the others (a garbled year in its header) would otherwise move its
 * figures to another quarter where no tie-out reaches them, or, dated later than the release, make every prose figure
 * move with it.
 */
function checkPeriods(tables: Table[]): string {
  const periodsOf = (t: Table): string => [...new Set(t.columns.map((c) => c.period))].sort(comparePeriods).join(", ");
  const quarterly = new Set(tables.filter((t) => t.columns.some((c) => c.periodKind === "duration")));
  const counts = new Map<string, number>();
  for (const t of quarterly) counts.set(periodsOf(t), (counts.get(periodsOf(t)) ?? 0) + 1);
  // The periods most of the quarterly statements print (the first such table's on a tie).
  let agreed = periodsOf(quarterly.values().next().value ?? tables[0]);
  for (const [periods, count] of counts) if (count > counts.get(agreed)!) agreed = periods;
  const covered = new Set(agreed.split(", "));
  const latest = [...covered].sort(comparePeriods).pop()!;
  const lastYearEnd = `${Number(latest.slice(0, 4)) - 1}Q4`;
  for (const t of tables) {
    const own = periodsOf(t);
    const disagrees = quarterly.has(t) ? own !== agreed : own.split(", ").some((p) => !covered.has(p) && p !== lastYearEnd);
    if (disagrees) {
      throw importError(t.headerLines[0], "periodsDisagree", t.title, own, agreed);
    }
    // A year column is of a year that has ended: its fourth quarter is the release's, or before it.
    const unended = t.yearColumns?.find((c) => comparePeriods(quartersOf(c.year)[3], latest) > 0);
    if (unended) throw importError(t.headerLines[0], "yearColumnNotEnded", unended.header, latest);
  }
  return latest;
}

export { ImportError, ReleaseRefused };
