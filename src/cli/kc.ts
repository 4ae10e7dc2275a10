/**
 * The kc command line: the same core the add-in uses, from a terminal.
 *   npm run --silent kc -- get AdjustedEBITDA 2026Q1 [--currency USD] [--scale millions] [--reported] [--source]
 *   npm run --silent kc -- metrics [--statement BS|IS|NONGAAP|CF] [--search TEXT]
 *   npm run --silent kc -- check
 *   npm run --silent kc -- import FILE [--out FILE]
 *   npm run --silent kc -- eval [--json] FORMULA...
 *   npm run --silent kc -- export-model FILE.xlsx
 * Exit codes: 0 done; 1 a bad metric or period (the message the Excel functions show) or a failed check; 2 bad usage.
 */
import { readFileSync, writeFileSync } from "fs";
import { Engine, ImportError, createEngine, importFiling, isKcError, statusText } from "../core";
import { DATASET } from "../data/dataset.generated";
import { runEval } from "./eval";
import { runExportModel } from "./export-model";
import { formatMatrix, formatNumber } from "./format";

const USAGE = `usage: kc <command>
  get METRIC PERIOD [--currency RMB|USD] [--scale thousands|units|millions|billions] [--reported] [--source]
  metrics [--statement BS|IS|NONGAAP|CF|NARRATIVE|DERIVED] [--search TEXT]
  check                      every tie-out; exit 1 if any fails
  import FILE [--out FILE]   a results release in this format, as JSON
  eval [--json] FORMULA...   KC function calls, e.g. '=KC.METRIC("AdjustedEBITDA","2026Q1")'
  export-model FILE.xlsx     the statements, bridges, ratios and a scenario as a workbook with native formulas (no add-in needed)`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
}

/** Splits argv into positional arguments and --options; `valued` options take the next word. */
function parseArgs(args: string[], valued: string[], flags: string[]): Parsed {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) positional.push(arg);
    else if (flags.includes(arg)) options.set(arg, true);
    else if (valued.includes(arg)) {
      if (i + 1 >= args.length) throw new UsageError(`${arg} needs a value`);
      options.set(arg, args[++i]);
    } else throw new UsageError(`unknown option ${arg}`);
  }
  return { positional, options };
}

const option = (parsed: Parsed, name: string): string | null => {
  const value = parsed.options.get(name);
  return typeof value === "string" ? value : null;
};

function get(engine: Engine, args: string[], out: (s: string) => void): number {
  const parsed = parseArgs(args, ["--currency", "--scale"], ["--reported", "--source"]);
  if (parsed.positional.length !== 2) throw new UsageError("get takes METRIC and PERIOD");
  const [metric, period] = parsed.positional;
  const currency = option(parsed, "--currency");
  if (parsed.options.has("--source")) out(engine.excel.source(metric, period, currency));
  else if (parsed.options.has("--reported")) out(formatNumber(engine.excel.reported(metric, period, currency)));
  else out(formatNumber(engine.excel.metric(metric, period, currency, option(parsed, "--scale"))));
  return 0;
}

function metrics(engine: Engine, args: string[], out: (s: string) => void): number {
  const parsed = parseArgs(args, ["--statement", "--search"], []);
  if (parsed.positional.length) throw new UsageError("metrics takes only --statement and --search");
  out(formatMatrix(engine.excel.metrics(option(parsed, "--statement"), option(parsed, "--search"))));
  return 0;
}

function check(engine: Engine, args: string[], out: (s: string) => void): number {
  if (args.length) throw new UsageError("check takes no arguments");
  const checks = engine.checkRows();
  const rows = checks.map((c) => [c.identity, c.period, formatNumber(c.printed), formatNumber(c.recomputed), statusText(c)]);
  out(formatMatrix([["Identity", "Period", "Printed", "Recomputed", "Status"], ...rows]));
  const count = (status: string) => checks.filter((c) => c.status === status).length;
  out(`\n${count("ok")} ok, ${count("noted")} noted (the filing's own differences), ${count("FAIL")} failed`);
  return count("FAIL") > 0 ? 1 : 0;
}

function importCommand(args: string[], out: (s: string) => void): number {
  const parsed = parseArgs(args, ["--out"], []);
  if (parsed.positional.length !== 1) throw new UsageError("import takes one FILE");
  const [file] = parsed.positional;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  const json = JSON.stringify(importFiling(text, file), null, 2);
  const target = option(parsed, "--out");
  if (target) writeFileSync(target, `${json}\n`);
  else out(json);
  return 0;
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  const engine = createEngine(DATASET);
  try {
    switch (command) {
      case "get":
        return get(engine, rest, out);
      case "metrics":
        return metrics(engine, rest, out);
      case "check":
        return check(engine, rest, out);
      case "import":
        return importCommand(rest, out);
      case "eval":
        return await runEval(rest, out, err);
      case "export-model":
        return await runExportModel(engine, rest, out, err);
      default:
        throw new UsageError(command ? `unknown command '${command}'` : "no command");
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`kc: ${error.message}\n${USAGE}`);
      return 2;
    }
    if (isKcError(error)) {
      err(`${error.kind === "notAvailable" ? "#N/A" : "#VALUE!"} ${error.message}`);
      return 1;
    }
    if (error instanceof ImportError) {
      err(`kc import: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`kc: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
