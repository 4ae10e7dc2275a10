/**
 * Scenarios an analyst can trust (issue 11): every override flows through every figure that depends on it, or is
 * refused with a message that names the row and says what to override instead. Expected figures are worked out by hand
 * from the filing (src/data/sources/kingsoft-cloud-2026q1-press-release.txt, 2026Q1 RMB thousands, lines in comments):
 *   revenues 1,996,301 + 707,431 = 2,703,732 (231-233); cost of revenues (2,357,984) (234); gross profit 345,748 (235)
 *   operating loss (166,108) (241); interest income 32,030, interest expense (153,595), FX (44,006) (242-244)
 *   loss before tax (338,639), tax (5,081), net loss (343,720) (247-249)
 *   bridges (270-325): SBC in cost of revenues 5,658; SBC 62,571; FX adjustment 44,006; adjusted net loss (237,143);
 *   interest income (32,030); interest expense 153,595; tax 5,081; D&A 858,003; adjusted EBITDA 747,506;
 *   amortization of intangibles 43,720; adjusted operating loss (59,817); gain on disposal - (nil)
 */
import Decimal from "decimal.js";
import { caught } from "../helpers/caught";
import { excel } from "../helpers/engine";

const X = Decimal.clone({ precision: 60 });
const q = (a: Decimal.Value, b: Decimal.Value): number => new X(a).div(b).toNumber();
const Q = "2026Q1";
type Rows = Array<[string, number]>;
const metric = (id: string, overrides: Rows, currency: string | null = null) => excel.metric(id, Q, currency, null, overrides);

describe("rule 1: the bridges are made of their own rows", () => {
  test.each([
    // A bridge row overridden moves the bridge below it, and nothing above it.
    ["ForeignExchangeAdjustment", 0, "AdjustedNetLoss", -343720 + 62571 + 0], // -281,149
    ["ForeignExchangeAdjustment", 0, "AdjustedEBITDA", 747506 - 44006],
    ["ForeignExchangeAdjustment", 0, "NetLoss", -343720],
    ["InterestIncomeAdjustment", 0, "AdjustedEBITDA", 747506 + 32030],
    ["InterestExpenseAdjustment", 0, "AdjustedEBITDA", 593911],
    ["IncomeTaxAdjustment", 0, "AdjustedEBITDA", 747506 - 5081],
    ["DepreciationAndAmortization", 900000, "AdjustedEBITDA", 747506 + (900000 - 858003)],
    ["DepreciationAndAmortization", 900000, "NormalizedAdjustedEBITDA", 747506 + (900000 - 858003)],
    ["GainOnDisposalOfPropertyAndEquipment", -1000, "NormalizedAdjustedEBITDA", 747506 - 1000],
    ["GainOnDisposalOfPropertyAndEquipment", -1000, "NormalizedAdjustedOperatingLoss", -59817 - 1000],
    ["GainOnDisposalOfPropertyAndEquipment", -1000, "AdjustedEBITDA", 747506],
    ["ShareBasedCompensation", 70000, "AdjustedNetLoss", -343720 + 70000 + 44006],
    ["ShareBasedCompensation", 70000, "AdjustedEBITDA", 747506 + (70000 - 62571)],
    ["ShareBasedCompensation", 70000, "AdjustedOperatingLoss", -166108 + 70000 + 43720],
    ["ShareBasedCompensation", 70000, "AdjustedGrossProfit", 351406],
    ["ShareBasedCompensationInCostOfRevenues", 10000, "AdjustedGrossProfit", 345748 + 10000],
    ["AmortizationOfIntangibleAssets", 50000, "AdjustedOperatingLoss", -166108 + 62571 + 50000],
  ] as const)("%s = %p moves %s to %p", (row, value, target, expected) => {
    expect(metric(target, [[row, value]])).toBe(expected);
  });

  test.each([
    // An income-statement item flows into GAAP and into its own bridge row, which takes it out again.
    ["InterestIncome", 40000, { NetLoss: -343720 + 7970, InterestIncomeAdjustment: -40000, AdjustedNetLoss: -343720 + 7970 + 62571 + 44006, AdjustedEBITDA: 747506 }],
    ["ForeignExchangeGainLoss", 0, { NetLoss: -343720 + 44006, ForeignExchangeAdjustment: 0, AdjustedNetLoss: -237143, AdjustedEBITDA: 747506 }],
    ["IncomeTaxExpenseBenefit", 0, { NetLoss: -338639, IncomeTaxAdjustment: 0, AdjustedNetLoss: -338639 + 62571 + 44006, AdjustedEBITDA: 747506 }],
    ["InterestExpense", -100000, { NetLoss: -343720 + 53595, InterestExpenseAdjustment: 100000, AdjustedEBITDA: 747506 }],
  ] as const)("%s = %p moves GAAP and its bridge row", (row, value, expected) => {
    for (const [target, figure] of Object.entries(expected)) expect({ target, value: metric(target, [[row, value]]) }).toEqual({ target, value: figure });
  });
});

describe("rule 2: components move their totals, the rest held fixed", () => {
  test.each([
    ["ShareBasedCompensationInCostOfRevenues", 10000, "ShareBasedCompensation", 62571 + (10000 - 5658)], // 66,913
    ["ShareBasedCompensationInCostOfRevenues", 10000, "AdjustedEBITDA", 747506 + 4342],
    ["ShareBasedCompensationInCostOfRevenues", 10000, "AdjustedOperatingLoss", -59817 + 4342],
    ["AmortizationOfIntangibleAssets", 50000, "DepreciationAndAmortization", 858003 + (50000 - 43720)], // 864,283
    ["AmortizationOfIntangibleAssets", 50000, "AdjustedEBITDA", 747506 + 6280],
  ] as const)("%s = %p moves %s to %p", (part, value, total, expected) => {
    expect(metric(total, [[part, value]])).toBe(expected);
  });

  test.each([
    ["ShareBasedCompensation", 100000],
    ["ShareBasedCompensationInCostOfRevenues", 100000],
    ["DepreciationAndAmortization", 1],
    ["AmortizationOfIntangibleAssets", 1],
  ])("an adjustment (%s) moves the non-GAAP measures, never the GAAP lines that already contain it", (row, value) => {
    for (const gaap of ["CostOfRevenues", "GrossProfit", "OperatingLoss", "NetLoss", "TotalOperatingExpenses"]) {
      expect({ gaap, value: metric(gaap, [[row, value]]) }).toEqual({ gaap, value: excel.metric(gaap, Q) });
    }
  });
});

describe("rule 3: the exchange rate is an input", () => {
  test("every US$ figure is RMB / the overridden rate; the printed US$ column (at 6.8980) no longer applies", () => {
    expect(metric("TotalRevenues", [], "USD")).toBe(391959); // line 233 as printed
    expect(metric("TotalRevenues", [["ExchangeRateRMBPerUSD", 7]], "USD")).toBe(q(2703732, 7));
    expect(metric("NetLoss", [["ExchangeRateRMBPerUSD", 7]], "USD")).toBe(q(-343720, 7));
    expect(excel.metric("TotalRevenues", "2025Q1", "USD", null, [["ExchangeRateRMBPerUSD", 7]])).toBe(q(1969977, 7));
  });

  test("US$ overrides are read at the overridden rate; RMB figures and ratios do not move", () => {
    // Revenues of US$400,000 thousand at RMB7 are RMB2,800,000 thousand: gross profit 2,800,000 - 2,357,984 = 442,016.
    expect(metric("GrossProfit", [["ExchangeRateRMBPerUSD", 7], ["TotalRevenues", 400000]], "USD")).toBe(q(442016, 7));
    expect(metric("TotalRevenues", [["ExchangeRateRMBPerUSD", 7]])).toBe(2703732);
    expect(metric("GrossMargin", [["ExchangeRateRMBPerUSD", 7]], "USD")).toBe(q(345748, 2703732));
    expect(metric("ExchangeRateRMBPerUSD", [["ExchangeRateRMBPerUSD", 7]])).toBe(7);
  });
});

describe("rule 4: refused with #VALUE!, naming the row and what to override instead", () => {
  test.each([
    [[["GrossMargin", 0.2]], "overrideComputed", "Overrides row 1: GrossMargin is GrossProfit / TotalRevenues, always computed from amounts: override GrossProfit or TotalRevenues"],
    [[["NetLossPerShare", -0.1]], "overrideComputed", "NetLossPerShare is NetLossAttributableToShareholders * 1000 / WeightedAverageShares"],
    [[["PublicCloudRevenues", 2000000], ["TotalRevenues", 3000000]], "overrideConflict", "Overrides row 2: TotalRevenues is computed from PublicCloudRevenues (row 1): override one of them."],
    [[["InterestIncome", 1], ["AdjustedEBITDA", 1]], "overrideConflict", "Overrides row 2: AdjustedEBITDA is computed from InterestIncome (row 1)"],
    [[["ShareBasedCompensationInCostOfRevenues", 1], ["ShareBasedCompensation", 1]], "overrideConflict", "Overrides row 2: ShareBasedCompensation includes ShareBasedCompensationInCostOfRevenues (row 1): override one of them."],
    [[["CostOfRevenues", 2400000]], "overridePositive", "Overrides row 1: costs are negative as presented (CostOfRevenues): type -2400000."],
    [[["TotalRevenues", 1], ["SellingAndMarketingExpenses", 5]], "overridePositive", "Overrides row 2: costs are negative as presented (SellingAndMarketingExpenses): type -5."],
    [[["InterestExpense", 153595]], "overridePositive", "type -153595"],
    [[["TotalRevenues", -3000000]], "overrideNegative", "Overrides row 1: TotalRevenues is never negative as presented: type 3000000."],
    [[["ShareBasedCompensation", -1]], "overrideNegative", "ShareBasedCompensation is never negative"],
    [[["InterestIncome", -1]], "overrideNegative", "InterestIncome is never negative"],
    [[["WeightedAverageShares", -1]], "overrideNegative", "WeightedAverageShares is never negative"],
    [[["ExchangeRateRMBPerUSD", 0]], "overrideNotPositive", "ExchangeRateRMBPerUSD must be above zero, such as 6.8980."],
    [[["IDCCosts", 1000]], "overrideProse", "Overrides row 1: IDCCosts is stated only in the release's text"],
    [[["AIGrossBillingGrowth", 1]], "overrideProse", "AIGrossBillingGrowth is stated only in the release's text"],
    [[["OutstandingOrdinaryShares", 1]], "overrideProse", "OutstandingOrdinaryShares"],
    [[["OutstandingADSs", 1]], "overrideProse", "OutstandingADSs"],
    [[["CapitalExpendituresAndLeasedAssets", 1]], "overrideProse", "CapitalExpendituresAndLeasedAssets"],
    [[["CostOfRevenuesBreakdownTotal", 1]], "overrideProse", "CostOfRevenuesBreakdownTotal"],
  ] as Array<[Rows, string, string]>)("%j is refused (%s)", (rows, key, message) => {
    for (const call of [() => metric("GrossProfit", rows), () => excel.margin("GrossProfit", Q, null, rows), () => excel.growth("NetLoss", Q, null, rows), () => excel.change("NetLoss", Q, null, rows)]) {
      const error = caught(call);
      expect({ kind: error.kind, key: error.key }).toEqual({ kind: "invalidValue", key });
      expect(error.message).toContain(message);
    }
  });

  test("a refusal names the rows of the call's own range, when the same ids stood in other rows of an earlier range", () => {
    const conflict: Rows = [["PublicCloudRevenues", 2000000], ["TotalRevenues", 3000000]];
    expect(caught(() => metric("GrossProfit", conflict)).message).toContain("Overrides row 2: TotalRevenues is computed from PublicCloudRevenues (row 1)");
    const lower = [[null, null], ["PublicCloudRevenues", 2000000], [null, null], ["TotalRevenues", 3000000]];
    expect(caught(() => excel.metric("GrossProfit", Q, null, null, lower)).message).toContain("Overrides row 4: TotalRevenues is computed from PublicCloudRevenues (row 2)");
  });

  test("the issue's cases: the cost of revenues breakdown cannot silently leave cost of revenues unchanged", () => {
    expect(caught(() => excel.metric("CostOfRevenues", Q, null, null, [["IDCCosts", 1000]])).key).toBe("overrideProse");
  });
});

describe("rule 5: KC.CHANGE, and growth that is not meaningful", () => {
  test.each([
    // The release's "11.4 percentage points" subtracts its rounded margins (27.6% - 16.2%); KC.CHANGE subtracts the exact ones.
    ["AdjustedEBITDAMargin", "YoY", null, new X(747506).div(2703732).minus(new X(318543).div(1969977)).toNumber()],
    ["NetLoss", "YoY", null, -343720 - -316110],
    ["TotalRevenues", "QoQ", null, 2703732 - 2761387],
    ["AdjustedOperatingLoss", "QoQ", null, -59817 - 54586],
    ["TotalRevenues", "YoY", [["PublicCloudRevenues", 2000000]], 2000000 + 707431 - 1969977],
    ["NetLossPerShare", "YoY", null, new X(-343820).times(1000).div(4555310453).minus(new X(-313926).times(1000).div(3728092123)).toNumber()],
  ] as Array<[string, string, Rows | null, number]>)("KC.CHANGE(%s, 2026Q1, %s, %j)", (id, basis, rows, expected) => {
    expect(excel.change(id, Q, basis, rows)).toBe(expected);
  });

  test("KC.CHANGE of AdjustedEBITDAMargin is 0.11477 (11.5 percentage points unrounded)", () => {
    expect(excel.change("AdjustedEBITDAMargin", Q)).toBeCloseTo(0.11477, 5);
  });

  test("KC.GROWTH on a ratio is refused: use KC.CHANGE", () => {
    const error = caught(() => excel.growth("AdjustedEBITDAMargin", Q));
    expect({ kind: error.kind, key: error.key }).toEqual({ kind: "invalidValue", key: "growthOfRatio" });
    expect(error.message).toContain('KC.CHANGE("AdjustedEBITDAMargin"');
  });

  test("growth across a change of sign is #N/A not meaningful (profit 54,586 to loss -59,817)", () => {
    const error = caught(() => excel.growth("AdjustedOperatingLoss", Q, "QoQ"));
    expect({ kind: error.kind, key: error.key }).toEqual({ kind: "notAvailable", key: "growthAcrossSign" });
    expect(error.message).toContain("not meaningful");
  });

  test("a loss that widens grows, as the release says (net loss increased by 8.7%)", () => {
    expect(excel.growth("NetLoss", Q)).toBe(new X(-343720).div(-316110).minus(1).toNumber());
    expect(excel.growth("NetLoss", Q)).toBeCloseTo(0.087, 3);
  });
});

describe("rule 6: ratios as analysts quote them", () => {
  test.each([
    ["CostOfRevenuesRatio", q(2357984, 2703732)], // 87.2%
    ["SellingAndMarketingExpenseRatio", q(123776, 2703732)],
    ["GeneralAndAdministrativeExpenseRatio", q(194765, 2703732)],
    ["ResearchAndDevelopmentExpenseRatio", q(193315, 2703732)],
    ["OperatingExpenseRatio", q(511856, 2703732)],
    ["NetLossMargin", q(-343720, 2703732)], // margins keep their sign: -12.7%
    ["OperatingMargin", q(-166108, 2703732)],
    ["EffectiveTaxRate", q(5081, -338639)], // -1.5%
  ])("%s 2026Q1 is %p", (id, expected) => {
    expect(excel.metric(id, Q)).toBe(expected);
  });

  test("effective tax rate 2025Q4: a benefit of 13,437 on a loss of 176,309 is +7.6%", () => {
    expect(excel.metric("EffectiveTaxRate", "2025Q4")).toBeCloseTo(0.0762, 4);
  });

  test("KC.MARGIN divides flows by flows and positions by positions, never a position by a flow", () => {
    const error = caught(() => excel.margin("CashAndCashEquivalents", Q));
    expect({ kind: error.kind, key: error.key }).toEqual({ kind: "invalidValue", key: "marginMixedKinds" });
    expect(error.message).toContain("such as TotalAssets");
    expect(excel.margin("CashAndCashEquivalents", Q, "TotalAssets")).toBe(q(4903797, 28456254)); // lines 180, 194
  });
});

describe("rule 7: KC.STATEMENT is the statement as printed", () => {
  const labels = (kind: string) => excel.statement(kind).map((r) => r[0]);

  test("every line in order, headings included (lines 178, 196)", () => {
    expect(labels("BS").slice(0, 4)).toEqual(["Balance sheet (RMB thousands)", "ASSETS", "Current assets:", "Cash and cash equivalents"]);
    expect(labels("BS")).toContain("LIABILITIES, NON-CONTROLLING INTERESTS AND SHAREHOLDERS' EQUITY");
    expect(labels("NONGAAP").filter((l) => l === "Adjustments:")).toHaveLength(4); // lines 271, 296, 300, 319
  });

  test("per-share rows as printed: (0.08), (0.04), (0.08) on line 253", () => {
    const rows = excel.statement("IS").filter((r) => r[0] === "Basic and diluted");
    expect(rows[0].slice(1)).toEqual([-0.08, -0.04, -0.08]);
    expect(rows[1].slice(1)).toEqual([3728092123, 4544291397, 4555310453]); // line 255
  });

  test('"printed": the table\'s own columns, RMB quarters and the US$ column side by side', () => {
    const table = excel.statement("IS", null, "printed");
    expect(table[0].slice(1)).toEqual(["2025Q1", "2025Q4", "2026Q1", "2026Q1 US$"]);
    expect(table.find((r) => r[0] === "Total revenues")!.slice(1)).toEqual([1969977, 2761387, 2703732, 391959]); // line 233
    expect(table.find((r) => r[0] === "Basic and diluted")!.slice(1)).toEqual([-0.08, -0.04, -0.08, -0.01]);
  });

  test("US$ columns the filing did not print are marked translated in the header", () => {
    const table = excel.statement("IS", null, "USD");
    expect(table[0].slice(1)).toEqual(["2025Q1 (translated at 6.8980)", "2025Q4 (translated at 6.8980)", "2026Q1"]);
    expect(table.find((r) => r[0] === "Total revenues")!.slice(1)).toEqual([q(1969977, "6.898"), q(2761387, "6.898"), 391959]);
  });
});

describe("rule 8: small truths", () => {
  test("KC.SOURCE of AI billing growth says where it is printed (line 75)", () => {
    expect(excel.source("AIGrossBillingGrowth", Q)).toMatch(/line 75: 90%/);
    expect(excel.source("AIGrossBillingGrowth", Q)).not.toMatch(/null/);
  });

  test('KC.SOURCE(..., "USD") names the US$ column', () => {
    expect(excel.source("TotalRevenues", Q, "USD")).toContain("Mar 31, 2026 US$ · line 233: 391,959");
  });

  test("net loss per ADS is in RMB per ADS", () => {
    expect(excel.series("NetLossPerADS")[0][1]).toBe("NetLossPerADS (RMB per ADS)");
    expect(excel.metrics(null, "NetLossPerADS")[1][3]).toBe("RMB per ADS");
  });

  test('the approximate capex figure says so, and "Capex" does not find it', () => {
    expect(excel.source("CapitalExpendituresAndLeasedAssets", Q)).toContain("approximate");
    expect(caught(() => excel.metric("Capex", Q)).key).toBe("metricUnknown");
  });

  test('did-you-mean suggests nothing rather than a wrong neighbour ("FCF")', () => {
    const error = caught(() => excel.metric("FCF", Q));
    expect(error.message).not.toContain("Did you mean");
    expect(error.message).toContain("KC.METRICS()");
  });

  test("scale: as printed by default (share counts in shares); an explicit scale applies to amounts and share counts", () => {
    expect(excel.metric("WeightedAverageShares", Q)).toBe(4555310453); // line 255
    expect(excel.metric("WeightedAverageShares", Q, null, "millions")).toBe(4555.310453);
    expect(excel.metric("TotalRevenues", Q, null, "millions")).toBe(2703.732);
  });
});
