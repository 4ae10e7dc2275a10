/**
 * The fuzzer behind importer.fuzz.test.ts, run in a plain Node process (see functions.fuzz.test.ts for why).
 *
 * Mutations of the filing: lines deleted, duplicated or truncated, two cells of a line swapped, numbers garbled (a digit
 * changed, added or dropped, a sign flipped), one to three at a time, biased toward the lines that carry figures.
 * Property (verdict()): importFiling either throws an ImportError whose message starts "line N: " with N a line of the
 * mutated text, or returns a dataset from which a Model builds (or refuses with such an ImportError) and whose every
 * changed figure is reported: compared with the filing as shipped, each printed figure that changed value, appeared
 * or disappeared is either named by a tie-out that is FAIL or noted and was not so before (the same identity, a period
 * it covers), or named by one of the model's or the importer's warnings. Never a silently different dataset.
 *
 * Run alone: node --require ts-node/register/transpile-only test/fuzz/importer-fuzz.ts [runs] [seed] [scanStride] [scanOffset]
 * (defaults: the full profile of fuzz-settings.ts).
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import * as path from "path";
import { Check, runChecks } from "../../src/core/checks";
import type { Dataset } from "../../src/core/dataset";
import { ImportError } from "../../src/core/messages";
import { importFiling, importRelease } from "../../src/core/importer";
import { Model, currencyless } from "../../src/core/model";
import { shiftPeriod } from "../../src/core/periods";
import { fuzzSettings } from "./fuzz-settings";

export const FILING = readFileSync(path.join(__dirname, "../../src/data/sources/kingsoft-cloud-2026q1-press-release.txt"), "utf8");
const LINES = FILING.split("\n");

/** Every printed figure of a model: "metric|period|currency" -> the values in the order printed, with their lines. */
type Figures = Map<string, { values: string[]; lines: number[] }>;

function figures(model: Model): Figures {
  const out: Figures = new Map();
  for (const id of model.metrics.keys()) {
    for (const period of allPeriods(model.dataset)) {
      const currencies = currencyless(model.metric(id).unit) ? (["" as const]) : (["RMB", "USD"] as const);
      for (const currency of currencies) {
        let printed;
        try {
          printed = model.printed(id, period, currency);
        } catch {
          continue;
        }
        if (printed.length === 0) continue;
        const key = `${id}|${period}|${currency}`;
        out.set(key, { values: printed.map((p) => p.value.toFixed()), lines: printed.map((p) => p.provenance.line) });
      }
    }
  }
  return out;
}

function allPeriods(dataset: Dataset): string[] {
  const periods = new Set<string>();
  for (const t of dataset.tables) for (const c of t.columns) periods.add(c.period);
  for (const f of dataset.narrative) periods.add(f.period);
  return [...periods];
}

/**
 * Figures no tie-out can vouch for (the gaps, found by the scan in importer.fuzz.test.ts): a change to one of these
 * is not required to be reported. Each is stated once, or tied only through a figure printed so coarsely that a
 * garbled digit does not move it.
 */
export const UNTIED: Record<string, string> = {
  AIGrossBillingGrowth: "stated once in the prose (\"grew 90% year-over-year\"); nothing else in the release gives it",
  CapitalExpendituresAndLeasedAssets: "stated once in the prose (\"approximately RMB3.0 billion\"); nothing else gives it",
  IDCCosts: "prose, to RMB0.1 million: the year-ago figure ties to nothing; this quarter's only to the cost breakdown's stated precision (±RMB0.25 million)",
  DepreciationAndAmortizationCosts: "prose, to RMB0.1 million: as IDCCosts",
  SolutionDevelopmentAndServicesCosts: "prose, to RMB0.1 million: as IDCCosts",
  FulfillmentCosts: "prose, to RMB0.1 million: ties only to the cost breakdown's stated precision; its US$ figure only to one stated step",
  OtherCosts: "prose, to RMB0.1 million: as FulfillmentCosts",
  OutstandingOrdinaryShares: "prose: ties only to 'about 299,369,665 ADSs' x 15, so a change under 15 shares is within the ADS count's precision",
  WeightedAverageShares:
    "table, but feeds only the loss per share printed to the cent: a change under ~1% moves nothing printed (the current quarter's count is printed twice and compared; the earlier quarters' are not)",
};

const checkKey = (c: Check): string => `${c.identity}|${c.period}|${c.currency ?? ""}|${c.status}|${c.printed.toFixed()}|${c.recomputed.toFixed()}`;

interface Baseline {
  figures: Figures;
  reported: Set<string>;
}

let baseline: Baseline | undefined;

function shipped(): Baseline {
  if (!baseline) {
    const model = new Model(importFiling(FILING));
    baseline = { figures: figures(model), reported: new Set(runChecks(model).filter((c) => c.status !== "ok").map(checkKey)) };
  }
  return baseline;
}

/** Word-bounded mention of a metric id in an identity or a warning. */
function mentions(text: string, id: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9])${id}([^A-Za-z0-9]|$)`).test(text);
}

export type Verdict =
  | { kind: "importError"; line: number }
  | { kind: "modelError"; line: number }
  /** unreported: changed figures nothing reports (the property fails); untied: changes to UNTIED figures nothing reports. */
  | { kind: "dataset"; changed: number; unreported: string[]; untied: string[] };

/** Imports a (mutated) filing and judges the outcome; throws if the property does not hold. */
export function verdict(text: string): Verdict {
  const lineCount = text.split(/\r?\n/).length;
  const lineOf = (error: unknown, stage: string): number => {
    if (!(error instanceof ImportError)) throw new Error(`${stage} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}, not an ImportError`);
    if (!/^line \d+: \S/.test(error.message)) throw new Error(`${stage}: ImportError message does not start with "line N: ": ${error.message}`);
    if (!(error.line >= 1 && error.line <= lineCount)) throw new Error(`${stage}: ImportError names line ${error.line} of a ${lineCount}-line text: ${error.message}`);
    return error.line;
  };
  let dataset: Dataset;
  let model: Model;
  let checks: Check[];
  try {
    // Untied releases are imported (their problems recorded) so that the checks' reporting can be judged too; without
    // allowUntied the importer refuses exactly those whose `untied` list is not empty (release-refusals.test.ts). The
    // importer builds the model, so a release no model can be built from is an importError too.
    ({ dataset, model, checks } = importRelease(text, "filing", { allowUntied: true }));
  } catch (error) {
    return { kind: "importError", line: lineOf(error, "importFiling") };
  }
  for (const problem of dataset.untied ?? []) {
    const line = Number(/^line (\d+): \S/.exec(problem)?.[1]);
    if (!(line >= 1 && line <= lineCount)) throw new Error(`a recorded problem names no line of the ${lineCount}-line text: ${problem}`);
  }
  if (Boolean(dataset.untied) !== checks.some((c) => c.status === "FAIL")) throw new Error("the dataset's untied list and its failing checks disagree");
  const { figures: before, reported: reportedBefore } = shipped();
  const after = figures(model);
  const newlyReported = checks.filter((c) => c.status !== "ok" && !reportedBefore.has(checkKey(c)));
  const warnings = [...model.warnings, ...dataset.warnings];
  const tableOfLine = new Map<number, number>();
  const metricsOfTable = new Map<number, Set<string>>();
  dataset.tables.forEach((t, i) => {
    metricsOfTable.set(i, new Set());
    for (const r of t.rows) {
      tableOfLine.set(r.line, i);
      const id = model.rowMetric.get(r);
      if (id) metricsOfTable.get(i)!.add(id);
    }
  });
  // Rows the catalog expects but the text lacks, or rows no metric claims, or prose sentences not found: the model
  // and the importer list them, and a tie-out that needs such a figure cannot run. The shipped filing has none (its
  // tests assert both lists empty), so a release with any is refused before it ships: the whole dataset is flagged.
  const flagged = warnings.length > 0;
  const unreported: string[] = [];
  const untied: string[] = [];
  let changed = 0;
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const is = after.get(key);
    // The same figure printed once more (a duplicated row) changes no value: the first and the distinct values count.
    if (was && is && was.values[0] === is.values[0] && new Set(was.values).size === new Set(is.values).size && is.values.every((v) => was.values.includes(v))) continue;
    changed++;
    const [id, period] = key.split("|");
    const later = safeShift(period, 1);
    const lines = [...(was?.lines ?? []), ...(is?.lines ?? [])];
    // A failing tie-out of the same table and quarter reports every figure of it (two swapped columns fail the
    // figures the reconciliations repeat, not each leaf), as does one that names the metric.
    // A cross-statement identity (no line of its own) reports the tables whose metrics it names.
    const tables = new Set((is?.lines ?? []).map((l) => tableOfLine.get(l)));
    const sameTable = (c: Check): boolean =>
      checkLines(c).some((l) => tables.has(tableOfLine.get(l))) ||
      (c.line === null && [...tables].some((t) => t !== undefined && [...metricsOfTable.get(t)!].some((m) => mentions(c.identity, m))));
    const byCheck = newlyReported.some((c) => (c.period === period || c.period === later) && (mentions(c.identity, id) || sameTable(c)));
    const byWarning = warnings.some((w) => mentions(w, id) || lines.some((l) => w.startsWith(`line ${l}:`)));
    if (byCheck || byWarning || flagged) continue;
    const what = `${key}: ${was ? was.values.join(" / ") : "absent"} -> ${is ? is.values.join(" / ") : "absent"} (line ${lines.join(", ")})`;
    (id in UNTIED ? untied : unreported).push(what);
  }
  return { kind: "dataset", changed, unreported, untied };
}

/** The lines a check points at: its own, and those its identity names ("printed on line 235 = line 270"). */
function checkLines(c: Check): number[] {
  const named = [...c.identity.matchAll(/\bline (\d+)/g)].map((m) => Number(m[1]));
  return c.line === null ? named : [c.line, ...named];
}

function safeShift(period: string, quarters: number): string | null {
  try {
    return shiftPeriod(period, quarters);
  } catch {
    return null;
  }
}

// ----------------------------------------------------------------------------------------------------------------
// Mutations

export type Mutation =
  | { op: "delete"; line: number }
  | { op: "duplicate"; line: number }
  | { op: "truncate"; line: number; at: number }
  | { op: "swapCells"; line: number; a: number; b: number }
  | { op: "garble"; line: number; number: number; how: number; digit: number };

/** Lines that carry figures (table rows and headers, prose with amounts): most mutations go there. */
const FIGURE_LINES = LINES.map((l, i) => (/\d/.test(l) ? i + 1 : 0)).filter((n) => n > 0);
const TABLE_LINES = LINES.map((l, i) => (l.includes("\t") ? i + 1 : 0)).filter((n) => n > 0);

const lineNumber = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...TABLE_LINES) },
  { weight: 3, arbitrary: fc.constantFrom(...FIGURE_LINES) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: LINES.length }) },
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: lineNumber.map((line) => ({ op: "delete" as const, line })) },
  { weight: 2, arbitrary: lineNumber.map((line) => ({ op: "duplicate" as const, line })) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("truncate" as const), line: lineNumber, at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("swapCells" as const), line: lineNumber, a: fc.nat(5), b: fc.nat(5) }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant("garble" as const), line: lineNumber, number: fc.nat(), how: fc.nat(5), digit: fc.nat(9) }) },
);

/** Applies mutations in order; a line number beyond the (shrunk or grown) text wraps around. */
export function apply(text: string, mutations: readonly Mutation[]): string {
  const lines = text.split("\n");
  for (const m of mutations) {
    const i = (m.line - 1) % lines.length;
    const line = lines[i];
    switch (m.op) {
      case "delete":
        lines.splice(i, 1);
        break;
      case "duplicate":
        lines.splice(i, 0, line);
        break;
      case "truncate":
        lines[i] = line.slice(0, m.at % (line.length + 1));
        break;
      case "swapCells": {
        const cells = line.split("\t");
        const a = m.a % cells.length;
        const b = m.b % cells.length;
        [cells[a], cells[b]] = [cells[b], cells[a]];
        lines[i] = cells.join("\t");
        break;
      }
      case "garble":
        lines[i] = garble(line, m.number, m.how, m.digit);
        break;
    }
  }
  return lines.join("\n");
}

/** Changes the n-th run of digits of a line: one digit replaced, added or dropped, or its sign or parentheses flipped. */
function garble(line: string, n: number, how: number, digit: number): string {
  const runs = [...line.matchAll(/\d+/g)];
  if (runs.length === 0) return line;
  const run = runs[n % runs.length];
  const start = run.index!;
  const text = run[0];
  const at = digit % text.length;
  let replaced: string;
  switch (how) {
    case 0: // a different digit
      replaced = text.slice(0, at) + String((Number(text[at]) + 1 + (digit % 9)) % 10) + text.slice(at + 1);
      break;
    case 1: // a digit more
      replaced = text.slice(0, at) + String(digit) + text.slice(at);
      break;
    case 2: // a digit less
      replaced = text.length > 1 ? text.slice(0, at) + text.slice(at + 1) : String((Number(text) + 1) % 10);
      break;
    case 3: // the last digit off by one
      replaced = text.slice(0, -1) + String((Number(text[text.length - 1]) + 1) % 10);
      break;
    case 4: // parentheses (the sign) added or removed around the figure
      return line[start - 1] === "(" ? line.slice(0, start - 1) + text + line.slice(start + text.length).replace(")", "") : `${line.slice(0, start)}(${text})${line.slice(start + text.length)}`;
    default: // a minus sign
      return `${line.slice(0, start)}-${line.slice(start)}`;
  }
  return line.slice(0, start) + replaced + line.slice(start + text.length);
}

// ----------------------------------------------------------------------------------------------------------------

export interface ImporterFuzzReport {
  seed: number;
  runs: number;
  outcomes: Record<Verdict["kind"], number>;
  /** Figures that differed from the filing's in the datasets the mutations produced (all of them reported). */
  changedFigures: number;
  failure: string | null;
  /**
   * The scan: runs of digits in the filing, its last digit changed, one at a time; every one of the `numbers` runs when
   * stride is 1, else every stride-th from offset.
   */
  scan: { numbers: number; stride: number; offset: number; cases: number; outcomes: Record<Verdict["kind"], number>; unreported: string[]; errors: string[]; untiedMetrics: string[] };
  totalMs: number;
}

/** Random mutations, one to three at a time. */
function randomMutations(runs: number, seed: number): Pick<ImporterFuzzReport, "outcomes" | "changedFigures" | "failure"> {
  const outcomes: Record<Verdict["kind"], number> = { importError: 0, modelError: 0, dataset: 0 };
  let changedFigures = 0;
  const details = fc.check(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
      const result = verdict(apply(FILING, mutations));
      outcomes[result.kind]++;
      if (result.kind === "dataset") {
        changedFigures += result.changed;
        if (result.unreported.length) throw new Error(`figures changed silently:\n  ${result.unreported.join("\n  ")}`);
      }
    }),
    { numRuns: runs, seed, includeErrorInReport: true },
  );
  return { outcomes, changedFigures, failure: details.failed ? (fc.defaultReportMessage(details) ?? "failed") : null };
}

/** Figures garbled in their last digit, one at a time: which changes nothing reports, and which UNTIED figures. */
function scanGarbles(stride: number, offset: number): ImporterFuzzReport["scan"] {
  const outcomes: Record<Verdict["kind"], number> = { importError: 0, modelError: 0, dataset: 0 };
  const unreported: string[] = [];
  const errors: string[] = [];
  const untiedMetrics = new Set<string>();
  let numbers = 0;
  let cases = 0;
  LINES.forEach((line, i) => {
    const runs = line.match(/\d+/g)?.length ?? 0;
    for (let n = 0; n < runs; n++) {
      if (numbers++ % stride !== offset) continue;
      cases++;
      try {
        const result = verdict(apply(FILING, [{ op: "garble", line: i + 1, number: n, how: 3, digit: 0 }]));
        outcomes[result.kind]++;
        if (result.kind !== "dataset") continue;
        unreported.push(...result.unreported.map((u) => `line ${i + 1}: ${u}`));
        for (const u of result.untied) untiedMetrics.add(u.split("|")[0]);
      } catch (error) {
        errors.push(`line ${i + 1}, number ${n + 1}: ${(error as Error).message}`);
      }
    }
  });
  return { numbers, stride, offset, cases, outcomes, unreported, errors, untiedMetrics: [...untiedMetrics].sort() };
}

export function fuzzImporter(runs: number, seed: number, scanStride = 1, scanOffset = 0): ImporterFuzzReport {
  const start = performance.now();
  shipped();
  const random = randomMutations(runs, seed);
  const scan = scanGarbles(scanStride, scanOffset);
  return { seed, runs, ...random, scan, totalMs: performance.now() - start };
}

if (require.main === module) {
  const defaults = fuzzSettings("full");
  const [runs, seed, stride, offset] = [defaults.importerRuns, defaults.seed, 1, 0].map((fallback, i) => Number(process.argv[2 + i] ?? fallback));
  process.stdout.write(JSON.stringify(fuzzImporter(runs, seed, stride, offset)));
}
