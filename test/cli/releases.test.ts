/**
 * kc and releases: `kc import` reads the text rendition, the EDGAR HTML exhibit and a browser's copy alike (its JSON
 * keeps each figure's exact value), and `--with RELEASE` merges further releases into the embedded one on get,
 * metrics, check, eval and export-model. The Q2 2026 release is the one test/core/filing-variants.ts builds.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/kc";
import type { Dataset } from "../../src/core";
import { renderCopiedText, renderExhibit } from "../core/edgar-exhibit";
import { FILING, fourthQuarterFiling, secondQuarterFiling } from "../core/filing-variants";

async function kc(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "kc-releases-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const Q2_TEXT = file("kc-2026q2.txt", secondQuarterFiling());
const Q2_HTML = file("kc-2026q2-ex99-1.htm", renderExhibit(secondQuarterFiling({ restate: true })));
const Q1_HTML = file("kc-2026q1-ex99-1.htm", renderExhibit());
const Q1_COPIED = file("pasted.txt", renderCopiedText());

describe("kc import reads every format", () => {
  const figures = (d: Dataset) => d.tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => `${t.kind} ${r.label} ${c.value}`)));

  test.each([
    ["the EDGAR HTML exhibit", Q1_HTML, "html"],
    ["a browser's copy", Q1_COPIED, "copied"],
  ])("%s: the JSON keeps the value of every figure, the text's figures", async (_, path, format) => {
    const out = join(dir, `${format}.json`);
    const result = await kc("import", path, "--out", out);
    expect(result).toEqual({ code: 0, out: expect.stringMatching(/^Wrote .*\.json: the release of 2026Q1 \(periods 2025Q1, 2025Q4, 2026Q1\)/), err: "" });
    const dataset = JSON.parse(readFileSync(out, "utf8")) as Dataset;
    expect(dataset.format).toBe(format);
    const text = JSON.parse((await kc("import", file("release.txt", FILING))).out) as Dataset;
    expect(figures(dataset)).toEqual(figures(text));
    for (const cell of dataset.tables.flatMap((t) => t.rows.flatMap((r) => r.cells))) expect(cell.value).toMatch(/^-?\d+(\.\d+)?$/);
    expect(dataset.narrative.map((f) => [f.id, f.period, f.value])).toEqual(text.narrative.map((f) => [f.id, f.period, f.value]));
  });

  test("another company's exhibit is refused, naming the headline's line", async () => {
    const other = file("other.htm", renderExhibit(FILING.replace(/Kingsoft Cloud Announces/g, "Acme Holdings Announces")));
    const result = await kc("import", other);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^kc import: line \d+: this is Acme Holdings's release \("Acme Holdings Announces Unaudited First Quarter 2026 Financial Results"\), not Kingsoft Cloud's/);
  });
});

describe("a fourth quarter's release: its year columns", () => {
  const Q4_HTML = file("kc-2026q4-ex99-1.htm", renderExhibit(fourthQuarterFiling()));
  const YEARS = "Year columns: FY2025, FY2026 read and checked: each ties out like a quarter, and against the sum of its quarters where the releases hold all four. They are not periods the KC functions answer: the functions model quarters, and a year is the sum of its quarters.";

  test("kc import keeps each year figure's value in the JSON, and says what became of the year columns", async () => {
    const out = join(dir, "q4.json");
    const result = await kc("import", Q4_HTML, "--out", out);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Wrote .*q4\.json: the release of 2026Q4 \(periods 2025Q4, 2026Q3, 2026Q4\), 8 tables, .* 0 failed\. /);
    expect(result.out.endsWith(` ${YEARS}`)).toBe(true);
    const is = (JSON.parse(readFileSync(out, "utf8")) as Dataset).tables.find((t) => t.kind === "IS")!;
    expect(is.yearColumns!.map((c) => c.year)).toEqual(["FY2025", "FY2026", "FY2026"]);
    // Total revenues: 4 x 2,761,387 and 5 x 2,703,732 (the Q1 release's line 233).
    expect(is.rows.find((r) => r.label === "Total revenues")!.yearCells!.map((c) => c.value)).toEqual(["11045548", "13518660", "13518660"]);
  });

  test("kc check --with lists each year against its quarters, and what is missing", async () => {
    const result = await kc("check", "--with", Q2_TEXT, "--with", Q4_HTML);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\nTotalRevenues = 2026Q1 \+ 2026Q2 \+ 2026Q3 \+ 2026Q4 \[Q4 2026 release\] +FY2026 +13518660 +13518660 +ok\n/);
    expect(result.out).toMatch(/\nYear column = the sum of its quarters \[Q4 2026 release\] +FY2025 +3 +4 +noted: FY2025: needs 2025Q3 to check the year column/);
    expect(result.out.endsWith(`failed\n${YEARS}`)).toBe(true);
  });
});

describe("--with RELEASE merges a release into the embedded one", () => {
  test("get: the latest quarter of all, from the text or the HTML exhibit", async () => {
    expect(await kc("get", "TotalRevenues", "FQ0", "--with", Q2_TEXT)).toEqual({ code: 0, out: "5407464", err: "" });
    expect(await kc("get", "TotalRevenues", "2026Q2", "--with", Q2_HTML)).toEqual({ code: 0, out: "5407464", err: "" });
    // Without it, the embedded release alone: no 2026Q2 (nothing of an earlier command stays).
    expect((await kc("get", "TotalRevenues", "2026Q2")).code).toBe(1);
  });

  test("get --source names the release and its file; a restated figure is the later release's", async () => {
    const result = await kc("get", "SellingAndMarketingExpenses", "2026Q1", "--source", "--with", Q2_HTML);
    expect(result.out).toMatch(new RegExp(`· Q2 2026 release \\(${Q2_HTML.replace(/[.]/g, "\\.")}\\) line \\d+: \\(123,000\\) \\(the Q1 2026 release printed \\(123,776\\) on line 237: restated\\)$`));
  });

  test("metrics and eval compute with the merged releases", async () => {
    expect((await kc("metrics", "--search", "ebitda", "--with", Q2_TEXT)).code).toBe(0);
    const result = await kc("eval", "--json", "--with", Q2_TEXT, '=KC.GROWTH("CashAndCashEquivalents","2026Q2","QoQ")', '=KC.PERIODS()');
    expect(result.code).toBe(0);
    const [growth, periods] = JSON.parse(result.out);
    expect(growth).toBeCloseTo(2570711 / 4903797 - 1, 12);
    expect(periods).toEqual([["2025Q1"], ["2025Q2"], ["2025Q4"], ["2026Q1"], ["2026Q2"]]);
  });

  test("check lists each release's tie-outs and those across releases; a restatement is noted, not a failure", async () => {
    const result = await kc("check", "--with", Q2_HTML);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/SellingAndMarketingExpenses in the Q2 2026 release = the Q1 2026 release\s+2026Q1\s+-123000\s+-123776\s+noted: restated: 2026Q1 SellingAndMarketingExpenses: \(123,000\) in the Q2 2026 release \(line \d+\), \(123,776\) in the Q1 2026 release \(line 237\); KC uses the Q2 2026 release's figure/);
    expect(result.out).toMatch(/TotalRevenues = PublicCloudRevenues \+ EnterpriseCloudRevenues \[Q2 2026 release\]/);
    expect(result.out).toMatch(/\n\d+ ok, \d+ noted \(the filing's own differences\), 0 failed$/);
  });

  test("export-model writes every quarter of both releases", async () => {
    const target = join(dir, "model.xlsx");
    const result = await kc("export-model", target, "--with", Q2_TEXT);
    expect(result.code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    const header = (workbook.getWorksheet("IS")!.getRow(5).values as unknown[]).filter((v) => typeof v === "string" && /^\d{4}Q\d$/.test(v));
    expect(header).toEqual(["2025Q1", "2025Q2", "2025Q4", "2026Q1", "2026Q2"]);
  }, 30_000);

  test.each([
    ["another company's release", () => [file("acme.txt", FILING.replace(/Kingsoft Cloud Announces/g, "Acme Holdings Announces"))], 1, /^kc get: .*acme\.txt: line 71: this is Acme Holdings's release/],
    ["the same quarter twice", () => [Q2_TEXT, Q2_TEXT], 1, /^kc get: line 1: the Q2 2026 release is there twice \('.*kc-2026q2\.txt' and '.*kc-2026q2\.txt'\): keep one/],
    ["a file that is not there", () => [join(dir, "missing.htm")], 2, /^kc: cannot read .*missing\.htm/],
  ])("%s is refused", async (_, files, code, message) => {
    const result = await kc("get", "TotalRevenues", "2026Q2", ...files().flatMap((f) => ["--with", f]));
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
  });

  test("bad usage: --with without a file, with import, or beside check's own RELEASE", async () => {
    expect((await kc("get", "TotalRevenues", "2026Q1", "--with")).err).toMatch(/^kc: --with needs a release file/);
    expect((await kc("import", Q2_TEXT, "--with", Q2_TEXT)).err).toMatch(/^kc: unknown option --with/);
    expect((await kc("check", Q2_TEXT, "--with", Q2_TEXT)).err).toMatch(/^kc: check takes a RELEASE \(checked alone\) or --with RELEASE/);
  });
});
