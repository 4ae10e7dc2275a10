import type { PeriodKind } from "../dataset";
import type { StatementId } from "./statements";
import type { Unit } from "./units";

/**
 * The metric catalog and the statement model, declared once as data. Ids are stored in users' workbooks: never rename
 * one. A metric is printed (it names the rows it is printed on, first the one it is sourced from), computed (it has a
 * formula), or both (a subtotal: the formula recomputes it, the printed figure is what it must tie to).
 *
 * Row references: "IS|Total revenues", "BS|Current assets:|Restricted cash" (a section heading tells duplicated
 * labels apart), "NONGAAP@Net Loss|– Interest income" (a reconciliation table, named by its first row).
 * Formulas: metric ids, numbers, + - * / and parentheses; Id[-1] is the metric one quarter earlier.
 *
 * Scenario rules (what an override may do) are declared here too:
 * - A bridge is the sum of its own rows: each printed reconciliation row is a metric (InterestIncomeAdjustment =
 *   -InterestIncome), so overriding an income-statement item moves its bridge row, and overriding a row moves the bridge.
 * - `parts`: components the filing states are inside a printed total (share-based compensation in cost of revenues is
 *   part of share-based compensation). The rest of the total is held fixed: a component moved by +d moves the total by +d.
 * - `sign`: a figure whose sign is fixed as presented (revenues >= 0, costs <= 0); an override of the other sign is refused.
 */

export interface MetricSpec {
  id: string;
  statement: StatementId;
  kind: PeriodKind;
  unit: Unit;
  /** The label as printed for printed metrics (filled in from the filing when omitted), a description otherwise. */
  label?: string;
  rows?: string[];
  formula?: string;
  aliases?: string[];
  /** Components the filing states are inside this printed total; the rest of the total is held fixed under overrides. */
  parts?: string[];
  /** The sign the filing presents this figure with, when it is fixed (units may fix one too: share counts, the rate). */
  sign?: FixedSign;
  /**
   * A duration row that is a balance (the cash flow statement's opening and closing cash): a year's figure is its first
   * quarter's opening or its last quarter's closing, not the sum of its quarters as every other flow's is.
   */
  overYear?: "opening" | "closing";
}

/** "nonNegative": never below zero (revenues, share-based compensation); "nonPositive": never above (costs, expenses). */
export type FixedSign = "nonNegative" | "nonPositive";

/** An identity the filing must satisfy beyond each metric's own formula: "left = right". */
export interface IdentitySpec {
  left: string;
  right: string;
  note: string;
}

export const ORDINARY_SHARES_PER_ADS = 15;

const BS = (id: string, row: string, extra: Partial<MetricSpec> = {}): MetricSpec => ({
  id, statement: "BS", kind: "instant", unit: "amount", rows: [`BS|${row}`], ...extra,
});
const IS = (id: string, row: string, extra: Partial<MetricSpec> = {}): MetricSpec => ({
  id, statement: "IS", kind: "duration", unit: "amount", rows: [`IS|${row}`], ...extra,
});
const CF = (id: string, row: string, extra: Partial<MetricSpec> = {}): MetricSpec => ({
  id, statement: "CF", kind: "duration", unit: "amount", rows: [`CF|${row}`], ...extra,
});
const NG = (id: string, rows: string[], extra: Partial<MetricSpec> = {}): MetricSpec => ({
  id, statement: "NONGAAP", kind: "duration", unit: "amount", rows: rows.map((r) => `NONGAAP@${r}`), ...extra,
});
const ratio = (formula: string, aliases: string[] = []): Partial<MetricSpec> => ({ unit: "ratio", formula, aliases });
const revenue: Readonly<Partial<MetricSpec>> = { sign: "nonNegative" };
const cost: Readonly<Partial<MetricSpec>> = { sign: "nonPositive" };
const NARRATIVE = (id: string, label: string, unit: Unit, kind: PeriodKind, aliases: string[] = []): MetricSpec => ({
  id, statement: "NARRATIVE", kind, unit, label, aliases,
});
const DERIVED = (id: string, label: string, unit: Unit, kind: PeriodKind, formula: string, aliases: string[] = []): MetricSpec => ({
  id, statement: "DERIVED", kind, unit, label, formula, aliases,
});

export const METRICS: readonly MetricSpec[] = [
  // Balance sheet
  BS("CashAndCashEquivalents", "Current assets:|Cash and cash equivalents", { aliases: ["Cash", "CashAndEquivalents"] }),
  BS("RestrictedCash", "Current assets:|Restricted cash"),
  BS("AccountsReceivableNet", "Current assets:|Accounts receivable, net", { aliases: ["AccountsReceivable", "AR", "Receivables"] }),
  BS("PrepaymentsAndOtherAssetsCurrent", "Current assets:|Prepayments and other assets"),
  BS("AmountsDueFromRelatedParties", "Current assets:|Amounts due from related parties"),
  BS("TotalCurrentAssets", "Total current assets", {
    formula: "CashAndCashEquivalents + RestrictedCash + AccountsReceivableNet + PrepaymentsAndOtherAssetsCurrent + AmountsDueFromRelatedParties",
    aliases: ["CurrentAssets"],
  }),
  BS("PropertyAndEquipmentNet", "Non-current assets:|Property and equipment, net", { aliases: ["PPE", "PP&E", "PropertyPlantAndEquipment", "FixedAssets"] }),
  BS("IntangibleAssetsNet", "Non-current assets:|Intangible assets, net", { aliases: ["IntangibleAssets", "Intangibles"] }),
  BS("Goodwill", "Non-current assets:|Goodwill"),
  BS("PrepaymentsAndOtherAssetsNonCurrent", "Non-current assets:|Prepayments and other assets"),
  BS("EquityInvestments", "Non-current assets:|Equity investments"),
  BS("OperatingLeaseRightOfUseAssets", "Non-current assets:|Operating lease right-of-use assets", { aliases: ["ROUAssets", "RightOfUseAssets"] }),
  BS("TotalNonCurrentAssets", "Total non-current assets", {
    formula: "PropertyAndEquipmentNet + IntangibleAssetsNet + Goodwill + PrepaymentsAndOtherAssetsNonCurrent + EquityInvestments + OperatingLeaseRightOfUseAssets",
    aliases: ["NonCurrentAssets"],
  }),
  BS("TotalAssets", "Total assets", { formula: "TotalCurrentAssets + TotalNonCurrentAssets", aliases: ["Assets"] }),
  BS("AccountsPayable", "Current liabilities:|Accounts payable", { aliases: ["AP", "Payables"] }),
  BS("AccruedExpensesAndOtherCurrentLiabilities", "Current liabilities:|Accrued expenses and other current liabilities", { aliases: ["AccruedExpenses"] }),
  BS("ShortTermBorrowings", "Current liabilities:|Short-term borrowings", { aliases: ["ShortTermDebt"] }),
  BS("IncomeTaxPayable", "Current liabilities:|Income tax payable"),
  BS("AmountsDueToRelatedPartiesCurrent", "Current liabilities:|Amounts due to related parties"),
  BS("CurrentOperatingLeaseLiabilities", "Current liabilities:|Current operating lease liabilities"),
  BS("TotalCurrentLiabilities", "Total current liabilities", {
    formula: "AccountsPayable + AccruedExpensesAndOtherCurrentLiabilities + ShortTermBorrowings + IncomeTaxPayable + AmountsDueToRelatedPartiesCurrent + CurrentOperatingLeaseLiabilities",
    aliases: ["CurrentLiabilities"],
  }),
  BS("LongTermBorrowings", "Non-current liabilities:|Long-term borrowings", { aliases: ["LongTermDebt"] }),
  BS("AmountsDueToRelatedPartiesNonCurrent", "Non-current liabilities:|Amounts due to related parties"),
  BS("DeferredTaxLiabilities", "Non-current liabilities:|Deferred tax liabilities"),
  BS("OtherLiabilities", "Non-current liabilities:|Other liabilities"),
  BS("NonCurrentOperatingLeaseLiabilities", "Non-current liabilities:|Non-current operating lease liabilities"),
  BS("TotalNonCurrentLiabilities", "Total non-current liabilities", {
    formula: "LongTermBorrowings + AmountsDueToRelatedPartiesNonCurrent + DeferredTaxLiabilities + OtherLiabilities + NonCurrentOperatingLeaseLiabilities",
    aliases: ["NonCurrentLiabilities"],
  }),
  BS("TotalLiabilities", "Total liabilities", { formula: "TotalCurrentLiabilities + TotalNonCurrentLiabilities", aliases: ["Liabilities"] }),
  BS("OrdinaryShares", "Shareholders' equity:|Ordinary shares"),
  BS("TreasuryShares", "Shareholders' equity:|Treasury shares", { aliases: ["TreasuryStock"] }),
  BS("AdditionalPaidInCapital", "Shareholders' equity:|Additional paid-in capital", { aliases: ["APIC"] }),
  BS("StatutoryReserveFunds", "Shareholders' equity:|Statutory reserves funds", { aliases: ["StatutoryReserves"] }),
  BS("AccumulatedDeficit", "Shareholders' equity:|Accumulated deficit", { aliases: ["RetainedEarnings"] }),
  BS("AccumulatedOtherComprehensiveIncome", "Shareholders' equity:|Accumulated other comprehensive income", { aliases: ["AOCI"] }),
  BS("TotalShareholdersEquity", "Total Kingsoft Cloud Holdings Limited shareholders' equity", {
    formula: "OrdinaryShares + TreasuryShares + AdditionalPaidInCapital + StatutoryReserveFunds + AccumulatedDeficit + AccumulatedOtherComprehensiveIncome",
    aliases: ["ShareholdersEquity", "StockholdersEquity", "BookValue"],
  }),
  BS("NonControllingInterests", "Shareholders' equity:|Non-controlling interests", { aliases: ["MinorityInterest", "NCI"] }),
  BS("TotalEquity", "Total equity", { formula: "TotalShareholdersEquity + NonControllingInterests", aliases: ["Equity"] }),
  BS("TotalLiabilitiesAndEquity", "Total liabilities, non-controlling interests and shareholders' equity", {
    formula: "TotalLiabilities + TotalEquity",
    aliases: ["TotalLiabilitiesAndShareholdersEquity"],
  }),

  // Statements of comprehensive loss
  IS("PublicCloudRevenues", "Public cloud services", { ...revenue, aliases: ["PublicCloud", "PublicCloudRevenue", "Revenues from public cloud services"] }),
  IS("EnterpriseCloudRevenues", "Enterprise cloud services", { ...revenue, aliases: ["EnterpriseCloud", "EnterpriseCloudRevenue", "Revenues from enterprise cloud services"] }),
  IS("TotalRevenues", "Total revenues", {
    ...revenue,
    formula: "PublicCloudRevenues + EnterpriseCloudRevenues",
    aliases: ["Revenue", "Revenues", "TotalRevenue", "Sales", "NetSales", "NetRevenue", "NetRevenues", "Turnover", "TopLine"],
  }),
  IS("CostOfRevenues", "Cost of revenues", { ...cost, aliases: ["COGS", "CostOfRevenue", "CostOfSales", "CostOfGoodsSold", "COS"] }),
  IS("GrossProfit", "Gross profit", {
    rows: ["IS|Gross profit", "NONGAAP@Gross profit|Gross profit"],
    formula: "TotalRevenues + CostOfRevenues",
    aliases: ["GP"],
  }),
  IS("SellingAndMarketingExpenses", "Selling and marketing expenses", { ...cost, aliases: ["S&M", "SalesAndMarketing", "SellingExpenses"] }),
  IS("GeneralAndAdministrativeExpenses", "General and administrative expenses", { ...cost, aliases: ["G&A", "GeneralAndAdministrative"] }),
  IS("ResearchAndDevelopmentExpenses", "Research and development expenses", { ...cost, aliases: ["R&D", "ResearchAndDevelopment", "RnD"] }),
  IS("TotalOperatingExpenses", "Total operating expenses", {
    ...cost,
    formula: "SellingAndMarketingExpenses + GeneralAndAdministrativeExpenses + ResearchAndDevelopmentExpenses",
    aliases: ["OperatingExpenses", "Opex"],
  }),
  IS("OperatingLoss", "Operating loss", {
    rows: ["IS|Operating loss", "NONGAAP@Operating loss|Operating loss"],
    formula: "GrossProfit + TotalOperatingExpenses",
    aliases: ["OperatingIncome", "OperatingProfit", "OperatingIncomeLoss", "OperatingProfitLoss", "EBIT"],
  }),
  IS("InterestIncome", "Interest income", revenue),
  IS("InterestExpense", "Interest expense", cost),
  IS("ForeignExchangeGainLoss", "Foreign exchange gain (loss)", { aliases: ["FXGainLoss", "ForeignExchangeGain", "ForeignExchangeLoss"] }),
  IS("OtherGainLossNet", "Other gain (loss), net", { aliases: ["OtherGainLoss"] }),
  IS("OtherExpenseIncomeNet", "Other (expense) income, net", { aliases: ["OtherIncomeExpense", "OtherExpenseIncome"] }),
  IS("LossBeforeIncomeTaxes", "Loss before income taxes", {
    formula: "OperatingLoss + InterestIncome + InterestExpense + ForeignExchangeGainLoss + OtherGainLossNet + OtherExpenseIncomeNet",
    aliases: ["PretaxIncome", "PretaxLoss", "IncomeBeforeIncomeTaxes", "EBT"],
  }),
  IS("IncomeTaxExpenseBenefit", "Income tax (expense) benefit", { aliases: ["IncomeTax", "IncomeTaxExpense", "TaxExpense", "Taxes"] }),
  IS("NetLoss", "Net loss", {
    rows: ["IS|Net loss", "NONGAAP@Net Loss|Net Loss"],
    formula: "LossBeforeIncomeTaxes + IncomeTaxExpenseBenefit",
    aliases: ["NetIncome", "NetProfit", "NetIncomeLoss", "NetEarnings", "NetResult"],
  }),
  IS("NetLossAttributableToNonControllingInterests", "Less: net (loss) profit attributable to non-controlling interests", {
    aliases: ["NetIncomeAttributableToNonControllingInterests", "MinorityInterestInNetLoss"],
  }),
  IS("NetLossAttributableToShareholders", "Net loss attributable to Kingsoft Cloud Holdings Limited", {
    formula: "NetLoss - NetLossAttributableToNonControllingInterests",
    aliases: ["NetIncomeAttributableToShareholders", "NetLossAttributableToOrdinaryShareholders"],
  }),
  IS("NetLossPerShare", "Net loss per share:|Basic and diluted", {
    unit: "perShare",
    formula: "NetLossAttributableToShareholders * 1000 / WeightedAverageShares",
    aliases: ["EPS", "LossPerShare", "BasicEPS", "DilutedEPS", "NetIncomePerShare", "Basic and diluted net loss per share"],
  }),
  IS("WeightedAverageShares", "Shares used in the net loss per share computation:|Basic and diluted", {
    unit: "shares",
    aliases: ["WeightedAverageSharesOutstanding", "SharesUsedInPerShareComputation", "DilutedShares", "BasicShares"],
  }),
  IS("ForeignCurrencyTranslationAdjustments", "Foreign currency translation adjustments", { aliases: ["FXTranslation", "OtherComprehensiveIncome", "OCI"] }),
  IS("ComprehensiveLoss", "Comprehensive loss", {
    formula: "NetLoss + ForeignCurrencyTranslationAdjustments",
    aliases: ["ComprehensiveIncome", "TotalComprehensiveLoss"],
  }),
  IS("ComprehensiveLossAttributableToNonControllingInterests", "Less: Comprehensive (loss) income attributable to non-controlling interests"),
  IS("ComprehensiveLossAttributableToShareholders", "Comprehensive loss attributable to Kingsoft Cloud Holdings Limited shareholders", {
    formula: "ComprehensiveLoss - ComprehensiveLossAttributableToNonControllingInterests",
  }),

  // Reconciliations of GAAP and non-GAAP results (the GAAP rows they restate are the income statement's metrics)
  NG("ShareBasedCompensationInCostOfRevenues", ["Gross profit|– Share-based compensation expenses (allocated in cost of revenues)"], {
    sign: "nonNegative",
    aliases: ["SBCInCostOfRevenues"],
  }),
  NG("AdjustedGrossProfit", ["Gross profit|Adjusted gross profit (Non-GAAP Financial Measure)"], {
    formula: "GrossProfit + ShareBasedCompensationInCostOfRevenues",
    aliases: ["Non-GAAP gross profit", "AdjGrossProfit"],
  }),
  NG("ShareBasedCompensation", ["Net Loss|– Share-based compensation expenses", "Operating loss|– Share-based compensation expenses"], {
    sign: "nonNegative",
    parts: ["ShareBasedCompensationInCostOfRevenues"],
    aliases: ["SBC", "StockBasedCompensation", "ShareBasedCompensationExpenses"],
  }),
  NG("ForeignExchangeAdjustment", ["Net Loss|– Foreign exchange (gain) loss"], { formula: "-ForeignExchangeGainLoss" }),
  NG("AdjustedNetLoss", ["Net Loss|Adjusted net loss (Non-GAAP Financial Measure)"], {
    formula: "NetLoss + ShareBasedCompensation + ForeignExchangeAdjustment",
    aliases: ["Non-GAAP net loss", "AdjustedNetIncome", "AdjNetLoss", "NonGAAPNetIncome"],
  }),
  NG("InterestIncomeAdjustment", ["Net Loss|– Interest income"], { formula: "-InterestIncome" }),
  NG("InterestExpenseAdjustment", ["Net Loss|– Interest expense"], { formula: "-InterestExpense" }),
  NG("IncomeTaxAdjustment", ["Net Loss|– Income tax expense (benefit)"], { formula: "-IncomeTaxExpenseBenefit" }),
  NG("DepreciationAndAmortization", ["Net Loss|– Depreciation and amortization"], {
    sign: "nonNegative",
    parts: ["AmortizationOfIntangibleAssets"],
    aliases: ["D&A", "DA"],
  }),
  NG("AdjustedEBITDA", ["Net Loss|Adjusted EBITDA (Non-GAAP Financial Measure)"], {
    formula: "AdjustedNetLoss + InterestIncomeAdjustment + InterestExpenseAdjustment + IncomeTaxAdjustment + DepreciationAndAmortization",
    aliases: ["EBITDA", "Non-GAAP EBITDA", "AdjEBITDA"],
  }),
  NG("GainOnDisposalOfPropertyAndEquipment", [
    "Net Loss|– Gain on disposal of property and equipment",
    "Operating loss|– Gain on disposal of property and equipment",
  ]),
  NG("NormalizedAdjustedEBITDA", ["Net Loss|Excluding gain on disposal of property and equipment, normalized Adjusted EBITDA"], {
    formula: "AdjustedEBITDA + GainOnDisposalOfPropertyAndEquipment",
    aliases: ["NormalizedEBITDA"],
  }),
  NG("AmortizationOfIntangibleAssets", ["Operating loss|– Amortization of intangible assets"], { sign: "nonNegative", aliases: ["Amortization"] }),
  NG("AdjustedOperatingLoss", ["Operating loss|Adjusted operating (loss) profit (Non-GAAP Financial Measure)"], {
    formula: "OperatingLoss + ShareBasedCompensation + AmortizationOfIntangibleAssets",
    aliases: ["Non-GAAP operating (loss) profit", "Non-GAAP operating loss", "Non-GAAP operating profit", "AdjustedOperatingIncome", "AdjustedEBIT"],
  }),
  NG("NormalizedAdjustedOperatingLoss", ["Operating loss|Excluding gain on disposal of property and equipment, normalized Adjusted operating loss"], {
    formula: "AdjustedOperatingLoss + GainOnDisposalOfPropertyAndEquipment",
    aliases: ["NormalizedAdjustedOperatingIncome"],
  }),
  NG("GrossMargin", ["Gross margin|Gross margin"], ratio("GrossProfit / TotalRevenues", ["GrossProfitMargin", "GM"])),
  NG("AdjustedGrossMargin", ["Gross margin|Adjusted gross margin (Non-GAAP Financial Measure)"], ratio("AdjustedGrossProfit / TotalRevenues", ["Non-GAAP gross margin"])),
  NG("NetLossMargin", ["Net loss margin|Net loss margin"], ratio("NetLoss / TotalRevenues", ["NetMargin", "NetIncomeMargin", "NetProfitMargin", "ProfitMargin"])),
  NG("AdjustedNetLossMargin", ["Net loss margin|Adjusted net loss margin (Non-GAAP Financial Measure)"], ratio("AdjustedNetLoss / TotalRevenues", ["Non-GAAP net loss margin", "AdjustedNetMargin"])),
  NG("AdjustedEBITDAMargin", ["Net loss margin|Adjusted EBITDA margin (Non-GAAP Financial Measure)"], ratio("AdjustedEBITDA / TotalRevenues", ["EBITDAMargin", "Non-GAAP EBITDA margin"])),
  NG("NormalizedAdjustedEBITDAMargin", ["Net loss margin|Normalized Adjusted EBITDA margin"], ratio("NormalizedAdjustedEBITDA / TotalRevenues", ["NormalizedEBITDAMargin"])),
  NG("AdjustedOperatingLossMargin", ["Net loss margin|Adjusted operating (loss) profit margin (Non-GAAP Financial Measure)"], ratio("AdjustedOperatingLoss / TotalRevenues", ["Non-GAAP operating (loss) profit margin", "Non-GAAP operating margin", "AdjustedOperatingMargin"])),
  NG("NormalizedAdjustedOperatingLossMargin", ["Net loss margin|Normalized Adjusted operating loss margin"], ratio("NormalizedAdjustedOperatingLoss / TotalRevenues", ["NormalizedAdjustedOperatingMargin"])),

  // Statement of cash flows
  CF("NetCashFromOperatingActivities", "Net cash (used in) generated from operating activities", { aliases: ["OperatingCashFlow", "CFO", "CashFromOperations", "CashFlowFromOperations"] }),
  CF("NetCashFromInvestingActivities", "Net cash used in investing activities", { aliases: ["InvestingCashFlow", "CFI", "CashFromInvesting"] }),
  CF("NetCashFromFinancingActivities", "Net cash generated from financing activities", { aliases: ["FinancingCashFlow", "CFF", "CashFromFinancing"] }),
  CF("EffectOfExchangeRateChanges", "Effect of exchange rate changes on cash, cash equivalents and restricted cash", { aliases: ["FXEffectOnCash"] }),
  CF("NetChangeInCash", "Net (decrease) increase in cash, cash equivalents and restricted cash", {
    formula: "NetCashFromOperatingActivities + NetCashFromInvestingActivities + NetCashFromFinancingActivities + EffectOfExchangeRateChanges",
    aliases: ["ChangeInCash", "NetIncreaseInCash", "NetDecreaseInCash"],
  }),
  CF("CashAtBeginningOfPeriod", "Cash, cash equivalents and restricted cash at beginning of period", { aliases: ["BeginningCash", "OpeningCash"], overYear: "opening" }),
  CF("CashAtEndOfPeriod", "Cash, cash equivalents and restricted cash at end of period", {
    formula: "CashAtBeginningOfPeriod + NetChangeInCash",
    aliases: ["EndingCash", "ClosingCash"],
    overYear: "closing",
  }),

  // Figures stated only in the release's text
  NARRATIVE("IDCCosts", "IDC costs", "amount", "duration", ["IDC"]),
  NARRATIVE("DepreciationAndAmortizationCosts", "Depreciation and amortization costs", "amount", "duration", ["DepreciationCosts"]),
  NARRATIVE("SolutionDevelopmentAndServicesCosts", "Solution development and services costs", "amount", "duration", ["SolutionCosts"]),
  NARRATIVE("FulfillmentCosts", "Fulfillment costs", "amount", "duration"),
  NARRATIVE("OtherCosts", "Other costs", "amount", "duration", ["OtherCostOfRevenues"]),
  NARRATIVE("AIGrossBillingGrowth", "Gross billing of AI business, growth year-over-year", "ratio", "duration", ["AIBillingGrowth", "AIGrowth"]),
  NARRATIVE("OutstandingOrdinaryShares", "Outstanding ordinary shares", "shares", "instant", ["SharesOutstanding", "OrdinarySharesOutstanding"]),
  NARRATIVE("OutstandingADSs", "Outstanding ordinary shares, equivalent ADSs", "shares", "instant", ["ADSsOutstanding", "ADSOutstanding"]),
  NARRATIVE("ExchangeRateRMBPerUSD", "Convenience translation rate, RMB per US$1.00", "rate", "duration", ["ExchangeRate", "FXRate", "USDCNY", "RMBUSD"]),
  // Not capital expenditures as such (leased assets are in it, and the text says "about"): no "Capex" alias.
  NARRATIVE("CapitalExpendituresAndLeasedAssets", "Capital expenditures and leased assets obtained in combination (about)", "amount", "duration"),

  // Measures an analyst derives from the statements
  DERIVED("OperatingMargin", "Operating loss as a share of total revenues (signed as presented: a loss is negative)", "ratio", "duration", "OperatingLoss / TotalRevenues", ["OperatingLossMargin", "EBITMargin", "OperatingProfitMargin"]),
  DERIVED("PublicCloudRevenueShare", "Public cloud services as a share of total revenues", "ratio", "duration", "PublicCloudRevenues / TotalRevenues", ["PublicCloudShare"]),
  DERIVED("EnterpriseCloudRevenueShare", "Enterprise cloud services as a share of total revenues", "ratio", "duration", "EnterpriseCloudRevenues / TotalRevenues", ["EnterpriseCloudShare"]),
  // Cost and expense ratios as analysts quote them: positive (cost of revenues is 87.2% of revenues), though the costs are negative as presented.
  DERIVED("CostOfRevenuesRatio", "Cost of revenues as a share of total revenues (positive: costs as a positive share)", "ratio", "duration", "-CostOfRevenues / TotalRevenues", ["COGSRatio"]),
  DERIVED("SellingAndMarketingExpenseRatio", "Selling and marketing expenses as a share of total revenues (positive)", "ratio", "duration", "-SellingAndMarketingExpenses / TotalRevenues", ["S&MRatio"]),
  DERIVED("GeneralAndAdministrativeExpenseRatio", "General and administrative expenses as a share of total revenues (positive)", "ratio", "duration", "-GeneralAndAdministrativeExpenses / TotalRevenues", ["G&ARatio"]),
  DERIVED("ResearchAndDevelopmentExpenseRatio", "Research and development expenses as a share of total revenues (positive)", "ratio", "duration", "-ResearchAndDevelopmentExpenses / TotalRevenues", ["R&DRatio"]),
  DERIVED("OperatingExpenseRatio", "Total operating expenses as a share of total revenues (positive)", "ratio", "duration", "-TotalOperatingExpenses / TotalRevenues", ["OpexRatio"]),
  // Tax expense over income before tax: a tax expense on a loss is a negative rate, a tax benefit on a loss a positive one.
  DERIVED("EffectiveTaxRate", "Income tax expense as a share of income (loss) before income taxes (expense on a loss: negative)", "ratio", "duration", "-IncomeTaxExpenseBenefit / LossBeforeIncomeTaxes", ["TaxRate"]),
  DERIVED("NetLossPerADS", `Net loss per ADS (${ORDINARY_SHARES_PER_ADS} ordinary shares per ADS)`, "perADS", "duration", `NetLossPerShare * ${ORDINARY_SHARES_PER_ADS}`, ["EPADS", "LossPerADS", "EPSPerADS"]),
  DERIVED("CurrentRatio", "Total current assets / total current liabilities", "ratio", "instant", "TotalCurrentAssets / TotalCurrentLiabilities"),
  DERIVED("TotalBorrowings", "Short-term plus long-term borrowings", "amount", "instant", "ShortTermBorrowings + LongTermBorrowings", ["TotalDebt", "Debt", "GrossDebt"]),
  DERIVED("NetDebt", "Borrowings less cash and cash equivalents", "amount", "instant", "TotalBorrowings - CashAndCashEquivalents"),
  DERIVED("DebtToEquity", "Total borrowings / total equity", "ratio", "instant", "TotalBorrowings / TotalEquity", ["Leverage", "GearingRatio"]),
  DERIVED("CostOfRevenuesBreakdownTotal", "IDC + depreciation and amortization + solution + fulfillment + other costs (stated in the text)", "amount", "duration",
    "IDCCosts + DepreciationAndAmortizationCosts + SolutionDevelopmentAndServicesCosts + FulfillmentCosts + OtherCosts"),
];

/** Identities the filing must satisfy across statements and periods (each metric's own formula is checked too). */
export const IDENTITIES: readonly IdentitySpec[] = [
  { left: "TotalAssets", right: "TotalLiabilitiesAndEquity", note: "the balance sheet balances" },
  { left: "CashAtEndOfPeriod", right: "CashAndCashEquivalents + RestrictedCash", note: "cash flow ends where the balance sheet stands" },
  { left: "CashAtBeginningOfPeriod", right: "CashAtEndOfPeriod[-1]", note: "a quarter starts where the last one ended" },
  { left: "AccumulatedDeficit - AccumulatedDeficit[-1]", right: "NetLossAttributableToShareholders", note: "the deficit grows by the quarter's loss" },
  {
    left: "AccumulatedOtherComprehensiveIncome - AccumulatedOtherComprehensiveIncome[-1]",
    right: "ForeignCurrencyTranslationAdjustments",
    note: "other comprehensive income moves by the translation adjustment",
  },
  { left: "OutstandingADSs", right: `OutstandingOrdinaryShares / ${ORDINARY_SHARES_PER_ADS}`, note: "ADSs are 15 ordinary shares each (to the stated ADS)" },
  { left: "CostOfRevenuesBreakdownTotal", right: "-CostOfRevenues", note: "the text's cost breakdown adds up to cost of revenues (to its stated precision)" },
];
