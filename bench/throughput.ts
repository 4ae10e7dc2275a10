/**
 * (1) Function throughput through the functions the add-in registers (functionRegistry: found by name in the
 * functions.json generated from src/functions/functions.ts, each the very function CustomFunctions.associate gets).
 * Arguments are Excel-shaped: omitted optionals are null, ranges are 2-D arrays.
 *
 *   node -r ts-node/register/transpile-only bench/throughput.ts            steady state (model warm), JSON on stdout
 *   node -r ts-node/register/transpile-only bench/throughput.ts --first F  first call of every key of F in a fresh
 *                                                                          process (no caches), JSON on stdout
 */
import { functionRegistry } from "../src/dev/registry";
import { functionsEngine } from "../src/functions/runtime";
import { measureRate, median } from "./stats";

type Args = unknown[];

const AMOUNT_STATEMENTS = new Set(["BS", "IS", "CF", "NONGAAP"]);

/** Spellings of one period key that resolvePeriod accepts (index 0 is the canonical one). */
function spellings(key: string): (string | number)[] {
  const y = key.slice(0, 4);
  const q = Number(key.slice(5));
  const yy = y.slice(2);
  const month = q * 3;
  const day = month === 3 || month === 12 ? 31 : 30;
  const mm = String(month).padStart(2, "0");
  const forms = [`${y}Q${q}`, `${y} Q${q}`, `${y}-Q${q}`, `FY${y}Q${q}`, `Q${q} ${y}`, `Q${q}-${y}`, `${q}Q${yy}`, `${q}Q${y}`, `${y}-${mm}-${day}`, `${month}/${day}/${y}`, `${month}/${day}/${yy}`, `Q${q} ${yy}`];
  const serial = Math.round((Date.UTC(Number(y), month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
  return [...forms, ...forms.slice(1).map((f) => f.toLowerCase()).filter((f) => !forms.includes(f)), serial];
}

/** The argument lists each function is timed on: every valid combination the filing supports. */
function workloads() {
  const kc = functionsEngine(); // the engine the registered functions compute with
  const metrics = kc.metrics();
  const printed = metrics.filter((m) => AMOUNT_STATEMENTS.has(m.statement) && m.unit === "amount");
  const printedPairs: [string, string][] = [];
  for (const m of printed) for (const p of kc.periods(m.id)) if (kc.printed(m.id, p, "RMB").length) printedPairs.push([m.id, p]);
  const metricKeys: Args[] = [];
  for (const [id, p] of printedPairs) for (const cur of [null, "USD"]) for (const scale of [null, "millions", "units", "billions"]) metricKeys.push([id, p, cur, scale, null]);

  const duration = printedPairs.filter(([id]) => kc.metric(id).kind === "duration");
  const marginKeys: Args[] = [];
  for (const [id, p] of duration) for (const base of [null, "GrossProfit"]) marginKeys.push([id, p, base, null]);

  const printedValue = (id: string, p: string) => kc.printed(id, p, "RMB")[0]?.value;
  const growthKeys: Args[] = [];
  for (const [id, p] of printedPairs) {
    for (const [basis, back] of [[null, 4], ["QoQ", 1]] as const) {
      const y = Number(p.slice(0, 4));
      const q = Number(p.slice(5));
      const idx = y * 4 + q - 1 - back;
      const base = `${Math.floor(idx / 4)}Q${(idx % 4) + 1}`;
      const v = printedValue(id, base);
      const now = printedValue(id, p);
      // Growth from zero or across a change of sign is #N/A (not meaningful): time the growth rates that exist.
      if (v && now && !v.isZero() && !now.isZero() && v.isNegative() === now.isNegative()) growthKeys.push([id, p, basis, null]);
    }
  }

  const overrideMetrics = ["GrossProfit", "TotalOperatingExpenses", "OperatingLoss", "LossBeforeIncomeTaxes", "NetLoss", "AdjustedEBITDA", "AdjustedNetLoss", "NetLossAttributableToShareholders"];
  const periods = ["2026Q1", "2025Q4", "2025Q1"];
  const overridePool: Args[] = [];
  for (let i = 0; i < 4096; i++) {
    // Three rows, values different on every call of a run: nothing the core could have cached.
    const overrides = [
      ["TotalRevenues", 2_700_000 + i * 7],
      ["CostOfRevenues", -(2_350_000 + ((i * 13) % 9_973))], // costs are negative as presented
      ["SellingAndMarketingExpenses", -(60_000 + ((i * 31) % 4_999))],
    ];
    overridePool.push([overrideMetrics[i % overrideMetrics.length], periods[i % 3], null, null, overrides]);
  }

  const statementKeys: Args[] = [];
  for (const kind of ["IS", "BS", "CF", "NONGAAP"]) {
    const available = new Set(kc.tables(kind as "IS").flatMap((t) => t.columns.map((c) => c.period)));
    for (const periodsArg of [null, ...[...available].map((p) => [[p]])]) {
      for (const cur of [null, "USD"]) for (const scale of [null, "millions"]) statementKeys.push([kind, periodsArg, cur, scale]);
    }
  }
  return { metricKeys, marginKeys, growthKeys, overridePool, statementKeys };
}

async function main() {
  const tRegistry = performance.now();
  const registry = functionRegistry();
  const registryMs = performance.now() - tRegistry;
  const fn = (name: string) => {
    const f = registry.byName.get(name);
    if (!f) throw new Error(`KC.${name} is not registered`);
    return f.invoke;
  };
  const METRIC = fn("METRIC");
  const MARGIN = fn("MARGIN");
  const GROWTH = fn("GROWTH");
  const STATEMENT = fn("STATEMENT");
  const tContext = performance.now();
  const w = workloads(); // builds the context (import of the embedded filing, model, index); computes no value
  const contextMs = performance.now() - tContext;
  const cycle = (f: (...a: unknown[]) => unknown, keys: Args[]) => (i: number) => f(...keys[i % keys.length]);

  const firstIdx = process.argv.indexOf("--first");
  if (firstIdx >= 0) {
    // Fresh process: the first call of every key, split in 5 disjoint chunks (5 runs). Nothing cached beforehand.
    const which = process.argv[firstIdx + 1];
    const table: Record<string, [(...a: unknown[]) => unknown, Args[]]> = {
      METRIC: [METRIC, w.metricKeys],
      MARGIN: [MARGIN, w.marginKeys],
      GROWTH: [GROWTH, w.growthKeys],
      STATEMENT: [STATEMENT, w.statementKeys],
    };
    const [f, keys] = table[which];
    // Interleave so every chunk holds every statement and period.
    const chunks: Args[][] = [[], [], [], [], []];
    keys.forEach((k, i) => chunks[i % 5].push(k));
    const runs = chunks.map((chunk) => {
      const t0 = performance.now();
      for (const k of chunk) f(...k);
      return (chunk.length * 1000) / (performance.now() - t0);
    });
    process.stdout.write(JSON.stringify({ fn: which, keys: keys.length, median: median(runs), runs, registryMs, contextMs }) + "\n");
    return;
  }

  // Validate every workload once (and warm the model's value cache: the steady state of a workbook).
  for (const [name, f, keys] of [["METRIC", METRIC, w.metricKeys], ["MARGIN", MARGIN, w.marginKeys], ["GROWTH", GROWTH, w.growthKeys], ["STATEMENT", STATEMENT, w.statementKeys], ["METRIC+overrides", METRIC, w.overridePool.slice(0, 64)]] as const) {
    for (const k of keys) {
      const v = f(...k);
      if (!(typeof v === "number" || Array.isArray(v))) throw new Error(`${name}(${JSON.stringify(k)}) gave ${String(v)}`);
    }
  }
  const check = METRIC("AdjustedEBITDA", "2026Q1", null, null, null);
  if (check !== 747506) throw new Error(`KC.METRIC("AdjustedEBITDA","2026Q1") gave ${String(check)}, expected 747506`);

  const results: Record<string, unknown> = {};
  // KC.METRIC, printed figure, arguments seen before: the canonical spelling of every key, cycled.
  results.metricCached = { ...measureRate(cycle(METRIC, w.metricKeys)), keys: w.metricKeys.length };
  // KC.METRIC, printed figure, a new argument key (the model's values are warm): each run passes every key once with a
  // spelling of the period never used before (a results cache keyed by the raw arguments would miss on every call).
  const spellingsByPeriod = new Map<string, (string | number)[]>();
  for (const k of w.metricKeys) if (!spellingsByPeriod.has(k[1] as string)) spellingsByPeriod.set(k[1] as string, spellings(k[1] as string));
  const variants = Math.min(...[...spellingsByPeriod.values()].map((s) => s.length)) - 1;
  const missRuns: number[] = [];
  // Warm the JIT on every spelling's parse path first, with keys the measured runs never use (each spelling with a
  // trailing space, which the period reader trims): the measured runs then show the steady state, not the compiler
  // catching up form by form (1c reports the cold first calls).
  for (let v = 1; v <= variants; v++) {
    for (const k of w.metricKeys) {
      const spelling = spellingsByPeriod.get(k[1] as string)![v];
      if (typeof spelling === "string") METRIC(k[0], `${spelling} `, k[2], k[3], k[4]); // a date serial has no such twin
    }
  }
  for (let v = 1; v <= variants; v++) {
    const t0 = performance.now();
    for (const k of w.metricKeys) METRIC(k[0], spellingsByPeriod.get(k[1] as string)![v], k[2], k[3], k[4]);
    const rate = (w.metricKeys.length * 1000) / (performance.now() - t0);
    missRuns.push(rate);
  }
  results.metricResultCacheMiss = { median: median(missRuns), runs: missRuns, callsPerRun: w.metricKeys.length };
  results.metricOverrides = { ...measureRate(cycle(METRIC, w.overridePool)), keys: w.overridePool.length };
  results.margin = { ...measureRate(cycle(MARGIN, w.marginKeys)), keys: w.marginKeys.length };
  results.growth = { ...measureRate(cycle(GROWTH, w.growthKeys)), keys: w.growthKeys.length };
  results.statement = { ...measureRate(cycle(STATEMENT, w.statementKeys)), keys: w.statementKeys.length };
  process.stdout.write(JSON.stringify({ registryMs, contextMs, results }) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
