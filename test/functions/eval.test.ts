/** `kc eval`: evaluation through the registered functions, with the filing's figures (its parser: test/core/kc-formula.test.ts). */
import { runEval } from "../../src/cli/eval";

async function evaluate(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEval(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out, err };
}

describe("runEval", () => {
  test("one result per formula, as text", async () => {
    const { code, out } = await evaluate('=KC.METRIC("AdjustedEBITDA","2026Q1")', '=KC.METRIC("AdjustedEBITDA","2025Q4")', '=KC.REPORTED("GrossMargin","2026Q1")');
    expect(code).toBe(0);
    expect(out).toEqual(["747506", "785248", "0.128"]);
  });

  test("--json: numbers, text, tables and Excel errors with their messages", async () => {
    const { code, out } = await evaluate(
      "--json",
      'KC.METRIC("GrossProfit","2026Q1",,,{"TotalRevenues",3000000})',
      '=KC.SERIES("AdjustedEBITDA")',
      '=KC.SOURCE("NetLoss","2026Q1")',
      '=KC.METRIC("AdjEBTDA","2026Q1")',
      '=KC.GROWTH("NetLoss","2025Q4")',
    );
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    const [gross, series, source, unknown, growth] = JSON.parse(out[0]);
    expect(gross).toBe(3000000 - 2357984);
    expect(series.slice(1)).toEqual([["2025Q1", 318543], ["2025Q4", 785248], ["2026Q1", 747506]]);
    expect(source).toMatch(/line 249/);
    expect(unknown).toEqual({ error: "#VALUE!", message: expect.stringContaining("Did you mean AdjustedEBITDA") });
    expect(growth).toEqual({ error: "#N/A", message: expect.stringContaining("2024Q4") });
  });

  test("the issue's example: GROWTH with an omitted argument and an array constant of overrides", async () => {
    const { code, out } = await evaluate("--json", 'KC.GROWTH("NetLoss","2026Q1",,{"TotalRevenues",3000000;"CostOfRevenues",-2400000})');
    expect(code).toBe(0);
    // Net loss moves with gross profit: -343720 + (3000000 - 2703732) + (-2400000 + 2357984), against -316110 (line 249).
    expect(JSON.parse(out[0])[0]).toBeCloseTo((-343720 + (3000000 - 2703732) + (-2400000 + 2357984)) / -316110 - 1, 14);
  });

  test("matrices print as tab-separated rows", async () => {
    const { out } = await evaluate('=KC.PERIODS("AdjustedEBITDA")', '=KC.STATEMENT("IS",{"2025Q1","2026Q1"})');
    expect(out[0]).toBe("2025Q1\n2025Q4\n2026Q1");
    const rows = out[1].split("\n").map((r) => r.split("\t"));
    expect(rows[0].slice(1)).toEqual(["2025Q1", "2026Q1"]);
    expect(rows.find((r) => r[0] === "Total revenues")).toEqual(["Total revenues", "1969977", "2703732"]);
  });

  test.each([
    [[], /usage: kc eval/],
    [["--yaml", "=KC.CHECKS()"], /unknown option --yaml/],
    [['=KC.METRIC("AdjustedEBITDA"'], /missing '\)'/],
    [['=SUM(1,2)'], /unknown function SUM; the functions are KC.METRIC, KC.MARGIN/],
    [['=KC.METRIC("AdjustedEBITDA")'], /KC.METRIC needs at least 2 arguments, got 1/],
    [["=KC.CHECKS(1)"], /KC.CHECKS takes at most 0 arguments, got 1/],
    [['=KC.METRIC({"a","b"},"2026Q1")'], /takes one value, not an array constant/],
  ])("usage and syntax errors exit 2: %j", async (args, message) => {
    const { code, out, err } = await evaluate(...args);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join("\n")).toMatch(message);
  });
});
