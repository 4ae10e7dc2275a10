/**
 * The acceptance workbook (`kc export-acceptance FILE.xlsx`): one sheet that a person opens in Excel with the add-in
 * loaded to see, in one cell, "N of M PASS". Each row is a live KC formula beside the figure the filing prints (typed
 * here from the filing, src/data/sources/kingsoft-cloud-2026q1-press-release.txt, with its line; never taken from the
 * code's output), a PASS/FAIL formula and what a FAIL would mean. It covers every function and its main options, spills
 * read through INDEX, refusals checked with ERROR.TYPE (3 is #VALUE!, 7 is #N/A), date cells, and overrides ranges with
 * a blank metric cell and with a blank value cell, which show how this Excel passes an empty cell (desktop: 0; web:
 * an empty value). Pure layout (no exceljs): the .xlsx writer is ./xlsx.ts; test/export/acceptance.test.ts evaluates
 * the workbook's own formulas with the KC functions in HyperFormula, as the web and as desktop pass empty cells.
 */
import { absoluteA1 } from "../core";
import { LayoutCell, SheetLayout, cellAddress } from "./layout";

export const ACCEPTANCE_SHEET = "KC acceptance";

/** What a check's PASS/FAIL formula compares the KC cell with. */
export type Expectation =
  /** A number: the filing's figure, or an Excel formula over the filing's figures ("345748/2703732"). */
  | { number: number | string }
  | { text: string }
  /** Text that the result must contain (KC.SOURCE's line). */
  | { contains: string }
  | { error: "#VALUE!" | "#N/A" }
  /** The one result that depends on how the host passes an empty cell: the web's refusal or desktop's figure. */
  | { web: "#VALUE!"; desktop: number };

export interface AcceptanceCheck {
  /** What is checked, for a person. */
  what: string;
  /** The KC formula without "=", inputs named {name} (see INPUTS) and replaced by their absolute addresses. */
  formula: string;
  expect: Expectation;
  /** Where the expected figure is printed: "233" or "231, 232" or "text" for a message. */
  lines: string;
  /** What a FAIL would mean, when the kind's default does not say it. */
  ifFail?: string;
}

/** Excel's ERROR.TYPE numbers (support.microsoft.com, "ERROR.TYPE function"). */
const ERROR_TYPE = { "#VALUE!": 3, "#N/A": 7 } as const;

/** The columns of the checks. */
const COL = { n: 1, what: 2, result: 3, expected: 4, lines: 5, verdict: 6, ifFail: 7, formula: 8 } as const;
const HEADER_ROW = 7;
const FIRST_CHECK_ROW = HEADER_ROW + 1;
/** Inputs the formulas read (column K, overrides ranges K:L), and the two spilled statements. */
const INPUT_LABEL_COL = 10;
const INPUT_COL = 11;
const SPILLS = [
  { col: 14, formula: 'KC.STATEMENT("IS","2026Q1")' },
  { col: 17, formula: 'KC.STATEMENT("NONGAAP","2026Q1")' },
] as const;
/** Rows read below a spill's anchor when looking a label up (the statements spill about 35 rows). */
const SPILL_ROWS = 60;

const DATE_FORMAT = "yyyy-mm-dd";

/** An input cell or block: its label, its rows of values (null: an empty cell), its number format. */
interface Input {
  label: string;
  row: number;
  cells: Array<Array<string | number | null>>;
  numFmt?: string;
}

/**
 * The inputs, by the name formulas use. Dates are the serials of the 1900 date system, which this workbook uses:
 * 2026-03-31 is 46112, 2025-12-31 is 46022 (90 days before), 2026-03-30 is 46111.
 */
export const INPUTS: Record<string, Input> = {
  period: { label: "A period typed as text", row: 8, cells: [["2026Q1"]] },
  date: { label: "A date cell: 2026-03-31 (the end of 2026Q1)", row: 9, cells: [[46112]], numFmt: DATE_FORMAT },
  dateQ4: { label: "A date cell: 2025-12-31 (the end of 2025Q4)", row: 10, cells: [[46022]], numFmt: DATE_FORMAT },
  notQuarterEnd: { label: "A date cell: 2026-03-30 (no quarter ends on it)", row: 11, cells: [[46111]], numFmt: DATE_FORMAT },
  blank: { label: "An empty cell (a period left blank)", row: 12, cells: [[null]] },
  overrides: { label: "Overrides: total revenues 3,000,000 and cost of revenues -2,400,000", row: 14, cells: [["TotalRevenues", 3000000], ["CostOfRevenues", -2400000]] },
  blankMetric: { label: "Overrides with a blank metric cell beside -2,400,000 (that row is off)", row: 17, cells: [["TotalRevenues", 3000000], [null, -2400000]] },
  blankValue: { label: "Overrides with a blank value cell beside CostOfRevenues", row: 20, cells: [["CostOfRevenues", null]] },
  periods: { label: "A periods range with a blank cell: 2025Q4, (blank), 2026Q1", row: 22, cells: [["2025Q4"], [null], ["2026Q1"]] },
};

/** "$K$9" for a 1-based row and column, as the layout counts them. */
const absolute = (row: number, col: number): string => absoluteA1(row - 1, col - 1);

/** The address of an input ("$K$9", or "$K$14:$L$15" for a block). */
function inputAddress(input: Input): string {
  const rows = input.cells.length;
  const cols = input.cells[0].length;
  const start = absolute(input.row, INPUT_COL);
  return rows === 1 && cols === 1 ? start : `${start}:${absolute(input.row + rows - 1, INPUT_COL + cols - 1)}`;
}

/** A value looked up in a spilled statement by its printed label (the first row with that label). */
function spillLookup(spill: (typeof SPILLS)[number], label: string): string {
  const first = absolute(FIRST_CHECK_ROW, spill.col);
  const last = FIRST_CHECK_ROW + SPILL_ROWS;
  return `INDEX(${first}:${absolute(last, spill.col + 1)},MATCH("${label}",${first}:${absolute(last, spill.col)},0),2)`;
}

const [IS_SPILL, NONGAAP_SPILL] = SPILLS;
const EBITDA_Q1_SHIFTED = "747506+(3000000-2703732)+(-2400000-(-2357984))";
const NET_LOSS_SHIFTED = "-343720+(3000000-2703732)+(-2400000-(-2357984))";

/**
 * The checks. Every expected figure is the filing's, typed here with its line (RMB thousands as printed, costs and
 * losses negative); ratios and growth rates are written as Excel formulas over the printed figures.
 */
export const CHECKS: readonly AcceptanceCheck[] = [
  // KC.METRIC: figures as printed
  { what: "Total revenues 2026Q1", formula: 'KC.METRIC("TotalRevenues","2026Q1")', expect: { number: 2703732 }, lines: "233" },
  { what: "Total revenues 2025Q4", formula: 'KC.METRIC("TotalRevenues","2025Q4")', expect: { number: 2761387 }, lines: "233" },
  { what: "Total revenues 2025Q1", formula: 'KC.METRIC("TotalRevenues","2025Q1")', expect: { number: 1969977 }, lines: "233" },
  { what: "Public cloud services 2026Q1", formula: 'KC.METRIC("PublicCloudRevenues","2026Q1")', expect: { number: 1996301 }, lines: "231" },
  { what: "Enterprise cloud services 2026Q1", formula: 'KC.METRIC("EnterpriseCloudRevenues","2026Q1")', expect: { number: 707431 }, lines: "232" },
  { what: "Cost of revenues 2026Q1 (negative as presented)", formula: 'KC.METRIC("CostOfRevenues","2026Q1")', expect: { number: -2357984 }, lines: "234" },
  { what: "Gross profit 2026Q1", formula: 'KC.METRIC("GrossProfit","2026Q1")', expect: { number: 345748 }, lines: "235" },
  { what: "Total operating expenses 2026Q1", formula: 'KC.METRIC("TotalOperatingExpenses","2026Q1")', expect: { number: -511856 }, lines: "240" },
  { what: "Operating loss 2026Q1", formula: 'KC.METRIC("OperatingLoss","2026Q1")', expect: { number: -166108 }, lines: "241" },
  { what: "Net loss 2026Q1", formula: 'KC.METRIC("NetLoss","2026Q1")', expect: { number: -343720 }, lines: "249" },
  { what: "Net loss 2025Q1", formula: 'KC.METRIC("NetLoss","2025Q1")', expect: { number: -316110 }, lines: "249" },
  { what: "Adjusted EBITDA 2026Q1", formula: 'KC.METRIC("AdjustedEBITDA","2026Q1")', expect: { number: 747506 }, lines: "305" },
  { what: "Adjusted EBITDA 2025Q4", formula: 'KC.METRIC("AdjustedEBITDA","2025Q4")', expect: { number: 785248 }, lines: "305" },
  { what: "Adjusted net loss 2026Q1", formula: 'KC.METRIC("AdjustedNetLoss","2026Q1")', expect: { number: -237143 }, lines: "299" },
  { what: "Adjusted gross profit 2026Q1", formula: 'KC.METRIC("AdjustedGrossProfit","2026Q1")', expect: { number: 351406 }, lines: "273" },
  { what: "Adjusted operating loss 2026Q1", formula: 'KC.METRIC("AdjustedOperatingLoss","2026Q1")', expect: { number: -59817 }, lines: "322" },
  { what: "Cash and cash equivalents, Mar 31, 2026", formula: 'KC.METRIC("CashAndCashEquivalents","2026Q1")', expect: { number: 4903797 }, lines: "180" },
  { what: "Cash and cash equivalents, Dec 31, 2025", formula: 'KC.METRIC("CashAndCashEquivalents","2025Q4")', expect: { number: 6018043 }, lines: "180" },
  { what: "Total assets, Mar 31, 2026", formula: 'KC.METRIC("TotalAssets","2026Q1")', expect: { number: 28456254 }, lines: "194" },
  { what: "Total liabilities, Mar 31, 2026", formula: 'KC.METRIC("TotalLiabilities","2026Q1")', expect: { number: 19457936 }, lines: "211" },
  { what: "Total equity, Mar 31, 2026", formula: 'KC.METRIC("TotalEquity","2026Q1")', expect: { number: 8998318 }, lines: "221" },
  { what: "Net cash from operating activities 2026Q1", formula: 'KC.METRIC("NetCashFromOperatingActivities","2026Q1")', expect: { number: 533978 }, lines: "348" },
  { what: "Cash at end of period 2026Q1", formula: 'KC.METRIC("CashAtEndOfPeriod","2026Q1")', expect: { number: 4950694 }, lines: "354" },
  { what: "Shares used in the per-share computation 2026Q1", formula: 'KC.METRIC("WeightedAverageShares","2026Q1")', expect: { number: 4555310453 }, lines: "255" },

  // KC.METRIC: currency and scale
  { what: "Total revenues 2026Q1 in US$ (the filing's US$ column)", formula: 'KC.METRIC("TotalRevenues","2026Q1","USD")', expect: { number: 391959 }, lines: "233" },
  { what: "Adjusted EBITDA 2026Q1 in US$", formula: 'KC.METRIC("AdjustedEBITDA","2026Q1","USD")', expect: { number: 108365 }, lines: "305" },
  { what: "Total assets in US$", formula: 'KC.METRIC("TotalAssets","2026Q1","USD")', expect: { number: 4125290 }, lines: "194" },
  { what: "Total revenues 2025Q1 in US$: RMB at the release's rate 6.8980 (no US$ column printed)", formula: 'KC.METRIC("TotalRevenues","2025Q1","USD")', expect: { number: "1969977/6.898" }, lines: "233, 87" },
  { what: "Total revenues in RMB millions", formula: 'KC.METRIC("TotalRevenues","2026Q1",,"millions")', expect: { number: 2703.732 }, lines: "233" },
  { what: "Total revenues in US$ millions", formula: 'KC.METRIC("TotalRevenues","2026Q1","USD","millions")', expect: { number: 391.959 }, lines: "233" },
  { what: "Total revenues in units", formula: 'KC.METRIC("TotalRevenues","2026Q1",,"units")', expect: { number: 2703732000 }, lines: "233" },
  { what: "Total assets in billions", formula: 'KC.METRIC("TotalAssets","2026Q1",,"billions")', expect: { number: 28.456254 }, lines: "194" },
  { what: "Shares in millions", formula: 'KC.METRIC("WeightedAverageShares","2026Q1",,"millions")', expect: { number: 4555.310453 }, lines: "255" },
  { what: "A ratio never scales: gross margin with scale millions", formula: 'KC.METRIC("GrossMargin","2026Q1",,"millions")', expect: { number: "345748/2703732" }, lines: "235, 233" },

  // KC.METRIC: period forms and date cells
  { what: 'Period "Q1 2026"', formula: 'KC.METRIC("TotalRevenues","Q1 2026")', expect: { number: 2703732 }, lines: "233" },
  { what: 'Period "1Q26"', formula: 'KC.METRIC("TotalRevenues","1Q26")', expect: { number: 2703732 }, lines: "233" },
  { what: 'Period "FY2026Q1"', formula: 'KC.METRIC("TotalRevenues","FY2026Q1")', expect: { number: 2703732 }, lines: "233" },
  { what: 'Period "2026-03-31" (a quarter-end date as text)', formula: 'KC.METRIC("TotalRevenues","2026-03-31")', expect: { number: 2703732 }, lines: "233" },
  { what: 'Period "Mar 31, 2026"', formula: 'KC.METRIC("TotalRevenues","Mar 31, 2026")', expect: { number: 2703732 }, lines: "233" },
  { what: 'Period "FQ0" (the release\'s quarter)', formula: 'KC.METRIC("TotalRevenues","FQ0")', expect: { number: 2703732 }, lines: "233" },
  { what: 'Period "FQ-1" (the quarter before)', formula: 'KC.METRIC("TotalRevenues","FQ-1")', expect: { number: 2761387 }, lines: "233" },
  { what: "Period from a cell holding the text 2026Q1", formula: 'KC.METRIC("TotalRevenues",{period})', expect: { number: 2703732 }, lines: "233" },
  dateCheck("Period from a date cell (2026-03-31)", 'KC.METRIC("TotalRevenues",{date})', 2703732),
  dateCheck("Period from a date cell (2025-12-31)", 'KC.METRIC("TotalRevenues",{dateQ4})', 2761387),
  dateCheck("Period from DATE(2026,3,31)", 'KC.METRIC("TotalRevenues",DATE(2026,3,31))', 2703732),

  // KC.METRIC: names
  { what: 'Metric by an analyst\'s name: "Revenue"', formula: 'KC.METRIC("Revenue","2026Q1")', expect: { number: 2703732 }, lines: "233" },
  { what: 'Metric by the release\'s name: "Non-GAAP EBITDA"', formula: 'KC.METRIC("Non-GAAP EBITDA","2026Q1")', expect: { number: 747506 }, lines: "305" },
  { what: "Metric by its printed label", formula: 'KC.METRIC("Accounts receivable, net","2026Q1")', expect: { number: 2066757 }, lines: "182" },

  // KC.METRIC: computed exactly
  { what: "Gross margin, recomputed (printed 12.8%)", formula: 'KC.METRIC("GrossMargin","2026Q1")', expect: { number: "345748/2703732" }, lines: "235, 233" },
  { what: "Adjusted EBITDA margin, recomputed (printed 27.6%)", formula: 'KC.METRIC("AdjustedEBITDAMargin","2026Q1")', expect: { number: "747506/2703732" }, lines: "305, 233" },
  { what: "Net loss per share, recomputed in RMB (printed (0.08))", formula: 'KC.METRIC("NetLossPerShare","2026Q1")', expect: { number: "-343820*1000/4555310453" }, lines: "251, 255, 226" },

  // KC.METRIC: overrides
  { what: "Override as an array constant: gross profit with revenues 3,000,000", formula: 'KC.METRIC("GrossProfit","2026Q1",,,{"TotalRevenues",3000000})', expect: { number: "3000000-2357984" }, lines: "234" },
  { what: "Override range: gross profit with revenues 3,000,000 and cost -2,400,000", formula: 'KC.METRIC("GrossProfit","2026Q1",,,{overrides})', expect: { number: 600000 }, lines: "input" },
  { what: "Override range: Adjusted EBITDA moves by both changes", formula: 'KC.METRIC("AdjustedEBITDA","2026Q1",,,{overrides})', expect: { number: EBITDA_Q1_SHIFTED }, lines: "305, 233, 234" },
  { what: "Override range: gross margin 600,000 / 3,000,000", formula: 'KC.METRIC("GrossMargin","2026Q1",,,{overrides})', expect: { number: 0.2 }, lines: "input" },
  { what: "A bridge row overridden: no foreign exchange adjustment", formula: 'KC.METRIC("AdjustedNetLoss","2026Q1",,,{"ForeignExchangeAdjustment",0})', expect: { number: "-237143-44006" }, lines: "299, 298" },
  { what: "A bridge row overridden: no interest expense adjustment", formula: 'KC.METRIC("AdjustedEBITDA","2026Q1",,,{"InterestExpenseAdjustment",0})', expect: { number: "747506-153595" }, lines: "305, 302" },
  { what: "A component moves its total: share-based compensation in cost of revenues 10,000", formula: 'KC.METRIC("ShareBasedCompensation","2026Q1",,,{"ShareBasedCompensationInCostOfRevenues",10000})', expect: { number: "62571+10000-5658" }, lines: "297, 272" },
  { what: "An adjustment leaves GAAP as reported", formula: 'KC.METRIC("GrossProfit","2026Q1",,,{"ShareBasedCompensationInCostOfRevenues",10000})', expect: { number: 345748 }, lines: "235" },
  { what: "The exchange rate as an input: revenues at 7 RMB per US$", formula: 'KC.METRIC("TotalRevenues","2026Q1","USD",,{"ExchangeRateRMBPerUSD",7})', expect: { number: "2703732/7" }, lines: "233" },
  {
    what: "Overrides range with a blank metric cell: that row is off on every host (desktop passes the blank as 0)",
    formula: 'KC.METRIC("GrossProfit","2026Q1",,,{blankMetric})',
    expect: { number: "3000000-2357984" },
    lines: "234",
    ifFail: "A row whose metric cell is blank was not ignored: with -2,400,000 applied the figure would be 600000; #VALUE! would mean the blank (0 on desktop) was read as a metric.",
  },
  {
    what: "Overrides range with a blank value cell: refused on the web; on desktop the blank arrives as 0, an override of 0",
    formula: 'KC.METRIC("GrossProfit","2026Q1",,,{blankValue})',
    expect: { web: "#VALUE!", desktop: 2703732 },
    lines: "233",
    ifFail: "Neither the web's refusal (#VALUE!, 'has no value') nor desktop's override of 0 (2703732 = 2,703,732 + 0): the overrides range is read another way than documented.",
  },

  // KC.METRIC: refusals
  errorCheck("An unknown metric", 'KC.METRIC("AdjEBTDA","2026Q1")', "#VALUE!"),
  errorCheck("A period the filing does not cover", 'KC.METRIC("NetLoss","2024Q4")', "#N/A"),
  errorCheck("A quarter after the release", 'KC.METRIC("TotalRevenues","2026Q2")', "#N/A"),
  errorCheck("A currency that is not RMB or USD", 'KC.METRIC("TotalRevenues","2026Q1","EUR")', "#VALUE!"),
  errorCheck("A scale that is not one", 'KC.METRIC("TotalRevenues","2026Q1",,"dozens")', "#VALUE!"),
  errorCheck("A date cell that is no quarter end (2026-03-30)", 'KC.METRIC("TotalRevenues",{notQuarterEnd})', "#VALUE!"),
  errorCheck("A blank period cell (0 on desktop, empty on the web)", 'KC.METRIC("TotalRevenues",{blank})', "#VALUE!"),
  errorCheck("A margin overridden (always computed from amounts)", 'KC.METRIC("GrossProfit","2026Q1",,,{"GrossMargin",0.2})', "#VALUE!"),
  errorCheck("A cost overridden with the wrong sign", 'KC.METRIC("GrossProfit","2026Q1",,,{"CostOfRevenues",2400000})', "#VALUE!"),
  errorCheck("A figure stated only in the text overridden", 'KC.METRIC("CostOfRevenues","2026Q1",,,{"IDCCosts",1000})', "#VALUE!"),
  errorCheck("A total and one of its parts overridden together", 'KC.METRIC("GrossProfit","2026Q1",,,{"PublicCloudRevenues",2000000;"TotalRevenues",3000000})', "#VALUE!"),

  // KC.MARGIN
  { what: "Gross margin 2026Q1", formula: 'KC.MARGIN("GrossProfit","2026Q1")', expect: { number: "345748/2703732" }, lines: "235, 233" },
  { what: "Gross margin 2025Q1", formula: 'KC.MARGIN("GrossProfit","2025Q1")', expect: { number: "318306/1969977" }, lines: "235, 233" },
  { what: "Adjusted EBITDA margin 2026Q1", formula: 'KC.MARGIN("AdjustedEBITDA","2026Q1")', expect: { number: "747506/2703732" }, lines: "305, 233" },
  { what: "Net loss margin 2026Q1", formula: 'KC.MARGIN("NetLoss","2026Q1")', expect: { number: "-343720/2703732" }, lines: "249, 233" },
  { what: "Cash over total assets (a base given)", formula: 'KC.MARGIN("CashAndCashEquivalents","2026Q1","TotalAssets")', expect: { number: "4903797/28456254" }, lines: "180, 194" },
  { what: "Gross margin with revenues overridden", formula: 'KC.MARGIN("GrossProfit","2026Q1",,{"TotalRevenues",3000000})', expect: { number: "(3000000-2357984)/3000000" }, lines: "234" },
  errorCheck("A position divided by a flow", 'KC.MARGIN("CashAndCashEquivalents","2026Q1")', "#VALUE!"),
  errorCheck("A margin for a period the filing lacks", 'KC.MARGIN("GrossProfit","2024Q1")', "#N/A"),

  // KC.GROWTH
  { what: "Total revenues YoY (printed +37.2%)", formula: 'KC.GROWTH("TotalRevenues","2026Q1")', expect: { number: "2703732/1969977-1" }, lines: "233, 81" },
  { what: "Total revenues QoQ (printed -2.1%)", formula: 'KC.GROWTH("TotalRevenues","2026Q1","QoQ")', expect: { number: "2703732/2761387-1" }, lines: "233, 81" },
  { what: "Public cloud YoY (printed +47.5%)", formula: 'KC.GROWTH("PublicCloudRevenues","2026Q1")', expect: { number: "1996301/1353479-1" }, lines: "231, 83" },
  { what: 'Net loss YoY: a loss that widens grows ("increased by 8.7%")', formula: 'KC.GROWTH("NetLoss","2026Q1")', expect: { number: "-343720/-316110-1" }, lines: "249, 111" },
  { what: 'Operating loss YoY ("narrowed by 29.1%")', formula: 'KC.GROWTH("OperatingLoss","2026Q1")', expect: { number: "-166108/-234201-1" }, lines: "241, 103" },
  { what: "Net loss YoY with the overrides range", formula: 'KC.GROWTH("NetLoss","2026Q1",,{overrides})', expect: { number: `(${NET_LOSS_SHIFTED})/-316110-1` }, lines: "249, 233, 234" },
  errorCheck("Growth without its base quarter (2024Q4)", 'KC.GROWTH("NetLoss","2025Q4")', "#N/A"),
  errorCheck("Growth across a change of sign (profit 54,586 to loss -59,817)", 'KC.GROWTH("AdjustedOperatingLoss","2026Q1","QoQ")', "#N/A"),
  errorCheck("Growth of a ratio (use KC.CHANGE)", 'KC.GROWTH("AdjustedEBITDAMargin","2026Q1")', "#VALUE!"),
  errorCheck("A growth basis that is not YoY or QoQ", 'KC.GROWTH("TotalRevenues","2026Q1","MoM")', "#VALUE!"),

  // KC.CHANGE
  { what: "Adjusted EBITDA margin change YoY, in fractions (printed 11.4 points)", formula: 'KC.CHANGE("AdjustedEBITDAMargin","2026Q1")', expect: { number: "747506/2703732-318543/1969977" }, lines: "305, 233" },
  { what: "Gross margin change QoQ", formula: 'KC.CHANGE("GrossMargin","2026Q1","QoQ")', expect: { number: "345748/2703732-465350/2761387" }, lines: "235, 233" },
  { what: "Net loss change YoY", formula: 'KC.CHANGE("NetLoss","2026Q1")', expect: { number: "-343720-(-316110)" }, lines: "249" },
  { what: "Total revenues change QoQ", formula: 'KC.CHANGE("TotalRevenues","2026Q1","QoQ")', expect: { number: "2703732-2761387" }, lines: "233" },
  { what: "A change across a change of sign is a plain difference", formula: 'KC.CHANGE("AdjustedOperatingLoss","2026Q1","QoQ")', expect: { number: "-59817-54586" }, lines: "322" },
  { what: "Total revenues change YoY with revenues overridden", formula: 'KC.CHANGE("TotalRevenues","2026Q1",,{"TotalRevenues",3000000})', expect: { number: "3000000-1969977" }, lines: "233" },
  errorCheck("A change without its base quarter", 'KC.CHANGE("NetLoss","2025Q4")', "#N/A"),

  // KC.REPORTED
  { what: "Gross margin as printed (12.8%)", formula: 'KC.REPORTED("GrossMargin","2026Q1")', expect: { number: 0.128 }, lines: "283" },
  { what: "Net loss margin as printed (-12.7%)", formula: 'KC.REPORTED("NetLossMargin","2026Q1")', expect: { number: -0.127 }, lines: "333" },
  { what: "Adjusted EBITDA margin 2025Q4 as printed (28.4%)", formula: 'KC.REPORTED("AdjustedEBITDAMargin","2025Q4")', expect: { number: 0.284 }, lines: "335" },
  { what: "Net loss per share as printed", formula: 'KC.REPORTED("NetLossPerShare","2026Q1")', expect: { number: -0.08 }, lines: "253" },
  { what: "Adjusted EBITDA as printed in US$", formula: 'KC.REPORTED("AdjustedEBITDA","2026Q1","USD")', expect: { number: 108365 }, lines: "305" },
  errorCheck("A US$ figure the filing does not print", 'KC.REPORTED("TotalRevenues","2025Q1","USD")', "#N/A"),

  // KC.SOURCE
  { what: "Source of net loss names its line", formula: 'KC.SOURCE("NetLoss","2026Q1")', expect: { contains: "line 249" }, lines: "249" },
  { what: "Source of total revenues in US$ names its line", formula: 'KC.SOURCE("TotalRevenues","2026Q1","USD")', expect: { contains: "line 233" }, lines: "233" },
  { what: "Source of Adjusted EBITDA names its line", formula: 'KC.SOURCE("AdjustedEBITDA","2026Q1")', expect: { contains: "line 305" }, lines: "305" },
  { what: "Source of cash names its line", formula: 'KC.SOURCE("CashAndCashEquivalents","2026Q1")', expect: { contains: "line 180" }, lines: "180" },

  // KC.STATEMENT: spills, read through INDEX (two of them spilled in columns N and Q)
  { what: "Statement header: its period", formula: 'INDEX(KC.STATEMENT("IS","2026Q1"),1,2)', expect: { text: "2026Q1" }, lines: "229" },
  { what: "Printed columns: the US$ column's header", formula: 'INDEX(KC.STATEMENT("IS",,"printed"),1,5)', expect: { text: "2026Q1 US$" }, lines: "229" },
  { what: "Every period: a label column and three periods", formula: 'COLUMNS(KC.STATEMENT("IS"))', expect: { number: 4 }, lines: "229" },
  { what: "A periods range with a blank cell: the blank is skipped (label + 2 periods)", formula: 'COLUMNS(KC.STATEMENT("BS",{periods}))', expect: { number: 3 }, lines: "176" },
  { what: "A periods range with a blank cell: its second period", formula: 'INDEX(KC.STATEMENT("BS",{periods}),1,3)', expect: { text: "2026Q1" }, lines: "176" },
  spillCheck("Spilled statement: total revenues", IS_SPILL, "Total revenues", 2703732, "233"),
  spillCheck("Spilled statement: gross profit", IS_SPILL, "Gross profit", 345748, "235"),
  spillCheck("Spilled statement: net loss", IS_SPILL, "Net loss", -343720, "249"),
  spillCheck("Spilled statement: loss per share as printed", IS_SPILL, "Basic and diluted", -0.08, "253"),
  spillCheck("Spilled bridge: Adjusted EBITDA", NONGAAP_SPILL, "Adjusted EBITDA (Non-GAAP Financial Measure)", 747506, "305"),
  spillCheck("Spilled bridge: gross margin as printed", NONGAAP_SPILL, "Gross margin", 0.128, "283"),
  errorCheck("A statement that is not one", 'KC.STATEMENT("XX")', "#VALUE!"),
  errorCheck("A statement for a period it lacks", 'KC.STATEMENT("IS","2024Q4")', "#N/A"),

  // KC.SERIES, KC.METRICS, KC.PERIODS, KC.CHECKS
  { what: "Series: Adjusted EBITDA 2026Q1 (row 4)", formula: 'INDEX(KC.SERIES("AdjustedEBITDA"),4,2)', expect: { number: 747506 }, lines: "305" },
  { what: "Series: its first period", formula: 'INDEX(KC.SERIES("AdjustedEBITDA"),2,1)', expect: { text: "2025Q1" }, lines: "228" },
  { what: "Series in US$ millions", formula: 'INDEX(KC.SERIES("TotalRevenues","USD","millions"),4,2)', expect: { number: 391.959 }, lines: "233" },
  { what: "Series of a balance-sheet item: two dates and a header", formula: 'ROWS(KC.SERIES("CashAndCashEquivalents"))', expect: { number: 3 }, lines: "176" },
  { what: "Catalog search: the first EBITDA metric", formula: 'INDEX(KC.METRICS("NONGAAP","ebitda"),2,1)', expect: { text: "AdjustedEBITDA" }, lines: "305" },
  { what: "Catalog header", formula: "INDEX(KC.METRICS(),1,1)", expect: { text: "Id" }, lines: "text" },
  errorCheck("A search nothing matches", 'KC.METRICS(,"zzzz")', "#N/A"),
  { what: "Periods: the first", formula: "INDEX(KC.PERIODS(),1,1)", expect: { text: "2025Q1" }, lines: "228" },
  { what: "Periods: the release's quarter", formula: "INDEX(KC.PERIODS(),3,1)", expect: { text: "2026Q1" }, lines: "228" },
  { what: "Periods of a balance-sheet item: two", formula: 'ROWS(KC.PERIODS("CashAndCashEquivalents"))', expect: { number: 2 }, lines: "176" },
  { what: "Tie-outs: the header", formula: "INDEX(KC.CHECKS(),1,1)", expect: { text: "Identity" }, lines: "text" },
  { what: "Tie-outs: none fails (every printed subtotal ties)", formula: 'SUMPRODUCT(--(KC.CHECKS()="FAIL"))', expect: { number: 0 }, lines: "173-354" },
];

function dateCheck(what: string, formula: string, figure: number): AcceptanceCheck {
  return {
    what,
    formula,
    expect: { number: figure },
    lines: "233",
    ifFail: "The date was not read as the quarter it ends. #VALUE! saying the workbook may use the 1904 date system: Excel's date system was not read (this workbook uses 1900).",
  };
}

function errorCheck(what: string, formula: string, error: "#VALUE!" | "#N/A"): AcceptanceCheck {
  return { what, formula, expect: { error }, lines: "text" };
}

function spillCheck(what: string, spill: (typeof SPILLS)[number], label: string, figure: number, lines: string): AcceptanceCheck {
  return {
    what,
    formula: spillLookup(spill, label),
    expect: { number: figure },
    lines,
    ifFail: `The statement did not spill where it is entered (${cellAddress(FIRST_CHECK_ROW, spill.col)}): #SPILL! there means the cells it needs are not empty; #N/A here, that the label is missing.`,
  };
}

/** What a FAIL means, by the kind of check, unless the check says more. */
const IF_FAIL = {
  number: "Another figure than the filing's, or an error (hover over the KC cell for its message). #NAME? on every row: the add-in is not loaded; #BUSY!: it is still loading.",
  text: "Another text than expected, or an error (hover over the KC cell for its message).",
  contains: "The source does not name the filing's line.",
  error: "The call should be refused with this error: a number instead is a figure given where the function must refuse; another error is another refusal (hover over the KC cell).",
} as const;

/** The PASS/FAIL formula of a check whose KC result is in `c` and expected value in `e`. */
function verdictFormula(expect: Expectation, c: string, e: string): string {
  const pass = (condition: string) => `IF(${condition},"PASS","FAIL")`;
  if ("number" in expect) return `IF(ISNUMBER(${c}),${pass(`ABS(${c}-${e})<=0.000000001*MAX(1,ABS(${e}))`)},"FAIL")`;
  if ("text" in expect) return `IF(ISTEXT(${c}),${pass(`EXACT(${c},${e})`)},"FAIL")`;
  if ("contains" in expect) return `IF(ISTEXT(${c}),${pass(`ISNUMBER(SEARCH(${e},${c}))`)},"FAIL")`;
  if ("error" in expect) return `IF(ISERROR(${c}),${pass(`ERROR.TYPE(${c})=${ERROR_TYPE[expect.error]}`)},"FAIL")`;
  return `IF(ISERROR(${c}),${pass(`ERROR.TYPE(${c})=${ERROR_TYPE[expect.web]}`)},IF(ISNUMBER(${c}),${pass(`${c}=${expect.desktop}`)},"FAIL"))`;
}

/** The expected cell: a number, a formula over the filing's figures, or text. */
function expectedCell(expect: Expectation): Pick<LayoutCell, "value" | "formula"> {
  if ("number" in expect) return typeof expect.number === "number" ? { value: expect.number } : { formula: expect.number };
  if ("text" in expect) return { value: expect.text };
  if ("contains" in expect) return { value: expect.contains };
  if ("error" in expect) return { value: expect.error };
  return { value: `web: ${expect.web}; desktop: ${expect.desktop}` };
}

/** A check's formula with its inputs' addresses in place of {name}. */
export function resolveInputs(formula: string): string {
  return formula.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => (INPUTS[name] ? inputAddress(INPUTS[name]) : whole));
}

export interface AcceptanceLayout {
  sheet: SheetLayout;
  /** Each check's row, and the addresses of its KC cell and its PASS/FAIL cell. */
  checks: Array<AcceptanceCheck & { row: number; result: string; verdict: string }>;
  /** The "N of M PASS" cell. */
  summary: string;
  /** The cell saying how this Excel passes an empty cell (desktop: 0; web: empty), from the blank-value check. */
  blankCells: string;
  /** The cell saying the workbook's date system. */
  dateSystem: string;
}

/** The acceptance sheet. */
export function buildAcceptance(): AcceptanceLayout {
  const cells: LayoutCell[] = [];
  const put = (cell: Omit<LayoutCell, "address">) => cells.push({ ...cell, address: cellAddress(cell.row, cell.col) });
  const last = FIRST_CHECK_ROW + CHECKS.length - 1;
  const verdicts = `${cellAddress(FIRST_CHECK_ROW, COL.verdict)}:${cellAddress(last, COL.verdict)}`;
  const hostRow = FIRST_CHECK_ROW + CHECKS.findIndex((c) => "web" in c.expect);
  const hostResult = cellAddress(hostRow, COL.result);

  put({ row: 1, col: 1, role: "text", style: "title", value: "KC for Excel: acceptance checks. Open this workbook in Excel with the add-in loaded." });
  put({ row: 2, col: 1, role: "header", style: "header", value: "Result" });
  put({ row: 2, col: 2, role: "verdict", style: "title", formula: `COUNTIF(${verdicts},"PASS")&" of "&ROWS(${verdicts})&" PASS"` });
  put({ row: 3, col: 1, role: "text", value: "Empty cells reach the add-in as" });
  put({
    row: 3,
    col: 2,
    role: "verdict",
    formula: `IF(ISNUMBER(${hostResult}),"0 (desktop Excel)",IF(IFERROR(ERROR.TYPE(${hostResult}),0)=3,"an empty value (Excel on the web)","unknown: is the add-in loaded?"))`,
  });
  put({ row: 4, col: 1, role: "text", value: "This workbook's date system" });
  put({ row: 4, col: 2, role: "verdict", formula: 'IF(DATE(1904,1,1)=0,"1904","1900")' });
  put({
    row: 5,
    col: 1,
    role: "text",
    style: "muted",
    value:
      "Each row: a live KC formula (Result), the filing's figure (Expected, with its line in the release), and PASS or FAIL. Hover over a KC cell that shows an error to read its message. Nothing here is cached: Excel computes every cell when the workbook opens.",
  });
  const headers = ["#", "Check", "Result (KC formula)", "Expected (filing)", "Filing line", "PASS / FAIL", "If it says FAIL", "The formula in Result"];
  headers.forEach((h, i) => put({ row: HEADER_ROW, col: i + 1, role: "header", style: "header", value: h }));

  const placed = CHECKS.map((check, i) => {
    const row = FIRST_CHECK_ROW + i;
    const result = cellAddress(row, COL.result);
    const expected = cellAddress(row, COL.expected);
    const verdict = cellAddress(row, COL.verdict);
    const formula = resolveInputs(check.formula);
    put({ row, col: COL.n, role: "text", value: i + 1 });
    put({ row, col: COL.what, role: "text", value: check.what });
    put({ row, col: COL.result, role: "kc", formula });
    put({ row, col: COL.expected, role: "expected", ...expectedCell(check.expect) });
    put({ row, col: COL.lines, role: "line", value: check.lines, style: "muted" });
    put({ row, col: COL.verdict, role: "verdict", formula: verdictFormula(check.expect, result, expected), style: "total" });
    put({ row, col: COL.ifFail, role: "text", style: "prose", value: check.ifFail ?? IF_FAIL[kindOf(check.expect)] });
    put({ row, col: COL.formula, role: "text", style: "code", value: formula }); // as text: no "=", which would make it a formula
    return { ...check, row, result, verdict };
  });

  put({ row: HEADER_ROW, col: INPUT_LABEL_COL, role: "header", style: "header", value: "Inputs the checks read" });
  for (const input of Object.values(INPUTS)) {
    put({ row: input.row, col: INPUT_LABEL_COL, role: "text", value: input.label });
    input.cells.forEach((cellsOfRow, r) =>
      cellsOfRow.forEach((value, c) => {
        if (value !== null) put({ row: input.row + r, col: INPUT_COL + c, role: "input", style: "input", value, numFmt: input.numFmt });
      }),
    );
  }
  for (const spill of SPILLS) {
    put({ row: HEADER_ROW, col: spill.col, role: "header", style: "header", value: `${spill.formula} spills below` });
    put({ row: FIRST_CHECK_ROW, col: spill.col, role: "kc", formula: spill.formula });
  }

  return {
    sheet: { name: ACCEPTANCE_SHEET, widths: [5, 58, 18, 18, 12, 12, 60, 60, 2, 52, 18, 14, 2, 52, 14, 2, 52, 14], freeze: { rows: HEADER_ROW, cols: 0 }, cells },
    checks: placed,
    summary: cellAddress(2, 2),
    blankCells: cellAddress(3, 2),
    dateSystem: cellAddress(4, 2),
  };
}

function kindOf(expect: Expectation): keyof typeof IF_FAIL {
  if ("number" in expect) return "number";
  if ("text" in expect) return "text";
  if ("contains" in expect) return "contains";
  return "error";
}
