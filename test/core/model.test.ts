/**
 * The statement model recomputes: margins, growth, overrides (scenarios), currency translation, scales, derived
 * measures and the tie-outs. Every expectation is computed here, with decimal.js, from figures transcribed from
 * src/data/sources/kingsoft-cloud-2026q1-press-release.txt (line numbers in the comments), never from the core.
 */
import Decimal from "decimal.js";
import { excel } from "../helpers/engine";
import { caught } from "../helpers/caught";

/** Decimal with enough digits that toNumber() is the double nearest the exact result. */
const X = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
const q = (a: Decimal.Value, b: Decimal.Value): number => new X(a).div(b).toNumber();
const RATE = "6.8980"; // line 87

/** Printed figures used below (RMB thousands unless noted). */
const F = {
  // Statements of comprehensive loss, lines 231-255: [2025Q1, 2025Q4, 2026Q1 RMB, 2026Q1 US$]
  PublicCloudRevenues: [1353479, 1902378, 1996301, 289403], // 231
  EnterpriseCloudRevenues: [616498, 859009, 707431, 102556], // 232
  TotalRevenues: [1969977, 2761387, 2703732, 391959], // 233
  CostOfRevenues: [-1651671, -2296037, -2357984, -341836], // 234
  GrossProfit: [318306, 465350, 345748, 50123], // 235
  TotalOperatingExpenses: [-552507, -531800, -511856, -74204], // 240
  OperatingLoss: [-234201, -66450, -166108, -24081], // 241
  InterestIncome: [4946, 39039, 32030, 4643], // 242
  LossBeforeIncomeTaxes: [-306869, -176309, -338639, -49094], // 247
  NetLoss: [-316110, -162872, -343720, -49831], // 249
  NetLossAttributableToNonControllingInterests: [-2184, -2632, 100, 14], // 250
  NetLossAttributableToShareholders: [-313926, -160240, -343820, -49845], // 251
  WeightedAverageShares: [3728092123, 4544291397, 4555310453, 4555310453], // 255 (shares, in units)
  // Reconciliations, lines 273-325
  ShareBasedCompensation: [134611, 78505, 62571, 9071], // 297
  DepreciationAndAmortization: [421901, 778941, 858003, 124384], // 304
  AdjustedGrossProfit: [327671, 470876, 351406, 50943], // 273
  AdjustedNetLoss: [-190550, -94632, -237143, -34380], // 299
  AdjustedEBITDA: [318543, 785248, 747506, 108365], // 305
  NormalizedAdjustedEBITDA: [316433, 712586, 747506, 108365], // 308
  AdjustedOperatingLoss: [-55809, 54586, -59817, -8672], // 322
  NormalizedAdjustedOperatingLoss: [-57919, -18076, -59817, -8672], // 325
} as const;
const COL = { "2025Q1": 0, "2025Q4": 1, "2026Q1": 2 } as const;
type P = keyof typeof COL;

/** A fraction as the filing prints a percentage: one decimal of percent, half-up. */
const asPrintedPercent = (fraction: number | Decimal): number => new X(fraction).times(100).toDecimalPlaces(1, X.ROUND_HALF_UP).div(100).toNumber();

describe("margins, recomputed exactly from the printed amounts", () => {
  test("gross margin 2026Q1 = 345,748 / 2,703,732 (lines 235, 233), printed 12.8% (line 283)", () => {
    const exact = q(345748, 2703732);
    expect(excel.margin("GrossProfit", "2026Q1")).toBe(exact);
    expect(excel.metric("GrossMargin", "2026Q1")).toBe(exact);
    expect(asPrintedPercent(exact)).toBe(0.128);
    expect(excel.reported("GrossMargin", "2026Q1")).toBe(0.128);
  });

  /** [margin metric, the amount it divides by total revenues, printed percentages 2025Q1 / 2025Q4 / 2026Q1, line] */
  const PRINTED_MARGINS: Array<[string, keyof typeof F, [number, number, number], number]> = [
    ["GrossMargin", "GrossProfit", [0.162, 0.169, 0.128], 283],
    ["AdjustedGrossMargin", "AdjustedGrossProfit", [0.166, 0.171, 0.13], 284],
    ["NetLossMargin", "NetLoss", [-0.16, -0.059, -0.127], 333],
    ["AdjustedNetLossMargin", "AdjustedNetLoss", [-0.097, -0.034, -0.088], 334],
    ["AdjustedEBITDAMargin", "AdjustedEBITDA", [0.162, 0.284, 0.276], 335],
    ["NormalizedAdjustedEBITDAMargin", "NormalizedAdjustedEBITDA", [0.161, 0.258, 0.276], 336],
    ["AdjustedOperatingLossMargin", "AdjustedOperatingLoss", [-0.028, 0.02, -0.022], 337],
    ["NormalizedAdjustedOperatingLossMargin", "NormalizedAdjustedOperatingLoss", [-0.029, -0.007, -0.022], 338],
  ];
  const cases = PRINTED_MARGINS.flatMap(([margin, amount, printed, line]) =>
    (Object.keys(COL) as P[]).map((period) => [margin, period, amount, printed[COL[period]], line] as const),
  );

  test.each(cases)("%s %s = %s / TotalRevenues, rounds to the printed %p (line %i)", (margin, period, amount, printed) => {
    const exact = q(F[amount][COL[period]], F.TotalRevenues[COL[period]]);
    expect(excel.metric(margin, period)).toBe(exact);
    expect(excel.margin(amount, period)).toBe(exact);
    expect(excel.margin(amount, period, "TotalRevenues")).toBe(exact);
    expect(asPrintedPercent(exact)).toBe(printed);
    expect(excel.reported(margin, period)).toBe(printed);
  });

  test("a margin is not a metric over revenues twice", () => {
    expect(caught(() => excel.margin("GrossMargin", "2026Q1")).kind).toBe("invalidValue");
    expect(caught(() => excel.margin("WeightedAverageShares", "2026Q1")).kind).toBe("invalidValue");
  });
});

describe("overrides: a scenario for one period", () => {
  test("GrossProfit with TotalRevenues overridden to 3,000,000 = 3,000,000 - 2,357,984", () => {
    expect(excel.metric("GrossProfit", "2026Q1", null, null, [["TotalRevenues", 3000000]])).toBe(3000000 - 2357984);
  });

  // Public cloud revenues 1,996,301 (line 231) raised by 100,000.
  const DELTA = 100000;
  const OV = [["PublicCloudRevenues", 1996301 + DELTA]];
  const at = (k: keyof typeof F) => F[k][2];
  const TR = at("TotalRevenues") + DELTA;

  test.each([
    ["PublicCloudRevenues", at("PublicCloudRevenues") + DELTA],
    ["TotalRevenues", at("TotalRevenues") + DELTA],
    ["GrossProfit", at("GrossProfit") + DELTA],
    ["OperatingLoss", at("OperatingLoss") + DELTA],
    ["LossBeforeIncomeTaxes", at("LossBeforeIncomeTaxes") + DELTA],
    ["NetLoss", at("NetLoss") + DELTA],
    ["NetLossAttributableToShareholders", at("NetLossAttributableToShareholders") + DELTA],
    ["AdjustedGrossProfit", at("AdjustedGrossProfit") + DELTA],
    ["AdjustedNetLoss", at("AdjustedNetLoss") + DELTA],
    ["AdjustedEBITDA", at("AdjustedEBITDA") + DELTA],
    ["NormalizedAdjustedEBITDA", at("NormalizedAdjustedEBITDA") + DELTA],
    ["AdjustedOperatingLoss", at("AdjustedOperatingLoss") + DELTA],
    ["NormalizedAdjustedOperatingLoss", at("NormalizedAdjustedOperatingLoss") + DELTA],
  ] as const)("raising PublicCloudRevenues by 100,000 moves %s to %p", (id, expected) => {
    expect(excel.metric(id, "2026Q1", null, null, OV)).toBe(expected);
  });

  test.each([
    ["GrossMargin", at("GrossProfit") + DELTA],
    ["AdjustedGrossMargin", at("AdjustedGrossProfit") + DELTA],
    ["NetLossMargin", at("NetLoss") + DELTA],
    ["AdjustedNetLossMargin", at("AdjustedNetLoss") + DELTA],
    ["AdjustedEBITDAMargin", at("AdjustedEBITDA") + DELTA],
    ["NormalizedAdjustedEBITDAMargin", at("NormalizedAdjustedEBITDA") + DELTA],
    ["AdjustedOperatingLossMargin", at("AdjustedOperatingLoss") + DELTA],
    ["NormalizedAdjustedOperatingLossMargin", at("NormalizedAdjustedOperatingLoss") + DELTA],
    ["OperatingMargin", at("OperatingLoss") + DELTA],
    ["CostOfRevenuesRatio", -at("CostOfRevenues")], // quoted positive: costs are 84.1% of the raised revenues
    ["PublicCloudRevenueShare", at("PublicCloudRevenues") + DELTA],
  ] as const)("and moves %s to (%p) / (2,703,732 + 100,000)", (id, numerator) => {
    expect(excel.metric(id, "2026Q1", null, null, OV)).toBe(q(numerator, TR));
  });

  test("KC.MARGIN takes overrides too", () => {
    expect(excel.margin("AdjustedEBITDA", "2026Q1", null, OV)).toBe(q(at("AdjustedEBITDA") + DELTA, TR));
  });

  test("per-share loss is recomputed from the moved net loss", () => {
    // NetLossAttributableToShareholders = NetLoss - NCI (line 250: 100)
    const expected = new X(at("NetLoss") + DELTA - 100).times(1000).div(at("WeightedAverageShares")).toNumber();
    expect(excel.metric("NetLossPerShare", "2026Q1", null, null, OV)).toBe(expected);
  });

  test.each([
    ["CashAndCashEquivalents", 4903797], // line 180
    ["InterestIncome", 32030], // line 242
    ["CostOfRevenues", -2357984], // line 234
    ["EnterpriseCloudRevenues", 707431], // line 232
    ["TotalOperatingExpenses", -511856], // line 240
    ["ShareBasedCompensation", 62571], // line 297
    ["DepreciationAndAmortization", 858003], // line 304
    ["NetCashFromOperatingActivities", 533978], // line 348
  ] as const)("%s does not depend on PublicCloudRevenues: stays %p", (id, printed) => {
    expect(excel.metric(id, "2026Q1", null, null, OV)).toBe(printed);
  });

  test("overriding a subtotal directly replaces it and flows downstream", () => {
    // OperatingLoss overridden to -100,000: LossBeforeIncomeTaxes = -100,000 + (-338,639 - -166,108)
    expect(excel.metric("LossBeforeIncomeTaxes", "2026Q1", null, null, [["OperatingLoss", -100000]])).toBe(-100000 + (-338639 + 166108));
    expect(excel.metric("OperatingLoss", "2026Q1", null, null, [["OperatingLoss", -100000]])).toBe(-100000);
  });

  test("override values are read in the call's scale (millions)", () => {
    // 3,000 million = 3,000,000 thousands; gross profit 3,000 - 2,357.984 = 642.016 million
    expect(excel.metric("GrossProfit", "2026Q1", null, "millions", [["TotalRevenues", 3000]])).toBe(new X(3000).minus("2357.984").toNumber());
    expect(excel.metric("TotalRevenues", "2026Q1", null, "units", [["TotalRevenues", 3000000000]])).toBe(3000000000);
  });

  test("override values are read in the call's currency (USD) against the US$ column", () => {
    // US$400 million of revenues less the printed US$ cost of revenues 341,836 thousands (line 234)
    expect(excel.metric("GrossProfit", "2026Q1", "USD", "millions", [["TotalRevenues", 400]])).toBe(new X(400000).minus(341836).div(1000).toNumber());
    // US$300,000 thousands of public cloud plus the printed US$ enterprise cloud 102,556 (line 232)
    expect(excel.metric("TotalRevenues", "2026Q1", "USD", null, [["PublicCloudRevenues", 300000]])).toBe(300000 + 102556);
  });

  test("an override for 2026Q1 leaves 2025Q4 as reported", () => {
    const ov = [["TotalRevenues", 3000000]];
    // QoQ growth: the overridden current quarter over the reported 2025Q4 (2,761,387, line 233)
    expect(excel.growth("TotalRevenues", "2026Q1", "QoQ", ov)).toBe(new X(3000000).div(2761387).minus(1).toNumber());
    expect(excel.growth("GrossProfit", "2026Q1", "YoY", ov)).toBe(new X(3000000 - 2357984).div(318306).minus(1).toNumber());
    expect(excel.metric("TotalRevenues", "2025Q4", null, null, ov)).toBe(3000000); // the scenario is for the period asked
    expect(excel.metric("TotalRevenues", "2025Q4")).toBe(2761387);
    expect(excel.metric("GrossProfit", "2025Q4")).toBe(465350);
  });

  test("a scenario does not leak into later calls without overrides", () => {
    excel.metric("NetLoss", "2026Q1", null, null, OV);
    expect(excel.metric("NetLoss", "2026Q1")).toBe(-343720);
    expect(excel.metric("TotalRevenues", "2026Q1")).toBe(2703732);
    expect(excel.metric("GrossMargin", "2026Q1")).toBe(q(345748, 2703732));
  });

  test("an override of zero is an override", () => {
    // enterprise cloud revenues set to nil: total revenues are public cloud alone (line 231)
    expect(excel.metric("TotalRevenues", "2026Q1", null, null, [["EnterpriseCloudRevenues", 0]])).toBe(1996301);
    expect(excel.metric("GrossProfit", "2026Q1", null, null, [["EnterpriseCloudRevenues", 0]])).toBe(1996301 - 2357984);
  });

  test("share counts in an override follow the call's scale too", () => {
    // 5,000 million shares; net loss attributable -343.82 million: -343,820,000 / 5,000,000,000 per share
    expect(excel.metric("NetLossPerShare", "2026Q1", null, "millions", [["WeightedAverageShares", 5000]])).toBe(q(-343820000, 5000000000));
    expect(excel.metric("WeightedAverageShares", "2026Q1", null, "millions", [["WeightedAverageShares", 5000]])).toBe(5000);
  });

  test("several overrides at once", () => {
    const ov = [["PublicCloudRevenues", 2000000], ["EnterpriseCloudRevenues", 800000], ["CostOfRevenues", -2400000]];
    expect(excel.metric("GrossProfit", "2026Q1", null, null, ov)).toBe(2000000 + 800000 - 2400000);
    expect(excel.metric("GrossMargin", "2026Q1", null, null, ov)).toBe(q(400000, 2800000));
  });

  test("blank override rows are skipped; an empty range is no override", () => {
    expect(excel.metric("GrossProfit", "2026Q1", null, null, [["", ""], ["TotalRevenues", 3000000]])).toBe(3000000 - 2357984);
    expect(excel.metric("GrossProfit", "2026Q1", null, null, [["", ""]])).toBe(345748);
    // a cleared scenario value: the row keeps its metric name but falls back to the figure as reported (line 235)
    expect(excel.metric("GrossProfit", "2026Q1", null, null, [["TotalRevenues", null], ["CostOfRevenues", ""]])).toBe(345748);
    expect(() => excel.metric("GrossProfit", "2026Q1", null, null, [["AdjEBTDA", null]])).toThrow(/^Overrides row 1: unknown metric 'AdjEBTDA'/);
  });
});

describe("growth", () => {
  test("net loss 2026Q1 YoY = 343,720 / 316,110 - 1 (lines 249; the release says \"increased by 8.7%\", line 111)", () => {
    const g = excel.growth("NetLoss", "2026Q1");
    expect(g).toBe(new X(-343720).div(-316110).minus(1).toNumber());
    expect(new X(g).toDecimalPlaces(3, X.ROUND_HALF_UP).toNumber()).toBe(0.087);
  });

  test("operating loss YoY: \"narrowed by 29.1%\" (line 103)", () => {
    const g = excel.growth("OperatingLoss", "2026Q1", "YoY");
    expect(g).toBe(new X(-166108).div(-234201).minus(1).toNumber());
    expect(new X(g).toDecimalPlaces(3, X.ROUND_HALF_UP).toNumber()).toBe(-0.291);
  });

  test("total revenues: +37.2% YoY and -2.1% QoQ (line 81)", () => {
    const yoy = excel.growth("TotalRevenues", "2026Q1");
    const qoq = excel.growth("TotalRevenues", "2026Q1", "QoQ");
    expect(yoy).toBe(new X(2703732).div(1969977).minus(1).toNumber());
    expect(qoq).toBe(new X(2703732).div(2761387).minus(1).toNumber());
    expect(new X(yoy).toDecimalPlaces(3, X.ROUND_HALF_UP).toNumber()).toBe(0.372);
    expect(new X(qoq).toDecimalPlaces(3, X.ROUND_HALF_UP).toNumber()).toBe(-0.021);
  });

  test.each([
    // [metric, basis, printed growth, line]
    ["PublicCloudRevenues", "YoY", 0.475, 83],
    ["PublicCloudRevenues", "QoQ", 0.049, 83],
    ["EnterpriseCloudRevenues", "YoY", 0.147, 85],
    ["EnterpriseCloudRevenues", "QoQ", -0.176, 85],
    ["CostOfRevenues", "YoY", 0.428, 91],
    ["GrossProfit", "YoY", 0.086, 93],
    ["AdjustedGrossProfit", "YoY", 0.072, 77],
    ["TotalOperatingExpenses", "YoY", -0.074, 95],
    ["TotalOperatingExpenses", "QoQ", -0.038, 95],
    ["NetLoss", "QoQ", 1.11, 111],
    ["OperatingLoss", "QoQ", 1.5, 103],
    ["SellingAndMarketingExpenses", "YoY", -0.142, 97],
    ["GeneralAndAdministrativeExpenses", "QoQ", -0.109, 99],
    ["ResearchAndDevelopmentExpenses", "YoY", -0.145, 101],
    ["IDCCosts", "YoY", 0.261, 91], // from the text's own figures, RMB722.8 million -> RMB911.1 million
    ["SolutionDevelopmentAndServicesCosts", "YoY", 0.138, 91],
  ] as const)("%s %s rounds to the release's %p (line %i)", (id, basis, printed, _line) => {
    expect(new X(excel.growth(id, "2026Q1", basis)).toDecimalPlaces(3, X.ROUND_HALF_UP).toNumber()).toBe(printed);
  });

  test("2025Q4 YoY needs 2024Q4, which the filing does not have", () => {
    const error = caught(() => excel.growth("TotalRevenues", "2025Q4"));
    expect(error.kind).toBe("notAvailable");
    expect(error.message).toContain("2024Q4");
  });

  test("a ratio has no growth rate (refused, pointing to KC.CHANGE); its change is the difference of the margins", () => {
    expect(caught(() => excel.growth("GrossMargin", "2026Q1")).key).toBe("growthOfRatio");
    expect(excel.change("GrossMargin", "2026Q1")).toBe(new X(345748).div(2703732).minus(new X(318306).div(1969977)).toNumber());
  });
});

describe("currency", () => {
  test("USD uses the printed US$ column for 2026Q1", () => {
    expect(excel.metric("TotalRevenues", "2026Q1", "USD")).toBe(391959); // line 233
    expect(excel.metric("NetLoss", "2026Q1", "USD")).toBe(-49831); // line 249, not -343,720 / 6.898
    expect(excel.metric("TotalAssets", "2026Q1", "USD")).toBe(4125290); // line 194
  });

  test("periods without a US$ column are translated at RMB6.8980 (line 87)", () => {
    expect(excel.metric("TotalRevenues", "2025Q1", "USD")).toBe(q(1969977, RATE));
    expect(excel.metric("NetLoss", "2025Q4", "USD")).toBe(q(-162872, RATE));
    expect(excel.metric("CashAndCashEquivalents", "2025Q4", "USD")).toBe(q(6018043, RATE));
    expect(excel.metric("TotalRevenues", "2025Q1", "USD", "millions")).toBe(new X(1969977).div(RATE).div(1000).toNumber());
  });

  // A ratio has no currency (the margin tables print none): the US$ column, footed separately, would give
  // 50,123 / 391,959 = 0.1278781709... instead of the margin 345,748 / 2,703,732 = 0.1278780589...
  test("a ratio is the same whatever currency is asked for", () => {
    expect(excel.metric("GrossMargin", "2026Q1", "USD")).toBe(q(345748, 2703732));
    expect(excel.metric("AdjustedEBITDAMargin", "2026Q1", "USD")).toBe(q(747506, 2703732));
  });

  test("share counts have no currency; per-share follows the column", () => {
    expect(excel.metric("WeightedAverageShares", "2026Q1", "USD")).toBe(4555310453);
    // per share in US$: US$ net loss attributable (line 251: 49,845) over the shares (line 255)
    expect(excel.metric("NetLossPerShare", "2026Q1", "USD")).toBe(new X(-49845000).div(4555310453).toNumber());
  });
});

describe("scale", () => {
  test.each([
    [null, 2703732],
    ["thousands", 2703732],
    ["units", 2703732000],
    ["millions", 2703.732],
    ["billions", 2.703732],
  ] as const)("TotalRevenues 2026Q1 in %s = %p", (scale, expected) => {
    expect(excel.metric("TotalRevenues", "2026Q1", null, scale)).toBe(expected);
  });

  test.each([
    [null, 4555310453],
    ["units", 4555310453],
    ["thousands", 4555310.453],
    ["millions", 4555.310453],
    ["billions", 4.555310453],
  ] as const)("WeightedAverageShares (printed in units) in %s = %p", (scale, expected) => {
    expect(excel.metric("WeightedAverageShares", "2026Q1", null, scale)).toBe(expected);
  });

  test("US$ in millions: 391,959 thousands = 391.959 million", () => {
    expect(excel.metric("TotalRevenues", "2026Q1", "USD", "millions")).toBe(391.959);
  });

  test.each(["units", "thousands", "millions", "billions"])("ratios and per-share amounts never scale (%s)", (scale) => {
    expect(excel.metric("GrossMargin", "2026Q1", null, scale)).toBe(q(345748, 2703732));
    expect(excel.metric("NetLossPerShare", "2026Q1", null, scale)).toBe(q(-343820000, 4555310453));
    expect(excel.metric("CurrentRatio", "2026Q1", null, scale)).toBe(q(10500262, 10216741));
    expect(excel.metric("ExchangeRateRMBPerUSD", "2026Q1", null, scale)).toBe(6.898);
  });
});

describe("per share", () => {
  test.each([
    // [period, net loss attributable (line 251), shares (line 255), printed (line 253)]
    ["2025Q1", -313926, 3728092123, -0.08],
    ["2025Q4", -160240, 4544291397, -0.04],
    ["2026Q1", -343820, 4555310453, -0.08],
  ] as const)("NetLossPerShare %s = %p thousands / %p shares, printed %p", (period, loss, shares, printed) => {
    const exact = new X(loss).times(1000).div(shares);
    expect(excel.metric("NetLossPerShare", period)).toBe(exact.toNumber());
    expect(excel.metric("NetLossPerShare", period)).toBeLessThan(0);
    expect(exact.toDecimalPlaces(2, X.ROUND_HALF_UP).toNumber()).toBe(printed);
    expect(excel.reported("NetLossPerShare", period)).toBe(printed);
  });

  test("NetLossPerADS = 15 x NetLossPerShare", () => {
    expect(excel.metric("NetLossPerADS", "2026Q1")).toBe(new X(-343820000).div(4555310453).times(15).toNumber());
    expect(excel.metric("NetLossPerADS", "2026Q1")).toBeCloseTo(15 * excel.metric("NetLossPerShare", "2026Q1"), 15);
  });
});

describe("derived measures", () => {
  test("NetDebt = short-term + long-term borrowings - cash (lines 199, 205, 180)", () => {
    expect(excel.metric("NetDebt", "2026Q1")).toBe(3590727 + 3293125 - 4903797);
    expect(excel.metric("NetDebt", "2025Q4")).toBe(3348279 + 3023538 - 6018043);
    expect(excel.metric("TotalBorrowings", "2026Q1")).toBe(3590727 + 3293125);
  });

  test("CurrentRatio = total current assets / total current liabilities (lines 185, 203)", () => {
    expect(excel.metric("CurrentRatio", "2026Q1")).toBe(q(10500262, 10216741));
    expect(excel.metric("CurrentRatio", "2025Q4")).toBe(q(11023419, 9421344));
  });

  test("DebtToEquity = borrowings / total equity (line 221)", () => {
    expect(excel.metric("DebtToEquity", "2026Q1")).toBe(q(3590727 + 3293125, 8998318));
  });

  test("EffectiveTaxRate = tax expense / income (loss) before income taxes (lines 248, 247): an expense on a loss is negative", () => {
    expect(excel.metric("EffectiveTaxRate", "2026Q1")).toBe(q(5081, -338639)); // expense 5,081 on a loss of 338,639: -1.5%
    expect(excel.metric("EffectiveTaxRate", "2025Q4")).toBe(q(-13437, -176309)); // benefit 13,437 on a loss of 176,309: +7.6%
  });

  test("the text's cost breakdown (line 91) adds up to RMB2,358.0 million", () => {
    expect(excel.metric("CostOfRevenuesBreakdownTotal", "2026Q1")).toBe(911100 + 818900 + 574800 + 1800 + 51400);
  });

  test("derived measures exist only where their inputs do", () => {
    const error = caught(() => excel.metric("NetDebt", "2025Q1"));
    expect(error.kind).toBe("notAvailable");
  });
});

describe("tie-outs (KC.CHECKS)", () => {
  const table = excel.checks();
  const [header, ...rows] = table;
  const find = (identity: string, period: string) => rows.filter((r) => r[0] === identity && r[1] === period);

  test("header", () => {
    expect(header).toEqual(["Identity", "Period", "Printed", "Recomputed", "Status"]);
  });

  test("no tie-out fails", () => {
    expect(rows.filter((r) => String(r[4]).startsWith("FAIL"))).toEqual([]);
  });

  test.each([
    // [metric, printed US$ (line), RMB figure, line] -- RMB / 6.898 rounded to the unit differs from the US$ column
    ["TotalAssets", 4125290, 28456254, 194], // 4,125,290.52 -> 4,125,291: 1
    ["TotalLiabilitiesAndEquity", 4125290, 28456254, 222], // same: 1
    ["PrepaymentsAndOtherAssetsCurrent", 405350, 2796114, 183], // 405,351.41 -> 405,351: 1
    ["TotalCurrentAssets", 1522217, 10500262, 185], // 1,522,218.32 -> 1,522,218: 1
    ["TotalNonCurrentAssets", 2603073, 17955992, 193], // 2,603,072.20 -> 2,603,072: 1
    ["LossBeforeIncomeTaxes", -49094, -338639, 247], // -49,092.35 -> -49,092: 2
    ["NetLoss", -49831, -343720, 249], // -49,828.94 -> -49,829: 2
    ["AdjustedEBITDA", 108365, 747506, 305], // 108,365.61 -> 108,366: 1
    ["EffectOfExchangeRateChanges", -11320, -78078, 351], // -11,318.93 -> -11,319: 1
  ] as const)("US$ footing difference noted: %s (printed US$ %p, RMB %p, line %i)", (id, usd, rmb, _line) => {
    const found = find(`${id} (US$) = ${id} (RMB) / 6.8980 [US$]`, "2026Q1");
    expect(found).toHaveLength(1);
    const [, , printed, recomputed, status] = found[0];
    expect(printed).toBe(usd);
    expect(recomputed).toBe(q(rmb, RATE));
    expect(String(status)).toMatch(/^noted: /);
  });

  test.each([
    // US$ figures that are RMB / 6.898 rounded to the unit
    ["TotalRevenues", 391959, 2703732], // 391,958.83
    ["CashAndCashEquivalents", 710901, 4903797], // 710,901.28
    ["GrossProfit", 50123, 345748], // 50,122.93
  ] as const)("US$ translation ok: %s", (id, usd, rmb) => {
    const found = find(`${id} (US$) = ${id} (RMB) / 6.8980 [US$]`, "2026Q1");
    expect(found).toHaveLength(1);
    expect(found[0][2]).toBe(usd);
    expect(found[0][3]).toBe(q(rmb, RATE));
    expect(found[0][4]).toBe("ok");
  });

  test.each([
    ["TotalAssets = TotalLiabilitiesAndEquity", "2026Q1", 28456254, 28456254],
    ["TotalAssets = TotalLiabilitiesAndEquity", "2025Q4", 26729189, 26729189],
    ["CashAtEndOfPeriod = CashAndCashEquivalents + RestrictedCash", "2026Q1", 4950694, 4903797 + 46897],
    ["CashAtEndOfPeriod = CashAndCashEquivalents + RestrictedCash", "2025Q4", 6117237, 6018043 + 99194],
    ["CashAtBeginningOfPeriod = CashAtEndOfPeriod[-1]", "2026Q1", 6117237, 6117237],
    ["AccumulatedDeficit - AccumulatedDeficit[-1] = NetLossAttributableToShareholders", "2026Q1", -15591688 + 15247868, -343820],
    ["AccumulatedOtherComprehensiveIncome - AccumulatedOtherComprehensiveIncome[-1] = ForeignCurrencyTranslationAdjustments", "2026Q1", 405935 - 440407, -34472],
  ] as const)("identity ok: %s (%s)", (identity, period, left, right) => {
    const found = find(identity, period);
    expect(found).toHaveLength(1);
    expect(found[0].slice(2)).toEqual([left, right, "ok"]);
  });

  test("printed subtotals tie exactly to their parts", () => {
    const found = find("TotalRevenues = PublicCloudRevenues + EnterpriseCloudRevenues", "2026Q1");
    expect(found).toHaveLength(1);
    expect(found[0].slice(2)).toEqual([2703732, 1996301 + 707431, "ok"]);
    const usd = find("TotalRevenues = PublicCloudRevenues + EnterpriseCloudRevenues [US$]", "2026Q1");
    expect(usd).toHaveLength(1);
    expect(usd[0].slice(2)).toEqual([391959, 289403 + 102556, "ok"]);
  });

  test("printed margins tie to the printed rounding", () => {
    const found = find("GrossMargin = GrossProfit / TotalRevenues", "2026Q1");
    expect(found).toHaveLength(1);
    expect(found[0][2]).toBe(0.128);
    expect(found[0][3]).toBe(q(345748, 2703732));
    expect(found[0][4]).toBe("ok");
  });
});
