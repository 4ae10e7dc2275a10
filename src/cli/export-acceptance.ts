/**
 * `kc export-acceptance FILE.xlsx`: writes the acceptance workbook (src/export/acceptance.ts), one sheet of KC formulas
 * each beside the filing's figure and a PASS/FAIL cell, which a person opens in Excel with the add-in loaded to see
 * "N of M PASS" (the README's "Checking the add-in in real Excel" says how). No formula carries a cached result: a
 * viewer that does not recalculate shows nothing rather than a PASS Excel never computed.
 * Exit codes: 0 written; 1 could not write; 2 usage error.
 */
import type { Engine } from "../core";
import { buildAcceptance } from "../export/acceptance";
import { writeXlsx } from "../export/xlsx";
import { usageProblem, writeWhole } from "./export-model";

const USAGE = "usage: kc export-acceptance FILE.xlsx   writes a workbook of KC formulas, each beside the filing's figure and PASS/FAIL, to open in Excel with the add-in loaded";

/** `err` (default `out`) gets usage and write errors. The engine is the CLI's; the workbook's formulas run in Excel. */
export async function runExportAcceptance(_engine: Engine, args: string[], out: (s: string) => void, err: (s: string) => void = out): Promise<number> {
  const problem = usageProblem(args, "kc export-acceptance kc-acceptance.xlsx");
  if (problem) {
    err(`kc export-acceptance: ${problem}`);
    err(USAGE);
    return 2;
  }
  const layout = buildAcceptance();
  const failure = await writeWhole(args[0], (partial) => writeXlsx({ sheets: [layout.sheet] }, partial, { cachedResults: false, creator: "KC for Excel (kc export-acceptance)" }));
  if (failure) {
    err(`kc export-acceptance: ${failure}`);
    return 1;
  }
  out(`Wrote ${args[0]}: ${layout.checks.length} checks of the KC functions on sheet '${layout.sheet.name}'.`);
  out(`Open it in Excel with the add-in loaded: ${layout.summary} should read "${layout.checks.length} of ${layout.checks.length} PASS" (README: "Checking the add-in in real Excel").`);
  return 0;
}
