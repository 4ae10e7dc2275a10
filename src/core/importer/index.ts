import type { Dataset, Table } from "../dataset";
import { STATEMENTS } from "../catalog/statements";
import { ImportError, importError } from "../messages";
import { comparePeriods } from "../periods";
import { readNarrative } from "./narrative";
import { readTables } from "./tables";


/**
 * Turns a results release (text as filed) into the dataset. Throws ImportError naming the line on the first problem:
 * never returns a partial dataset.
 */
export function importFiling(text: string, sourceName = "filing"): Dataset {
  const lines = text.split(/\r?\n/);
  const tables = readTables(lines);
  // Every release of this format carries the four statements; a release missing one is not imported.
  for (const kind of ["BS", "IS", "NONGAAP", "CF"] as const) {
    if (!tables.some((t) => t.kind === kind)) throw importError(lines.length, "missingStatement", kind, STATEMENTS[kind].titleExample);
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
      throw importError(t.headerLines[0], "periodsDisagree", t.title, own, agreed);
    }
  }
  return [...covered].sort(comparePeriods).pop()!;
}

export { ImportError };
