/**
 * The importer, fuzzed with mutations of the filing (importer-fuzz.ts: lines deleted, duplicated, truncated; cells
 * swapped; numbers garbled). Either importFiling (or new Model) refuses with an ImportError naming a line of the text,
 * or every figure that changed is reported by a tie-out that fails or is noted, or by the model's or importer's
 * warnings (which the shipped filing has none of). Never a silently different dataset.
 *
 * Besides the random mutations, a deterministic scan changes the last digit of every number in the filing, one at a
 * time: the figures that then change unreported must be exactly the UNTIED list, each with the reason no tie-out can
 * vouch for it, so the list can neither hide a new gap nor outlive a closed one.
 *
 * Runs in a plain Node process, like functions.fuzz.test.ts. KC_FUZZ_IMPORTER_RUNS sets the random cases (default
 * 200; each imports, models and checks a whole filing); KC_FUZZ_SEED replays a failure's seed.
 */
import { execFileSync } from "child_process";
import * as path from "path";
import { ImporterFuzzReport, UNTIED } from "./importer-fuzz";

const RUNS = Number(process.env.KC_FUZZ_IMPORTER_RUNS ?? 200);
const SEED = Number(process.env.KC_FUZZ_SEED ?? (Date.now() ^ (Math.random() * 0x100000000)));

let report: ImporterFuzzReport;

beforeAll(() => {
  const stdout = execFileSync(process.execPath, ["--require", "ts-node/register/transpile-only", path.join(__dirname, "importer-fuzz.ts"), String(RUNS), String(SEED)], {
    cwd: path.join(__dirname, "..", ".."),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 280_000,
  });
  report = JSON.parse(stdout) as ImporterFuzzReport;
}, 300_000);

test(`${RUNS} random mutations: an ImportError naming a line, or every changed figure reported`, () => {
  // On failure: fast-check's seed, the mutations (shrunk) and the figures that changed silently.
  expect(report.failure).toBeNull();
  // Both branches are exercised, and the datasets that came through did differ from the filing.
  expect(report.outcomes.importError).toBeGreaterThan(0);
  expect(report.outcomes.dataset).toBeGreaterThan(0);
  expect(report.changedFigures).toBeGreaterThan(0);
});

test("every number of the filing garbled in its last digit: refused, or reported, or one of the UNTIED figures", () => {
  expect(report.scan.cases).toBeGreaterThan(1000);
  expect(report.scan.errors).toEqual([]);
  expect(report.scan.unreported).toEqual([]);
});

test("the UNTIED list is exactly the figures the scan finds no tie-out for", () => {
  expect(report.scan.untiedMetrics).toEqual(Object.keys(UNTIED).sort());
});
