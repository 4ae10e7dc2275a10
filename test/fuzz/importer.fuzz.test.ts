/**
 * The importer, fuzzed with mutations of the filing (importer-fuzz.ts: lines deleted, duplicated, truncated; cells
 * swapped; numbers garbled). Either importFiling (or new Model) refuses with an ImportError naming a line of the text,
 * or every figure that changed is reported by a tie-out that fails or is noted, or by the model's or importer's
 * warnings (which the shipped filing has none of). Never a silently different dataset.
 *
 * Besides the random mutations, a deterministic scan changes the last digit of numbers in the filing, one at a time:
 * the figures that then change unreported must be UNTIED ones, each with the reason no tie-out can vouch for it. The
 * full scan (every number: npm run fuzz) must find exactly the UNTIED list, so the list can neither hide a new gap nor
 * outlive a closed one; npm test scans a fixed-seed slice of the numbers and a few random mutations (fuzz-settings.ts).
 *
 * npm run fuzz runs it in a plain Node process, like functions.fuzz.test.ts. KC_FUZZ_IMPORTER_RUNS sets the random cases;
 * KC_FUZZ_SEED replays a failure's seed.
 */
import * as path from "path";
import { describeRun, fuzzReport, fuzzSettings } from "./fuzz-settings";
import { ImporterFuzzReport, UNTIED, fuzzImporter } from "./importer-fuzz";

const settings = fuzzSettings();
const { seed, importerRuns: RUNS, scanStride, scanOffset } = settings;
const fullScan = scanStride === 1;

let report: ImporterFuzzReport;

beforeAll(async () => {
  const scan = fullScan ? "the scan of every number" : `the scan of every ${scanStride}th number from #${scanOffset + 1}`;
  console.log(describeRun("importer", settings, `${RUNS} random mutations and ${scan}`, "test/fuzz/importer.fuzz.test.ts"));
  const args = [RUNS, seed, scanStride, scanOffset];
  report = await fuzzReport(settings, path.join(__dirname, "importer-fuzz.ts"), args, () => fuzzImporter(RUNS, seed, scanStride, scanOffset));
}, 300_000);

test(`${RUNS} random mutations (seed ${seed}): an ImportError naming a line, or every changed figure reported`, () => {
  expect(report.seed).toBe(seed);
  // On failure: fast-check's seed, the mutations (shrunk) and the figures that changed silently.
  expect({ seed, failure: report.failure }).toEqual({ seed, failure: null });
  // Both branches are exercised, and the datasets that came through did differ from the filing.
  expect(report.outcomes.importError).toBeGreaterThan(0);
  expect(report.outcomes.dataset).toBeGreaterThan(0);
  expect(report.changedFigures).toBeGreaterThan(0);
});

test(`numbers of the filing garbled in their last digit (${fullScan ? "all" : `every ${scanStride}th`}): refused, or reported, or one of the UNTIED figures`, () => {
  expect(report.scan.numbers).toBeGreaterThan(1000);
  expect(report.scan.cases).toBe(Math.floor((report.scan.numbers - scanOffset - 1) / scanStride) + 1);
  expect(report.scan.errors).toEqual([]);
  expect(report.scan.unreported).toEqual([]);
});

if (fullScan) {
  test("the UNTIED list is exactly the figures the scan finds no tie-out for", () => {
    expect(report.scan.untiedMetrics).toEqual(Object.keys(UNTIED).sort());
  });
} else {
  test("every figure the sampled scan finds no tie-out for is on the UNTIED list (npm run fuzz checks the list is exact)", () => {
    expect(report.scan.untiedMetrics.filter((metric) => !(metric in UNTIED))).toEqual([]);
  });
}
