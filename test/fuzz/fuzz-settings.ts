/**
 * How long each fuzzer runs, and from which seed.
 *
 *   npm test       the "quick" profile: a fixed-seed sample of each fuzzer, a few seconds each
 *   npm run fuzz   the "full" profile (jest.fuzz.config.js sets the global kcFuzzProfile): 10,000 cases per KC
 *                  function, 200 random importer mutations and the scan of every number in the filing, 4,000
 *                  override scenarios
 *
 * Seeds are fixed by default, so a run is repeatable. KC_FUZZ_SEED=<n> replays seed n, KC_FUZZ_SEED=random draws a
 * new one; either way the seed is printed before the run and named in every failure. KC_FUZZ_RUNS (cases per
 * function), KC_FUZZ_IMPORTER_RUNS (random importer mutations) and KC_FUZZ_SCENARIO_RUNS (override scenarios) override
 * the profile's counts.
 */
import { execFileSync } from "child_process";
import * as path from "path";

export type FuzzProfile = "quick" | "full";

export interface FuzzSettings {
  profile: FuzzProfile;
  seed: number;
  /** True when KC_FUZZ_SEED=random picked the seed. */
  randomSeed: boolean;
  /** fast-check cases per KC function. */
  functionRuns: number;
  /** Random mutations of the filing. */
  importerRuns: number;
  /** Random override sets (scenarios.fuzz.test.ts). */
  scenarioRuns: number;
  /** The last-digit scan garbles every scanStride-th number of the filing (1: all of them), starting at scanOffset. */
  scanStride: number;
  scanOffset: number;
}

/** Distinct per profile, so the full run does not repeat the quick run's cases. */
export const DEFAULT_SEEDS: Record<FuzzProfile, number> = { quick: 1, full: 2 };
const PROFILES: Record<FuzzProfile, Pick<FuzzSettings, "functionRuns" | "importerRuns" | "scenarioRuns" | "scanStride">> = {
  quick: { functionRuns: 120, importerRuns: 10, scenarioRuns: 200, scanStride: 40 },
  full: { functionRuns: 10_000, importerRuns: 200, scenarioRuns: 4_000, scanStride: 1 },
};

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got '${raw}'`);
  return n;
}

export function fuzzSettings(profile: FuzzProfile = currentProfile()): FuzzSettings {
  const raw = process.env.KC_FUZZ_SEED;
  const randomSeed = raw === "random";
  let seed = DEFAULT_SEEDS[profile];
  if (randomSeed) seed = (Date.now() ^ (Math.random() * 0x100000000)) | 0;
  else if (raw !== undefined && raw !== "") {
    seed = Number(raw);
    if (!Number.isInteger(seed)) throw new Error(`KC_FUZZ_SEED must be a whole number or 'random', got '${raw}'`);
  }
  const counts = PROFILES[profile];
  const scanStride = counts.scanStride;
  return {
    profile,
    seed,
    randomSeed,
    functionRuns: count("KC_FUZZ_RUNS", counts.functionRuns),
    importerRuns: count("KC_FUZZ_IMPORTER_RUNS", counts.importerRuns),
    scenarioRuns: count("KC_FUZZ_SCENARIO_RUNS", counts.scenarioRuns),
    scanStride,
    // A different slice of the scan for each seed.
    scanOffset: ((seed % scanStride) + scanStride) % scanStride,
  };
}

/** "full" under jest.fuzz.config.js (npm run fuzz), "quick" otherwise. */
export function currentProfile(): FuzzProfile {
  return (globalThis as { kcFuzzProfile?: unknown }).kcFuzzProfile === "full" ? "full" : "quick";
}

/** The env var that sets each fuzzer's count, and the count. */
const COUNTS = {
  functions: (s: FuzzSettings) => `KC_FUZZ_RUNS=${s.functionRuns}`,
  importer: (s: FuzzSettings) => `KC_FUZZ_IMPORTER_RUNS=${s.importerRuns}`,
  scenarios: (s: FuzzSettings) => `KC_FUZZ_SCENARIO_RUNS=${s.scenarioRuns}`,
};

/** The line a run prints first: what runs, and how to replay it exactly. */
export function describeRun(fuzzer: keyof typeof COUNTS, settings: FuzzSettings, cases: string, replayPath: string): string {
  const command = settings.profile === "full" ? `npm run fuzz -- ${replayPath}` : `npx jest ${replayPath}`;
  return `${fuzzer} fuzzer (${settings.profile}): ${cases}, seed ${settings.seed}${settings.randomSeed ? " (random)" : ""}. Replay: KC_FUZZ_SEED=${settings.seed} ${COUNTS[fuzzer](settings)} ${command}`;
}

/**
 * A fuzzer's report. The full profile runs the fuzzer's script in a plain Node process, as the functions run in
 * Excel's JavaScript runtime: inside Jest's sandbox (a vm context) every lookup of a global such as Math or Number is
 * far slower, so the per-call time limits and the run's length would measure Jest rather than the add-in. The quick
 * profile runs in Jest, where the modules are already transpiled: a child would spend seconds transpiling them again
 * with ts-node, more than the sample itself takes (its slowest call is still far below the limit).
 */
export async function fuzzReport<T>(settings: FuzzSettings, script: string, args: Array<string | number>, inJest: () => T | Promise<T>): Promise<T> {
  if (settings.profile === "quick") return inJest();
  const stdout = execFileSync(process.execPath, ["--require", "ts-node/register/transpile-only", script, ...args.map(String)], {
    cwd: path.join(__dirname, "..", ".."),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 280_000,
  });
  return JSON.parse(stdout) as T;
}
