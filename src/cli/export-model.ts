/**
 * `kc export-model FILE.xlsx`: writes the portable model, a workbook that needs no add-in: the statements and bridges
 * as printed, every subtotal, non-GAAP measure and margin as a native formula, a Scenario sheet and an About sheet.
 * Exit codes: 0 written; 1 could not write; 2 usage error.
 */
import { existsSync, renameSync, rmSync, statSync } from "fs";
import { dirname, resolve } from "path";
import type { Engine } from "../core";
import { buildWorkbookLayout } from "../export";
import { writeXlsx } from "../export/xlsx";

const USAGE = "usage: kc export-model FILE.xlsx   writes the statements, bridges, ratios and a scenario sheet as a workbook with native formulas (no add-in needed)";

/** `err` (default `out`) gets usage and write errors. */
export async function runExportModel(engine: Engine, args: string[], out: (s: string) => void, err: (s: string) => void = out): Promise<number> {
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    out(USAGE);
    return 0;
  }
  const problem = usageProblem(args);
  if (problem) {
    err(`kc export-model: ${problem}`);
    err(USAGE);
    return 2;
  }
  const file = resolve(args[0]);
  const layout = buildWorkbookLayout(engine);
  const partial = `${file}.partial-${process.pid}`;
  try {
    await writeXlsx(layout, partial);
    renameSync(partial, file);
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written
    }
    err(`kc export-model: cannot write ${args[0]}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const count = (role: string) => layout.sheets.reduce((n, s) => n + s.cells.filter((c) => c.role === role).length, 0);
  out(`Wrote ${args[0]}: sheets ${layout.sheets.map((s) => s.name).join(", ")}.`);
  out(`${count("printed")} printed figures with their filing lines, ${count("computed") + count("reference") + count("change")} native formulas, ${layout.scenario.inputs.length} scenario inputs for ${layout.scenario.period} (sheet ${layout.scenario.sheet}).`);
  return 0;
}

function usageProblem(args: string[]): string | null {
  if (args.length === 0) return "give the workbook to write, e.g. kc export-model kingsoft-cloud-2026q1.xlsx";
  const options = args.filter((a) => a.startsWith("-") && a !== "-");
  if (options.length) return `unknown option ${options[0]}`;
  if (args.length > 1) return `expected one file, got ${args.length}: ${args.join(" ")}`;
  const file = args[0];
  if (!/\.xlsx$/i.test(file)) return `'${file}' must end in .xlsx (the workbook is written as Office Open XML)`;
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `folder ${dir} does not exist`;
  if (existsSync(file) && statSync(file).isDirectory()) return `'${file}' is a folder`;
  return null;
}
