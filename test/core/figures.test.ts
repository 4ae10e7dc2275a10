/**
 * Every figure of the filing's tables and every figure its prose states, transcribed by hand from
 * src/data/sources/kingsoft-cloud-2026q1-press-release.txt (1-based line numbers), checked against the core:
 * KC.REPORTED must give the figure exactly as printed, KC.METRIC the same amount (RMB columns in RMB, the US$ column in
 * US$), and KC.SOURCE must cite the line the figure is printed on.
 *
 * Nothing here is copied from the code's output: a difference is either a transcription slip (fix it here, against
 * the filing) or a defect of the core.
 */
import Decimal from "decimal.js";
import { excel } from "../helpers/engine";

type Currency = "RMB" | "USD";
type Period = "2025Q1" | "2025Q4" | "2026Q1";
type Unit = "amount" | "perShare" | "shares" | "ratio";
/** One printed row: metric id, the line it is printed on, then one figure per column of its table (null: not printed). */
type Row = [id: string, line: number, ...figures: Array<number | null>];
/** One printed figure: metric id, period, currency, the figure as printed, the line it is printed on, its unit. */
type Cell = [id: string, period: Period, currency: Currency, expected: number, line: number, unit: Unit];

interface Table {
  name: string;
  columns: Array<[Period, Currency]>;
  rows: Row[];
  /** Metrics whose rows are not amounts (all others are amounts in thousands). */
  units?: Record<string, Unit>;
}

/** Balance sheets: Dec 31, 2025 RMB | Mar 31, 2026 RMB | Mar 31, 2026 US$ (lines 176-177). */
const BALANCE_SHEET: Table = {
  name: "balance sheet",
  columns: [["2025Q4", "RMB"], ["2026Q1", "RMB"], ["2026Q1", "USD"]],
  rows: [
    ["CashAndCashEquivalents", 180, 6018043, 4903797, 710901],
    ["RestrictedCash", 181, 99194, 46897, 6799],
    ["AccountsReceivableNet", 182, 1740472, 2066757, 299617],
    ["PrepaymentsAndOtherAssetsCurrent", 183, 2592314, 2796114, 405350],
    ["AmountsDueFromRelatedParties", 184, 573396, 686697, 99550],
    ["TotalCurrentAssets", 185, 11023419, 10500262, 1522217],
    ["PropertyAndEquipmentNet", 187, 10094870, 12173645, 1764808],
    ["IntangibleAssetsNet", 188, 532769, 489142, 70911],
    ["Goodwill", 189, 4605724, 4605724, 667690],
    ["PrepaymentsAndOtherAssetsNonCurrent", 190, 139836, 271264, 39325],
    ["EquityInvestments", 191, 234166, 281712, 40840],
    ["OperatingLeaseRightOfUseAssets", 192, 98405, 134505, 19499],
    ["TotalNonCurrentAssets", 193, 15705770, 17955992, 2603073],
    ["TotalAssets", 194, 26729189, 28456254, 4125290],
    ["AccountsPayable", 197, 2014453, 2216441, 321316],
    ["AccruedExpensesAndOtherCurrentLiabilities", 198, 3222429, 3564021, 516675],
    ["ShortTermBorrowings", 199, 3348279, 3590727, 520546],
    ["IncomeTaxPayable", 200, 73310, 72128, 10456],
    ["AmountsDueToRelatedPartiesCurrent", 201, 721932, 722431, 104731],
    ["CurrentOperatingLeaseLiabilities", 202, 40941, 50993, 7392],
    ["TotalCurrentLiabilities", 203, 9421344, 10216741, 1481116],
    ["LongTermBorrowings", 205, 3023538, 3293125, 477403],
    ["AmountsDueToRelatedPartiesNonCurrent", 206, 2212325, 2023958, 293412],
    ["DeferredTaxLiabilities", 207, 61914, 57259, 8301],
    ["OtherLiabilities", 208, 2645895, 3804427, 551526],
    ["NonCurrentOperatingLeaseLiabilities", 209, 51139, 62426, 9050],
    ["TotalNonCurrentLiabilities", 210, 7994811, 9241195, 1339692],
    ["TotalLiabilities", 211, 17416155, 19457936, 2820808],
    ["OrdinaryShares", 213, 30888, 30888, 4478],
    ["TreasuryShares", 214, -31068, -18958, -2748],
    ["AdditionalPaidInCapital", 215, 24073006, 24124371, 3497299],
    ["StatutoryReserveFunds", 216, 51661, 51661, 7489],
    ["AccumulatedDeficit", 217, -15247868, -15591688, -2260320],
    ["AccumulatedOtherComprehensiveIncome", 218, 440407, 405935, 58848],
    ["TotalShareholdersEquity", 219, 9317026, 9002209, 1305046],
    ["NonControllingInterests", 220, -3992, -3891, -564],
    ["TotalEquity", 221, 9313034, 8998318, 1304482],
    ["TotalLiabilitiesAndEquity", 222, 26729189, 28456254, 4125290],
  ],
};

const QUARTERS: Array<[Period, Currency]> = [["2025Q1", "RMB"], ["2025Q4", "RMB"], ["2026Q1", "RMB"], ["2026Q1", "USD"]];

/** Statements of comprehensive loss: Mar 31, 2025 | Dec 31, 2025 | Mar 31, 2026 RMB | Mar 31, 2026 US$ (line 229). */
const COMPREHENSIVE_LOSS: Table = {
  name: "statements of comprehensive loss",
  columns: QUARTERS,
  units: { NetLossPerShare: "perShare", WeightedAverageShares: "shares" },
  rows: [
    ["PublicCloudRevenues", 231, 1353479, 1902378, 1996301, 289403],
    ["EnterpriseCloudRevenues", 232, 616498, 859009, 707431, 102556],
    ["TotalRevenues", 233, 1969977, 2761387, 2703732, 391959],
    ["CostOfRevenues", 234, -1651671, -2296037, -2357984, -341836],
    ["GrossProfit", 235, 318306, 465350, 345748, 50123],
    ["SellingAndMarketingExpenses", 237, -144338, -122914, -123776, -17944],
    ["GeneralAndAdministrativeExpenses", 238, -181999, -218685, -194765, -28235],
    ["ResearchAndDevelopmentExpenses", 239, -226170, -190201, -193315, -28025],
    ["TotalOperatingExpenses", 240, -552507, -531800, -511856, -74204],
    ["OperatingLoss", 241, -234201, -66450, -166108, -24081],
    ["InterestIncome", 242, 4946, 39039, 32030, 4643],
    ["InterestExpense", 243, -82897, -153415, -153595, -22267],
    ["ForeignExchangeGainLoss", 244, 9051, 10265, -44006, -6380],
    ["OtherGainLossNet", 245, 3244, -5822, -6588, -955],
    ["OtherExpenseIncomeNet", 246, -7012, 74, -372, -54],
    ["LossBeforeIncomeTaxes", 247, -306869, -176309, -338639, -49094],
    ["IncomeTaxExpenseBenefit", 248, -9241, 13437, -5081, -737],
    ["NetLoss", 249, -316110, -162872, -343720, -49831],
    ["NetLossAttributableToNonControllingInterests", 250, -2184, -2632, 100, 14],
    ["NetLossAttributableToShareholders", 251, -313926, -160240, -343820, -49845],
    ["NetLossPerShare", 253, -0.08, -0.04, -0.08, -0.01],
    ["WeightedAverageShares", 255, 3728092123, 4544291397, 4555310453, 4555310453],
    ["ForeignCurrencyTranslationAdjustments", 257, 7744, -70987, -34472, -4997],
    ["ComprehensiveLoss", 258, -308366, -233859, -378192, -54828],
    ["ComprehensiveLossAttributableToNonControllingInterests", 259, -2200, -2388, 100, 14],
    ["ComprehensiveLossAttributableToShareholders", 260, -306166, -231471, -378292, -54842],
  ],
};

/** Reconciliation, gross profit bridge (lines 266-273). */
const GROSS_PROFIT_BRIDGE: Table = {
  name: "gross profit reconciliation",
  columns: QUARTERS,
  rows: [
    ["GrossProfit", 270, 318306, 465350, 345748, 50123],
    ["ShareBasedCompensationInCostOfRevenues", 272, 9365, 5526, 5658, 820],
    ["AdjustedGrossProfit", 273, 327671, 470876, 351406, 50943],
  ],
};

/** Reconciliation, gross margins (lines 281-284): percentages, no currency. */
const GROSS_MARGINS: Table = {
  name: "gross margin table",
  columns: [["2025Q1", "RMB"], ["2025Q4", "RMB"], ["2026Q1", "RMB"]],
  units: { GrossMargin: "ratio", AdjustedGrossMargin: "ratio" },
  rows: [
    ["GrossMargin", 283, 0.162, 0.169, 0.128],
    ["AdjustedGrossMargin", 284, 0.166, 0.171, 0.13],
  ],
};

/** Reconciliation, net loss to adjusted net loss and adjusted EBITDA (lines 292-308). "-" is nil. */
const NET_LOSS_BRIDGE: Table = {
  name: "net loss reconciliation",
  columns: QUARTERS,
  rows: [
    ["NetLoss", 295, -316110, -162872, -343720, -49831],
    ["ShareBasedCompensation", 297, 134611, 78505, 62571, 9071],
    ["ForeignExchangeAdjustment", 298, -9051, -10265, 44006, 6380],
    ["AdjustedNetLoss", 299, -190550, -94632, -237143, -34380],
    ["InterestIncomeAdjustment", 301, -4946, -39039, -32030, -4643],
    ["InterestExpenseAdjustment", 302, 82897, 153415, 153595, 22267],
    ["IncomeTaxAdjustment", 303, 9241, -13437, 5081, 737],
    ["DepreciationAndAmortization", 304, 421901, 778941, 858003, 124384],
    ["AdjustedEBITDA", 305, 318543, 785248, 747506, 108365],
    ["GainOnDisposalOfPropertyAndEquipment", 306, -2110, -72662, 0, 0],
    ["NormalizedAdjustedEBITDA", 308, 316433, 712586, 747506, 108365],
  ],
};

/** Reconciliation, operating loss to adjusted operating (loss) profit (lines 314-325). "-" is nil. */
const OPERATING_LOSS_BRIDGE: Table = {
  name: "operating loss reconciliation",
  columns: QUARTERS,
  rows: [
    ["OperatingLoss", 318, -234201, -66450, -166108, -24081],
    ["ShareBasedCompensation", 320, 134611, 78505, 62571, 9071],
    ["AmortizationOfIntangibleAssets", 321, 43781, 42531, 43720, 6338],
    ["AdjustedOperatingLoss", 322, -55809, 54586, -59817, -8672],
    ["GainOnDisposalOfPropertyAndEquipment", 323, -2110, -72662, 0, 0],
    ["NormalizedAdjustedOperatingLoss", 325, -57919, -18076, -59817, -8672],
  ],
};

/** Reconciliation, net loss / EBITDA / operating margins (lines 331-338): percentages, no currency. */
const OTHER_MARGINS: Table = {
  name: "margin table",
  columns: [["2025Q1", "RMB"], ["2025Q4", "RMB"], ["2026Q1", "RMB"]],
  units: {
    NetLossMargin: "ratio",
    AdjustedNetLossMargin: "ratio",
    AdjustedEBITDAMargin: "ratio",
    NormalizedAdjustedEBITDAMargin: "ratio",
    AdjustedOperatingLossMargin: "ratio",
    NormalizedAdjustedOperatingLossMargin: "ratio",
  },
  rows: [
    ["NetLossMargin", 333, -0.16, -0.059, -0.127],
    ["AdjustedNetLossMargin", 334, -0.097, -0.034, -0.088],
    ["AdjustedEBITDAMargin", 335, 0.162, 0.284, 0.276],
    ["NormalizedAdjustedEBITDAMargin", 336, 0.161, 0.258, 0.276],
    ["AdjustedOperatingLossMargin", 337, -0.028, 0.02, -0.022],
    ["NormalizedAdjustedOperatingLossMargin", 338, -0.029, -0.007, -0.022],
  ],
};

/** Statement of cash flows (lines 346-354). */
const CASH_FLOWS: Table = {
  name: "statement of cash flows",
  columns: QUARTERS,
  rows: [
    ["NetCashFromOperatingActivities", 348, -418390, 1042626, 533978, 77411],
    ["NetCashFromInvestingActivities", 349, -490393, -427671, -1630049, -236307],
    ["NetCashFromFinancingActivities", 350, 549998, 1514234, 7606, 1103],
    ["EffectOfExchangeRateChanges", 351, 15028, -62205, -78078, -11320],
    ["NetChangeInCash", 352, -343757, 2066984, -1166543, -169113],
    ["CashAtBeginningOfPeriod", 353, 2730101, 4050253, 6117237, 886813],
    ["CashAtEndOfPeriod", 354, 2386344, 6117237, 4950694, 717700],
  ],
};

const TABLES: Table[] = [
  BALANCE_SHEET,
  COMPREHENSIVE_LOSS,
  GROSS_PROFIT_BRIDGE,
  GROSS_MARGINS,
  NET_LOSS_BRIDGE,
  OPERATING_LOSS_BRIDGE,
  OTHER_MARGINS,
  CASH_FLOWS,
];

function cells(table: Table): Cell[] {
  return table.rows.flatMap(([id, line, ...figures]) => {
    expect(figures).toHaveLength(table.columns.length);
    const unit = table.units?.[id] ?? "amount";
    return figures.flatMap((figure, j): Cell[] => (figure === null ? [] : [[id, table.columns[j][0], table.columns[j][1], figure, line, unit]]));
  });
}

/** " line 235:" or "(also on line 270)" / "lines 270, 318)": the line is cited, as a whole number. */
function citesLine(source: string, line: number): boolean {
  return new RegExp(`\\blines? (?:\\d+, )*${line}\\b`).test(source);
}

describe("transcription sanity", () => {
  test("every table row has one figure per column", () => {
    for (const table of TABLES) for (const row of table.rows) expect([table.name, row.length - 2]).toEqual([table.name, table.columns.length]);
  });

  test("the transcription covers every figure row of every table (lines 176-354)", () => {
    const lines = TABLES.flatMap((t) => t.rows.map((r) => r[1]));
    // Figure rows of the filing, counted by hand: 38 balance sheet, 26 comprehensive loss, 3 + 2 + 11 + 6 + 6 reconciliation, 7 cash flow.
    expect(lines).toHaveLength(38 + 26 + 3 + 2 + 11 + 6 + 6 + 7);
    expect(new Set(lines).size).toBe(lines.length);
  });
});

describe.each(TABLES.map((t) => [t.name, t] as const))("%s", (_name, table) => {
  const rows = cells(table);

  test.each(rows)("KC.REPORTED(%s, %s, %s) = %p (line %i)", (id, period, currency, expected, _line) => {
    expect(excel.reported(id, period, currency)).toBe(expected);
  });

  const amounts = rows.filter((r) => r[5] === "amount" || r[5] === "shares");
  if (amounts.length) {
    test.each(amounts)("KC.METRIC(%s, %s, %s) = %p (line %i)", (id, period, currency, expected, _line) => {
      expect(excel.metric(id, period, currency)).toBe(expected);
    });
  }

  test("KC.SOURCE cites the printed line (first and last row, every column)", () => {
    const sample = [table.rows[0], table.rows[table.rows.length - 1]];
    for (const [id, line] of sample) {
      for (const [period, currency] of table.columns) {
        const source = excel.source(id, period, currency);
        expect([id, period, currency, citesLine(source, line)]).toEqual([id, period, currency, true]);
      }
    }
  });
});

describe("KC.SOURCE: the line each figure is sourced from", () => {
  test.each([
    ["CashAndCashEquivalents", "2026Q1", "RMB", 180],
    ["PrepaymentsAndOtherAssetsNonCurrent", "2025Q4", "RMB", 190],
    ["TotalLiabilitiesAndEquity", "2026Q1", "USD", 222],
    ["PublicCloudRevenues", "2025Q1", "RMB", 231],
    ["WeightedAverageShares", "2025Q4", "RMB", 255],
    ["NetLossAttributableToShareholders", "2026Q1", "USD", 251],
    ["ShareBasedCompensationInCostOfRevenues", "2026Q1", "USD", 272],
    ["InterestIncomeAdjustment", "2025Q4", "RMB", 301],
    ["DepreciationAndAmortization", "2026Q1", "RMB", 304],
    ["AmortizationOfIntangibleAssets", "2025Q1", "RMB", 321],
    ["NormalizedAdjustedOperatingLoss", "2025Q4", "RMB", 325],
    ["NetCashFromFinancingActivities", "2026Q1", "USD", 350],
  ] as const)("%s %s %s cites line %i", (id, period, currency, line) => {
    const source = excel.source(id, period, currency);
    expect(source).toContain(`line ${line}`);
    expect(citesLine(source, line)).toBe(true);
  });

  test.each([
    // A figure printed twice is sourced from its first row and names the other one.
    ["GrossProfit", "2026Q1", "RMB", 235, 270],
    ["NetLoss", "2025Q1", "RMB", 249, 295],
    ["OperatingLoss", "2026Q1", "USD", 241, 318],
    ["ShareBasedCompensation", "2025Q4", "RMB", 297, 320],
    ["GainOnDisposalOfPropertyAndEquipment", "2025Q1", "RMB", 306, 323],
  ] as const)("%s %s %s is sourced from line %i and also cites line %i", (id, period, currency, first, second) => {
    const source = excel.source(id, period, currency);
    expect(source).toMatch(new RegExp(`\\bline ${first}\\b`));
    expect(citesLine(source, second)).toBe(true);
    expect(source.indexOf(`line ${first}`)).toBeLessThan(source.lastIndexOf(String(second)));
  });

  test("a printed margin is recomputed, and the source says where it is printed", () => {
    const source = excel.source("GrossMargin", "2026Q1");
    expect(source).toMatch(/GrossProfit \/ TotalRevenues/);
    expect(citesLine(source, 283)).toBe(true);
    expect(source).toContain("12.8%");
  });
});

describe("figures stated only in the release's prose", () => {
  /** [metric, period, currency, figure in the metric's unit (amounts in thousands), line, unit] */
  const NARRATIVE: Cell[] = [
    // line 75: "The gross billing of AI business grew 90% year-over-year"
    ["AIGrossBillingGrowth", "2026Q1", "RMB", 0.9, 75, "ratio"],
    // line 77: "capital expenditures and leased assets obtained in combination amounted to RMB3 billion in Q1"
    ["CapitalExpendituresAndLeasedAssets", "2026Q1", "RMB", 3000000, 77, "amount"],
    // line 87: "at RMB6.8980 to US$1.00"
    ["ExchangeRateRMBPerUSD", "2026Q1", "RMB", 6.898, 87, "ratio"],
    // line 91: IDC costs from RMB722.8 million to RMB911.1 million (US$132.1 million)
    ["IDCCosts", "2025Q1", "RMB", 722800, 91, "amount"],
    ["IDCCosts", "2026Q1", "RMB", 911100, 91, "amount"],
    ["IDCCosts", "2026Q1", "USD", 132100, 91, "amount"],
    // line 91: depreciation and amortization costs from RMB378.5 million to RMB818.9 million (US$118.7 million)
    ["DepreciationAndAmortizationCosts", "2025Q1", "RMB", 378500, 91, "amount"],
    ["DepreciationAndAmortizationCosts", "2026Q1", "RMB", 818900, 91, "amount"],
    ["DepreciationAndAmortizationCosts", "2026Q1", "USD", 118700, 91, "amount"],
    // line 91: solution development and services costs from RMB505.2 million to RMB574.8 million (US$83.3 million)
    ["SolutionDevelopmentAndServicesCosts", "2025Q1", "RMB", 505200, 91, "amount"],
    ["SolutionDevelopmentAndServicesCosts", "2026Q1", "RMB", 574800, 91, "amount"],
    ["SolutionDevelopmentAndServicesCosts", "2026Q1", "USD", 83300, 91, "amount"],
    // line 91: fulfillment costs and other costs were RMB1.8 million (US$0.3 million) and RMB51.4 million (US$7.4 million)
    ["FulfillmentCosts", "2026Q1", "RMB", 1800, 91, "amount"],
    ["FulfillmentCosts", "2026Q1", "USD", 300, 91, "amount"],
    ["OtherCosts", "2026Q1", "RMB", 51400, 91, "amount"],
    ["OtherCosts", "2026Q1", "USD", 7400, 91, "amount"],
    // line 119: 4,490,544,972 ordinary shares as of March 31, 2026, about 299,369,665 ADSs
    ["OutstandingOrdinaryShares", "2026Q1", "RMB", 4490544972, 119, "shares"],
    ["OutstandingADSs", "2026Q1", "RMB", 299369665, 119, "shares"],
  ];

  test.each(NARRATIVE)("KC.REPORTED(%s, %s, %s) = %p (line %i)", (id, period, currency, expected) => {
    expect(excel.reported(id, period, currency)).toBe(expected);
  });

  test.each(NARRATIVE)("KC.METRIC(%s, %s, %s) = %p (line %i)", (id, period, currency, expected) => {
    expect(excel.metric(id, period, currency)).toBe(expected);
  });

  test.each(NARRATIVE)("KC.SOURCE(%s, %s, %s) cites line %i", (id, period, currency, _expected, line) => {
    expect(citesLine(excel.source(id, period, currency), line)).toBe(true);
  });

  test("the rate is the release's (RMB6.8980 to US$1.00)", () => {
    expect(excel.source("ExchangeRateRMBPerUSD", "2026Q1")).toContain("RMB6.8980 to US$1.00");
  });

  test("the capital expenditure figure is flagged approximate (\"RMB3 billion\")", () => {
    expect(excel.source("CapitalExpendituresAndLeasedAssets", "2026Q1")).toMatch(/approximate/);
  });

  test("the quarter's prose figures are translated at the rate where the text gives no US$ figure", () => {
    // line 91 gives no US$ for the 2025Q1 IDC costs: RMB722.8 million / 6.8980
    expect(excel.metric("IDCCosts", "2025Q1", "USD")).toBe(new Decimal(722800).div("6.8980").toNumber());
  });
});
