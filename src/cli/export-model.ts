/**
 * `kc export-model FILE.xlsx`: writes the portable model, a workbook that needs no add-in: the statements and bridges
 * as printed, every subtotal, non-GAAP measure and margin as a native formula, a Scenario sheet and an About sheet, and
 * the task pane's native charts.
 * Exit codes: 0 written; 1 could not write; 2 usage error.
 */
import { existsSync, renameSync, rmSync, statSync } from "fs";
import { dirname, resolve } from "path";
import type { Engine } from "../core";
import { MAX_FORECAST_QUARTERS, buildWorkbookLayout } from "../export";
import { writeXlsx } from "../export/xlsx";

const USAGE = `usage: kc export-model FILE.xlsx [--forecast N]   writes the statements, bridges, ratios and a scenario sheet as a workbook with native formulas (no add-in needed); --forecast N (1 to ${MAX_FORECAST_QUARTERS}) adds a driver-based Forecast sheet of the next N quarters and the full years`;

/** `err` (default `out`) gets usage and write errors. */
export async function runExportModel(engine: Engine, args: string[], out: (s: string) => void, err: (s: string) => void = out): Promise<number> {
  if (args.length === 1 && (args[0] === "--help" || args[0] === "-h")) {
    out(USAGE);
    return 0;
  }
  const forecast = readForecast(args);
  const files = forecast.rest;
  const problem = forecast.problem ?? usageProblem(files);
  if (problem) {
    err(`kc export-model: ${problem}`);
    err(USAGE);
    return 2;
  }
  const layout = buildWorkbookLayout(engine, forecast.quarters ? { forecastQuarters: forecast.quarters } : {});
  const failure = await writeWhole(files[0], (partial) => writeXlsx(layout, partial));
  if (failure) {
    err(`kc export-model: ${failure}`);
    return 1;
  }
  const count = (role: string) => layout.sheets.reduce((n, s) => n + s.cells.filter((c) => c.role === role).length, 0);
  out(`Wrote ${files[0]}: sheets ${layout.sheets.map((s) => s.name).join(", ")}.`);
  out(`${count("printed")} printed figures with their filing lines, ${count("computed") + count("reference") + count("change")} native formulas, ${layout.scenario.inputs.length} scenario inputs for ${layout.scenario.period} (sheet ${layout.scenario.sheet}).`);
  out(`Charts: ${layout.charts.map((c) => `${c.title} (sheet ${c.sheet})`).join("; ")}.`);
  if (layout.forecast) {
    const estimates = layout.forecast.columns.filter((c) => c.kind === "estimate").map((c) => c.label);
    out(`Forecast: ${estimates.join(", ")}, full years ${layout.forecast.years.map((y) => (y.missing.length ? `${y.label} (needs ${y.missing.join(", ")})` : y.label)).join(", ")} (sheet ${layout.forecast.sheet}).`);
  }
  return 0;
}

/** `--forecast N` anywhere in the arguments: N whole, 1 to 8. The other arguments are the rest. */
function readForecast(args: string[]): { quarters: number | null; rest: string[]; problem: string | null } {
  const at = args.indexOf("--forecast");
  if (at < 0) return { quarters: null, rest: args, problem: null };
  const text = args[at + 1];
  const rest = [...args.slice(0, at), ...args.slice(at + 2)];
  const quarters = Number(text);
  if (text === undefined || !Number.isInteger(quarters) || quarters < 1 || quarters > MAX_FORECAST_QUARTERS) {
    return { quarters: null, rest, problem: `--forecast takes a number of quarters from 1 to ${MAX_FORECAST_QUARTERS}, not '${text ?? ""}'` };
  }
  return { quarters, rest, problem: null };
}

/**
 * Writes a file whole or not at all: to a partial file beside it, then renamed over it. The failure's message
 * ("cannot write F: ..."), or null when written.
 */
export async function writeWhole(file: string, write: (partial: string) => Promise<void>): Promise<string | null> {
  const partial = `${resolve(file)}.partial-${process.pid}`;
  try {
    await write(partial);
    renameSync(partial, resolve(file));
    return null;
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written
    }
    return `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Why the arguments do not name one .xlsx file to write in a folder that exists, or null. */
export function usageProblem(args: string[], example = "kc export-model kingsoft-cloud-2026q1.xlsx"): string | null {
  if (args.length === 0) return `give the workbook to write, e.g. ${example}`;
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
