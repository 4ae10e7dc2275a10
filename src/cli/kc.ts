/**
 * The kc command line: the same core the add-in uses, from a terminal.
 *   npm run --silent kc -- get AdjustedEBITDA 2026Q1 [--currency USD] [--scale millions] [--reported] [--source]
 *   npm run --silent kc -- metrics [--statement BS|IS|NONGAAP|CF] [--search TEXT]
 *   npm run --silent kc -- check [RELEASE]
 *   npm run --silent kc -- import RELEASE [--out FILE] [--allow-untied]
 *   npm run --silent kc -- eval [--json] FORMULA...
 *   npm run --silent kc -- export-model FILE.xlsx
 *   npm run --silent kc -- export-acceptance FILE.xlsx
 *   npm run --silent kc -- help [COMMAND]        (or kc --help, kc COMMAND --help)
 *   ... --with RELEASE (get, metrics, check, eval, export-model; repeatable): another release merged into the embedded one
 * Exit codes: 0 done; 1 a bad metric or period (the message the Excel functions show), a failed check or a refused
 * release ("line N: ..."); 2 bad usage.
 */
import { closeSync, openSync, readSync, writeFileSync } from "fs";
import { Engine, ImportError, LIMITS, RELEASE_LIMIT_TEXT, createEngine, importError, importFiling, isKcError, statusText, yearColumnsNote } from "../core";
import { runEval } from "./eval";
import { runExportAcceptance } from "./export-acceptance";
import { runExportModel } from "./export-model";
import { formatMatrix, formatNumber } from "./format";
import { usageOf, wantsHelp } from "./help";
import { WithReleaseError, engineWith, takeWith } from "./releases";
import { asTypedInACell } from "./typed";

/** The commands that take --with RELEASE. */
const WITH_COMMANDS: ReadonlySet<string> = new Set(["get", "metrics", "check", "eval", "export-model"]);

const USAGE = `usage: kc <command>
  get METRIC PERIOD [--currency RMB|USD] [--scale thousands|units|millions|billions] [--reported] [--source]
  metrics [--statement BS|IS|NONGAAP|CF|NARRATIVE|DERIVED] [--search TEXT]
  check [RELEASE]            every tie-out (of the embedded release, or of RELEASE); exit 1 if any fails
  import RELEASE [--out FILE] [--allow-untied]
                             a results release in this format, as JSON; one that does not tie is refused with every
                             problem and its line, unless --allow-untied (which records them in the dataset)
  eval [--json] FORMULA...   KC function calls, e.g. '=KC.METRIC("AdjustedEBITDA","2026Q1")'
  export-model FILE.xlsx [--forecast N]
                             the statements, bridges, ratios and a scenario as a workbook with native formulas (no add-in needed)
  export-acceptance FILE.xlsx
                             a workbook of KC formulas, each beside the filing's figure and PASS/FAIL, to open in Excel with the add-in
  help [COMMAND]             this text, or one command's (also kc --help, kc COMMAND --help)
  --with RELEASE             on get, metrics, check, eval and export-model (repeatable): merges another release (the text,
                             the EDGAR HTML exhibit or a browser's copy of it) into the embedded one`;

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
  const metric = parsed.positional[0];
  // The period is read as Excel reads what is typed into a cell: 46112 is a number (the date serial of 2026-03-31).
  const period = asTypedInACell(parsed.positional[1]);
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
  const parsed = parseArgs(args, [], []);
  if (parsed.positional.length > 1) throw new UsageError("check takes at most one RELEASE");
  // A release of the user's: its own engine, imported even if it does not tie, so that every failure shows.
  const checked = parsed.positional.length ? createEngine(importFiling(readRelease(parsed.positional[0]), parsed.positional[0], { allowUntied: true })) : engine;
  const checks = checked.checkRows();
  const rows = checks.map((c) => [c.identity, c.period, formatNumber(c.printed), formatNumber(c.recomputed), statusText(c)]);
  out(formatMatrix([["Identity", "Period", "Printed", "Recomputed", "Status"], ...rows]));
  const count = (status: string) => checks.filter((c) => c.status === status).length;
  out(`\n${count("ok")} ok, ${count("noted")} noted (the filing's own differences), ${count("FAIL")} failed`);
  const years = yearColumnsNote(checked.dataset);
  if (years) out(`Year columns: ${years}.`);
  return count("FAIL") > 0 ? 1 : 0;
}

function importCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const parsed = parseArgs(args, ["--out"], ["--allow-untied"]);
  if (parsed.positional.length !== 1) throw new UsageError("import takes one RELEASE");
  const [file] = parsed.positional;
  const dataset = importFiling(readRelease(file), file, { allowUntied: parsed.options.has("--allow-untied") });
  if (dataset.untied) err(`kc import: imported with ${dataset.untied.length} problem(s) (--allow-untied), recorded in the dataset:\n${dataset.untied.join("\n")}`);
  const json = JSON.stringify(dataset, null, 2);
  const target = option(parsed, "--out");
  if (!target) {
    out(json);
    return 0;
  }
  writeFileSync(target, `${json}\n`);
  out(importSummary(target, createEngine(dataset)));
  return 0;
}

/** What `kc import --out` wrote: "Wrote F: the release of 2026Q1 (periods ...), 8 tables, ...; 259 tie-outs: ...". */
function importSummary(target: string, imported: Engine): string {
  const periods = imported.filingPeriods();
  const checks = imported.checkRows();
  const count = (status: string) => checks.filter((c) => c.status === status).length;
  const years = yearColumnsNote(imported.dataset);
  return (
    `Wrote ${target}: the release of ${imported.latest} (periods ${periods.join(", ")}), ${imported.tables().length} tables, ` +
    `${imported.dataset.narrative.length} figures stated in its text; ${checks.length} tie-outs: ${count("ok")} ok, ${count("noted")} noted, ${count("FAIL")} failed.` +
    (years ? ` Year columns: ${years}.` : "")
  );
}

/**
 * A release file's text, read no further than the size limit: a larger file (or an endless device) is refused after
 * reading MAX_RELEASE_BYTES + 1 bytes, before anything is parsed.
 */
function readRelease(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  try {
    const buffer = Buffer.alloc(LIMITS.MAX_RELEASE_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      length += read;
      if (read === 0 || length === buffer.length) break;
    }
    if (length > LIMITS.MAX_RELEASE_BYTES) throw importError(1, "releaseTooLarge", RELEASE_LIMIT_TEXT);
    return buffer.toString("utf8", 0, length);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new UsageError(`cannot read ${file}`);
  } finally {
    closeSync(fd);
  }
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const [command, ...given] = argv;
  const help = wantsHelp(command, given, USAGE);
  if (help !== null) {
    out(usageOf(USAGE, help));
    return 0;
  }
  const withReleases = WITH_COMMANDS.has(command) ? takeWith(given) : { files: [], rest: given, missing: false };
  const rest = withReleases.rest;
  try {
    if (withReleases.missing) throw new UsageError("--with needs a release file");
    if (command === "check" && withReleases.files.length && rest.length) throw new UsageError("check takes a RELEASE (checked alone) or --with RELEASE (merged into the embedded one), not both");
    const engine = engineWith(withReleases.files, readRelease);
    switch (command) {
      case "get":
        return get(engine, rest, out);
      case "metrics":
        return metrics(engine, rest, out);
      case "check":
        return check(engine, rest, out);
      case "import":
        return importCommand(rest, out, err);
      case "eval":
        return await runEval(rest, out, err);
      case "export-model":
        return await runExportModel(engine, rest, out, err);
      case "export-acceptance":
        return await runExportAcceptance(engine, rest, out, err);
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
    if (error instanceof ImportError || error instanceof WithReleaseError) {
      err(`kc ${command}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  // A reader that stops early (`kc import FILE | head`) closes the pipe: stop writing, quietly.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`)).then(
    (code) => (process.exitCode = code),
    (error) => {
      process.stderr.write(`kc: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
