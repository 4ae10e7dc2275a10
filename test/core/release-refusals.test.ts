/**
 * Every import runs every tie-out of the release it reads: a release that does not tie, prints a statement twice or
 * prints a figure outside its own number format is refused with every problem and its line, unless allowUntied, which
 * imports it with the problems recorded so that KC.CHECKS and kc check show them. Figures below are the filing's.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/kc";
import { createEngine } from "../../src/core";
import { printedPrecision } from "../../src/core/catalog";
import { importFiling } from "../../src/core/importer";
import { stripMarkup } from "../../src/core/importer/markup";
import { ImportError, ReleaseRefused } from "../../src/core/messages";
import { DATASET } from "../../src/data/dataset.generated";
import { FILING, LINES, withLine } from "./filing-variants";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { renderDataset } = require("../../scripts/generate-filing-module.js");

function refusal(text: string): ReleaseRefused {
  try {
    importFiling(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseRefused);
    return error as ReleaseRefused;
  }
  throw new Error("imported");
}

/** Public cloud services 2026Q1 (line 231) one more than printed: total revenues (line 233) no longer ties. */
const UNTIED = withLine(231, (l) => l.replace("1,996,301", "1,996,302"));
/** The balance sheet (lines 173 to 222) printed again after itself (its copy edited), from line 224. */
const bsTwice = (edit: (line: string) => string = (l) => l): string => [...LINES.slice(0, 222), "", ...LINES.slice(172, 222).map(edit), ...LINES.slice(222)].join("\n");
const BS_TWICE = bsTwice();

describe("a release that does not tie is refused, every problem with its line", () => {
  test("a line item changed without its total", () => {
    const error = refusal(UNTIED);
    expect(error.line).toBe(233);
    expect(error.problems).toEqual([
      { line: 233, problem: "TotalRevenues = PublicCloudRevenues + EnterpriseCloudRevenues does not tie for 2026Q1: printed 2703732, recomputed 2703733 from lines 231, 232" },
    ]);
    expect(error.message.split("\n")).toEqual([
      "line 233: TotalRevenues = PublicCloudRevenues + EnterpriseCloudRevenues does not tie for 2026Q1: printed 2703732, recomputed 2703733 from lines 231, 232",
      expect.stringMatching(/^1 problem: nothing was imported\. `kc import --allow-untied`/),
    ]);
  });

  test("two line items changed: both problems, in the order of their lines", () => {
    const text = withLine(180, (l) => l.replace("4,903,797", "4,903,798"), UNTIED);
    const lines = refusal(text).problems.map((p) => p.line);
    expect(lines[0]).toBe(185); // total current assets (line 185) no longer ties with cash (line 180)
    expect(lines).toContain(233);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  test("the balance sheet printed twice", () => {
    const error = refusal(BS_TWICE);
    expect(error.problems).toEqual([{ line: 224, problem: "the balance sheet is printed twice (lines 173 and 224)" }]);
  });

  test("a reconciliation printed twice is named by its first row", () => {
    const copy = LINES.slice(288, 309); // the adjusted net loss reconciliation: title (line 289) to its last row
    const text = [...LINES.slice(0, 309), "", ...copy, ...LINES.slice(309)].join("\n");
    expect(refusal(text).problems).toEqual([{ line: 311, problem: "the non-GAAP reconciliation 'Net Loss' is printed twice (lines 289 and 311)" }]);
  });

  test.each([
    ["an amount in another locale's grouping", 180, "\t710,901", "\t710.901", "'710.901' is not in the release's number format (it prints amounts in whole thousands, such as 710,901 or (31,068))"],
    ["an amount with decimals", 233, "<b>2,703,732</b>", "<b>2,703,732.0</b>", "'2,703,732.0' is not in the release's number format (it prints amounts in whole thousands"],
    ["a per-share amount to 3 decimals", 253, "(0.08)\t(0.01)", "(0.080)\t(0.01)", "'(0.080)' is not in the release's number format (it prints per-share amounts to 2 decimals, such as (0.08))"],
    ["a margin to 2 decimals", 333, "-12.7%", "-12.70%", "'-12.70%' is not in the release's number format (it prints margins as percentages to 1 decimal, such as 12.8% or -5.9%)"],
    ["a margin as a fraction", 333, "-12.7%", "-0.127", "'-0.127' is not in the release's number format (it prints margins as percentages"],
  ])("%s", (_, line, from, to, message) => {
    const text = withLine(line, (l) => l.replace(from, to));
    expect(text).not.toBe(FILING);
    const problem = refusal(text).problems.find((p) => p.problem.includes("number format"))!;
    expect(problem.line).toBe(line);
    expect(problem.problem).toContain(message);
  });

  test("a figure printed '-' is in any metric's format (the filing prints zero so: line 306)", () => {
    expect(LINES[305]).toMatch(/\t-\t-$/);
    expect(() => importFiling(FILING)).not.toThrow();
  });

  test("the catalog's printed precision is the filing's (per share 2 decimals, margins 0.1%)", () => {
    expect(printedPrecision({ id: "NetLossPerShare", unit: "perShare" })).toMatchObject({ decimals: 2, percent: false });
    expect(printedPrecision({ id: "GrossMargin", unit: "ratio" })).toMatchObject({ decimals: 3, percent: true });
    expect(printedPrecision({ id: "TotalRevenues", unit: "amount" })).toMatchObject({ decimals: 0, percent: false });
  });
});

describe("allowUntied imports it anyway, recording the problems where KC.CHECKS and kc check show them", () => {
  // The copy's cash and cash equivalents at Dec 31, 2025 (line 231, a copy of line 180) one more.
  const dataset = importFiling(bsTwice((l) => l.replace("6,018,043", "6,018,044")), "release.txt", { allowUntied: true });

  test("the dataset records each problem with its line", () => {
    expect(dataset.untied).toEqual([
      "line 224: the balance sheet is printed twice (lines 173 and 224)",
      "line 231: CashAndCashEquivalents printed on line 180 = line 231 does not tie for 2025Q4: printed 6018044, recomputed 6018043",
    ]);
  });

  test("KC.CHECKS shows each as a failed check", () => {
    const rows = createEngine(dataset).excel.checks();
    const failed = rows.filter((r) => String(r[4]).startsWith("FAIL"));
    expect(failed.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ["CashAndCashEquivalents printed on line 180 = line 231", "2025Q4", 6018044, 6018043, "FAIL: differs by -1"],
      ["Balance sheet printed once", "2026Q1", 2, 1, "FAIL: the balance sheet is printed twice (lines 173 and 224)"],
    ]);
    // Everything else still ties (the copy's other figures equal the original's).
    expect(rows.length - 1 - failed.length).toBeGreaterThan(259);
  });

  test("a release that ties records nothing: the embedded dataset has no untied field", () => {
    expect(importFiling(FILING, "x", { allowUntied: true })).not.toHaveProperty("untied");
    expect(DATASET).not.toHaveProperty("untied");
    expect(readFileSync(join(__dirname, "../../src/data/dataset.generated.ts"), "utf8")).not.toContain("untied");
  });
});

describe("generate:data and kc run the same import", () => {
  const dir = mkdtempSync(join(tmpdir(), "kc-untied-"));
  const file = join(dir, "untied.txt");
  writeFileSync(file, UNTIED);
  const kc = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
    return { code, out: out.join("\n"), err: err.join("\n") };
  };

  test("generate:data refuses an untied release, and embeds it with --allow-untied", () => {
    expect(() => renderDataset(UNTIED)).toThrow(ReleaseRefused);
    expect(() => renderDataset(UNTIED)).toThrow(/^line 233: TotalRevenues = /);
    expect(renderDataset(UNTIED, true)).toContain('\\"untied\\":[\\"line 233: TotalRevenues = ');
  });

  test("kc import refuses it: exit 1, every problem with its line", async () => {
    const result = await kc("import", file);
    expect(result.code).toBe(1);
    expect(result.out).toBe("");
    expect(result.err).toMatch(/^kc import: line 233: TotalRevenues = PublicCloudRevenues \+ EnterpriseCloudRevenues does not tie for 2026Q1: printed 2703732, recomputed 2703733 from lines 231, 232\n1 problem: nothing was imported/);
  });

  test("kc import --allow-untied writes it with its problems, and says so", async () => {
    const out = join(dir, "untied.json");
    const result = await kc("import", file, "--allow-untied", "--out", out);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/^kc import: imported with 1 problem\(s\) \(--allow-untied\), recorded in the dataset:\nline 233: TotalRevenues = /);
    expect(JSON.parse(readFileSync(out, "utf8")).untied).toEqual([expect.stringMatching(/^line 233: TotalRevenues = /)]);
  });

  test("kc check RELEASE shows the failure and exits 1", async () => {
    const result = await kc("check", file);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/TotalRevenues = PublicCloudRevenues \+ EnterpriseCloudRevenues\s+2026Q1\s+2703732\s+2703733\s+FAIL: differs by 1/);
    expect(result.out).toMatch(/\n\d+ ok, 14 noted \(the filing's own differences\), 1 failed$/);
  });

  test("a structural problem still stops at its line (no partial dataset)", async () => {
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, withLine(231, (l) => l.replace("1,996,301", "n/a")));
    expect(await kc("import", bad, "--allow-untied")).toEqual({
      code: 1,
      out: "",
      err: "kc import: line 231: row 'Public cloud services', column 'Three Months Ended Mar 31, 2026 RMB': 'n/a' is not a number",
    });
  });
});

describe("the size limit is checked before the text is parsed", () => {
  test("past 2 MB: refused on line 1", () => {
    const error = (() => {
      try {
        importFiling(`${FILING}\n${"x".repeat(2 * 1024 * 1024)}`);
      } catch (e) {
        return e as ImportError;
      }
      throw new Error("imported");
    })();
    expect(error.key).toBe("releaseTooLarge");
    expect(error.message).toBe("line 1: the release is larger than 2 MB (2,097,152 bytes), the most KC reads (a results release is a few dozen KB): nothing was imported");
  });

  test("counted in UTF-8 bytes: 1.1 million 'é' are 2.2 MB", () => {
    expect(() => importFiling(`${FILING}\n${"é".repeat(1_100_000)}`)).toThrow(/^line 1: the release is larger than 2 MB/);
    expect(() => importFiling(`${FILING}\n${"é".repeat(900_000)}`)).not.toThrow();
  });
});

describe("stripMarkup: the same clean-up, in linear time", () => {
  test.each([
    ["<b>Total revenues</b>", "Total revenues"],
    ["US$392.0<sup>1</sup> million", "US$392.0 million"],
    ["**Net loss**", "Net loss"],
    ["RMB\\$1", "RMB$1"],
    ["a <sup>1</sup> b <sup>2</sup> c", "a b c"],
    ["<a<a<a", "<a<a<a"],
    ["x < y > z", "x < y > z"],
    ["<sup>unclosed", "unclosed"],
  ])("%s -> %s", (text, clean) => {
    expect(stripMarkup(text)).toBe(clean);
  });
});
