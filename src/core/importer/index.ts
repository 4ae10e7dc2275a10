import type { Dataset, Table } from "../dataset";
import { ImportError } from "../errors";
import { comparePeriods } from "../periods";
import { readNarrative } from "./narrative";
import { readTables } from "./tables";

/** Statements every release of this format carries; a release missing one is not imported. */
const REQUIRED = ["BS", "IS", "NONGAAP", "CF"] as const;

/**
 * Turns a results release (text as filed) into the dataset. Throws ImportError naming the line on the first problem:
 * never returns a partial dataset.
 */
export function importFiling(text: string, sourceName = "filing"): Dataset {
  const lines = text.split(/\r?\n/);
  const tables = readTables(lines);
  for (const kind of REQUIRED) {
    if (!tables.some((t) => t.kind === kind)) {
      throw new ImportError(lines.length, `the release has no ${kind} table (no title such as "${TITLE_EXAMPLES[kind]}" before a table)`);
    }
  }
  const latest = checkPeriods(tables);
  const { figures, warnings } = readNarrative(lines, latest);
  return { sourceName, lineCount: lines.length, latest, tables, narrative: figures, warnings };
}

/**
 * The release's quarter, once every table agrees on the periods it covers: the statements over a quarter (income,
 * reconciliations, cash flows) all print the same quarters, and the balance sheet's dates are among them. A table
 * that disagrees with the others (a garbled year in its header) would otherwise move its figures to another quarter
 * where no tie-out reaches them, or, dated later than the release, make every prose figure move with it.
 */
function checkPeriods(tables: Table[]): string {
  const periodsOf = (t: Table): string => [...new Set(t.columns.map((c) => c.period))].sort(comparePeriods).join(", ");
  const quarterly = tables.filter((t) => t.columns.some((c) => c.periodKind === "duration"));
  const counts = new Map<string, number>();
  for (const t of quarterly) counts.set(periodsOf(t), (counts.get(periodsOf(t)) ?? 0) + 1);
  // The periods most of the quarterly statements print (the first such table's on a tie).
  let agreed = periodsOf(quarterly[0] ?? tables[0]);
  for (const [periods, count] of counts) if (count > counts.get(agreed)!) agreed = periods;
  const covered = new Set(agreed.split(", "));
  for (const t of tables) {
    const own = periodsOf(t);
    const disagrees = quarterly.includes(t) ? own !== agreed : own.split(", ").some((p) => !covered.has(p));
    if (disagrees) {
      throw new ImportError(t.headerLines[0], `table '${t.title}' has columns for ${own}, but the release's statements cover ${agreed}: check the dates in its header`);
    }
  }
  return [...covered].sort(comparePeriods).pop()!;
}

const TITLE_EXAMPLES: Record<(typeof REQUIRED)[number], string> = {
  BS: "CONDENSED CONSOLIDATED BALANCE SHEETS",
  IS: "CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS",
  NONGAAP: "RECONCILIATION OF GAAP AND NON-GAAP RESULTS",
  CF: "CONDENSED CONSOLIDATED STATEMENT OF CASH FLOWS",
};

export { ImportError };
