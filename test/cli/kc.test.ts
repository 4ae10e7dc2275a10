import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/kc";
import { withLine } from "../core/filing-variants";

async function kc(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("kc get", () => {
  test.each([
    [["get", "AdjustedEBITDA", "2026Q1"], "747506"],
    [["get", "NetLoss", "1Q26"], "-343720"],
    [["get", "Revenue", "2026Q1", "--currency", "USD"], "391959"],
    [["get", "TotalRevenues", "2026Q1", "--scale", "millions"], "2703.732"],
    [["get", "GrossMargin", "2026Q1", "--reported"], "0.128"],
  ])("%j prints %s", async (argv, expected) => {
    expect(await kc(...argv)).toEqual({ code: 0, out: expected, err: "" });
  });

  test.each([
    ["46112", "2703732"], // the Excel date serial of 2026-03-31 (1900 date system): total revenues, line 233
    ["46022", "2761387"], // 2025-12-31
    [" 46112 ", "2703732"],
  ])("a period typed as a number is read as Excel reads it in a cell: %j", async (period, expected) => {
    expect(await kc("get", "TotalRevenues", period)).toEqual({ code: 0, out: expected, err: "" });
  });

  test("a number that is no quarter end is refused with the functions' message", async () => {
    const result = await kc("get", "TotalRevenues", "46111");
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^#VALUE! Period '46111' \(Excel date 2026-03-30 in the 1900 date system\) is not valid/);
  });

  test("--source names the line of the filing", async () => {
    expect((await kc("get", "NetLoss", "2026Q1", "--source")).out).toMatch(/Net loss · Three Months Ended Mar 31, 2026 RMB · line 249: \(343,720\)/);
  });

  test("a bad metric shows the functions' message and exits 1", async () => {
    expect(await kc("get", "AdjEBTDA", "2026Q1")).toEqual({ code: 1, out: "", err: "#VALUE! Unknown metric 'AdjEBTDA'. Did you mean AdjustedEBITDA?" });
  });

  test("a period the filing lacks exits 1 with #N/A", async () => {
    const result = await kc("get", "NetLoss", "2024Q4");
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^#N\/A .*2025Q1, 2025Q4, 2026Q1/);
  });

  test.each([[["get", "NetLoss"]], [["get", "NetLoss", "2026Q1", "--bogus"]], [["get", "NetLoss", "2026Q1", "--currency"]], [["nothing"]], [[]]])(
    "bad usage %j exits 2 with the usage",
    async (argv) => {
      const result = await kc(...argv);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/usage: kc <command>/);
    },
  );
});

describe("kc help", () => {
  test.each([[["--help"]], [["-h"]], [["help"]]])("%j prints the usage and exits 0", async (argv) => {
    const result = await kc(...argv);
    expect(result).toMatchObject({ code: 0, err: "" });
    expect(result.out).toMatch(/^usage: kc <command>\n {2}get METRIC PERIOD/);
    expect(result.out).toMatch(/^ {2}export-acceptance FILE\.xlsx$/m);
  });

  test.each([
    [["get", "--help"]],
    [["help", "get"]],
    [["get", "NetLoss", "-h"]],
  ])("%j prints the command's usage and exits 0", async (argv) => {
    expect(await kc(...argv)).toEqual({ code: 0, out: "usage: kc get METRIC PERIOD [--currency RMB|USD] [--scale thousands|units|millions|billions] [--reported] [--source]", err: "" });
  });

  test("a command whose usage runs over two lines prints both", async () => {
    const result = await kc("import", "--help");
    expect(result.code).toBe(0);
    expect(result.out.split("\n")).toEqual([
      "usage: kc import RELEASE [--out FILE] [--allow-untied]",
      "  a results release in this format, as JSON; one that does not tie is refused with every",
      "  problem and its line, unless --allow-untied (which records them in the dataset)",
    ]);
  });

  test("an unknown command is still bad usage, exit 2", async () => {
    expect((await kc("bogus", "--help")).code).toBe(2);
  });
});

describe("kc metrics and check", () => {
  test("metrics --search lists matching ids", async () => {
    const result = await kc("metrics", "--search", "ebitda");
    expect(result.code).toBe(0);
    expect(result.out.split("\n").slice(1).map((l) => l.split(/\s+/)[0])).toEqual([
      "AdjustedEBITDA",
      "NormalizedAdjustedEBITDA",
      "AdjustedEBITDAMargin",
      "NormalizedAdjustedEBITDAMargin",
    ]);
  });

  test("check passes, reporting the filing's US$ footing as noted", async () => {
    const result = await kc("check");
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/GrossProfit = TotalRevenues \+ CostOfRevenues\s+2026Q1\s+345748\s+345748\s+ok/);
    expect(result.out).toMatch(/TotalAssets \(US\$\) = TotalAssets \(RMB\) \/ 6\.8980 \[US\$\]\s+2026Q1\s+4125290\s+4125290\.51899\d*\s+noted/);
    expect(result.out).toMatch(/\d+ ok, \d+ noted \(the filing's own differences\), 0 failed$/);
  });
});

describe("kc import", () => {
  const dir = mkdtempSync(join(tmpdir(), "kc-import-"));

  test("writes the dataset as JSON", async () => {
    const out = join(dir, "dataset.json");
    const source = join(__dirname, "../../src/data/sources/kingsoft-cloud-2026q1-press-release.txt");
    const result = await kc("import", source, "--out", out);
    expect(result.code).toBe(0);
    // What was written: the filing's quarters (line 229), its tables (balance sheet, statement of comprehensive loss,
    // five non-GAAP tables, cash flows) and every tie-out, none failing.
    expect(result.out.startsWith(`Wrote ${out}: the release of 2026Q1 (periods 2025Q1, 2025Q4, 2026Q1), 8 tables, `)).toBe(true);
    expect(result.out).toMatch(/ figures stated in its text; \d+ tie-outs: \d+ ok, \d+ noted, 0 failed\.$/);
    const dataset = JSON.parse(readFileSync(out, "utf8"));
    expect(dataset.latest).toBe("2026Q1");
    expect(dataset.tables[1].rows[2]).toMatchObject({ label: "Total revenues", line: 233 });
  });

  test("a malformed release names the line and exits 1", async () => {
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, withLine(231, (l) => l.replace("1,996,301", "n/a")));
    const result = await kc("import", bad);
    expect(result.code).toBe(1);
    expect(result.err).toBe("kc import: line 231: row 'Public cloud services', column 'Three Months Ended Mar 31, 2026 RMB': 'n/a' is not a number");
  });

  test("a missing file is a usage error", async () => {
    expect((await kc("import", join(dir, "missing.txt"))).code).toBe(2);
  });
});

describe("kc export-model", () => {
  test("without a file is a usage error", async () => {
    expect((await kc("export-model")).code).toBe(2);
  });
});
