import type { Dataset } from "../dataset";
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
  const latest = tables
    .flatMap((t) => t.columns.map((c) => c.period))
    .sort(comparePeriods)
    .pop()!;
  const { figures, warnings } = readNarrative(lines, latest);
  return { sourceName, lineCount: lines.length, latest, tables, narrative: figures, warnings };
}

const TITLE_EXAMPLES: Record<(typeof REQUIRED)[number], string> = {
  BS: "CONDENSED CONSOLIDATED BALANCE SHEETS",
  IS: "CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS",
  NONGAAP: "RECONCILIATION OF GAAP AND NON-GAAP RESULTS",
  CF: "CONDENSED CONSOLIDATED STATEMENT OF CASH FLOWS",
};

export { ImportError };
