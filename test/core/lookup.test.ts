/**
 * Every way an analyst can name a metric, the errors for what cannot be read, and the table functions
 * (KC.STATEMENT, KC.SERIES, KC.METRICS, KC.PERIODS). Expected figures are transcribed from
 * src/data/sources/kingsoft-cloud-2026q1-press-release.txt (line numbers in the comments).
 */
import { excel } from "../helpers/engine";
import { caught } from "../helpers/caught";

/** 2026Q1 RMB figure of a metric, to show a name resolved to the right row. */
const Q1 = (name: unknown) => excel.metric(name as string, "2026Q1");

describe("metric names", () => {
  test.each([
    // ids, in any case and spacing
    ["TotalRevenues", "TotalRevenues"],
    ["totalrevenues", "TotalRevenues"],
    ["TOTALREVENUES", "TotalRevenues"],
    ["  Total Revenues  ", "TotalRevenues"],
    ["total_revenues", "TotalRevenues"],
    ["adjustedebitda", "AdjustedEBITDA"],
    ["Accounts Receivable Net", "AccountsReceivableNet"],
    // labels as printed
    ["Accounts receivable, net", "AccountsReceivableNet"], // line 182
    ["Cash and cash equivalents", "CashAndCashEquivalents"], // line 180
    ["Total Kingsoft Cloud Holdings Limited shareholders' equity", "TotalShareholdersEquity"], // line 219
    ["Net cash (used in) generated from operating activities", "NetCashFromOperatingActivities"], // line 348
    ["Cost of revenues", "CostOfRevenues"], // line 234
    ["Income tax (expense) benefit", "IncomeTaxExpenseBenefit"], // line 248
    ["Adjusted EBITDA (Non-GAAP Financial Measure)", "AdjustedEBITDA"], // line 305
    ["– Amortization of intangible assets", "AmortizationOfIntangibleAssets"], // line 321
    ["Amortization of intangible assets", "AmortizationOfIntangibleAssets"],
    ["Normalized Adjusted EBITDA margin", "NormalizedAdjustedEBITDAMargin"], // line 336
    // the release's own names
    ["Non-GAAP EBITDA", "AdjustedEBITDA"], // line 113
    ["Adjusted EBITDA", "AdjustedEBITDA"],
    ["Adjusted gross profit", "AdjustedGrossProfit"], // line 77
    ["Non-GAAP gross profit", "AdjustedGrossProfit"], // line 93
    ["Non-GAAP net loss", "AdjustedNetLoss"], // line 111
    ["Non-GAAP EBITDA margin", "AdjustedEBITDAMargin"], // line 113
    ["Non-GAAP operating loss", "AdjustedOperatingLoss"], // line 103
    ["Revenues from public cloud services", "PublicCloudRevenues"], // line 83
    ["Basic and diluted net loss per share", "NetLossPerShare"], // line 115
    // analyst names
    ["Revenue", "TotalRevenues"],
    ["revenue", "TotalRevenues"],
    ["Sales", "TotalRevenues"],
    ["COGS", "CostOfRevenues"],
    ["NetIncome", "NetLoss"],
    ["Net Income", "NetLoss"],
    ["OperatingIncome", "OperatingLoss"],
    ["EBIT", "OperatingLoss"],
    ["OperatingCashFlow", "NetCashFromOperatingActivities"],
    ["CFO", "NetCashFromOperatingActivities"],
    ["EBITDA", "AdjustedEBITDA"],
    ["SBC", "ShareBasedCompensation"],
    ["EPS", "NetLossPerShare"],
    ["PP&E", "PropertyAndEquipmentNet"],
    ["D&A", "DepreciationAndAmortization"],
  ])("%p is %s", (name, id) => {
    expect(Q1(name)).toBe(Q1(id));
    // the source of the name and of the id is the same figure, so the name resolved to that id
    expect(excel.source(name, "2026Q1")).toBe(excel.source(id, "2026Q1"));
  });

  test.each([
    // name, 2026Q1 RMB as printed, line
    ["Revenue", 2703732, 233],
    ["COGS", -2357984, 234],
    ["NetIncome", -343720, 249],
    ["OperatingIncome", -166108, 241],
    ["OperatingCashFlow", 533978, 348],
    ["EBITDA", 747506, 305],
    ["Non-GAAP EBITDA", 747506, 305],
    ["Adjusted gross profit", 351406, 273],
    ["Non-GAAP net loss", -237143, 299],
    ["SBC", 62571, 297],
    ["EPS", -0.08, 253],
    ["Accounts receivable, net", 2066757, 182],
  ] as const)("%p 2026Q1 is reported as %p (line %i)", (name, printed, line) => {
    expect(excel.reported(name, "2026Q1")).toBe(printed);
    expect(excel.source(name, "2026Q1")).toMatch(new RegExp(`\\bline ${line}\\b`));
  });
});

describe("names that cannot be read", () => {
  test("an unknown name suggests the closest id", () => {
    const error = caught(() => excel.metric("AdjEBTDA", "2026Q1"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toBe("Unknown metric 'AdjEBTDA'. Did you mean AdjustedEBITDA?");
  });

  test("a name far from any metric points to the list", () => {
    const error = caught(() => excel.metric("Zzzzqqqqxxxx", "2026Q1"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toMatch(/^Unknown metric 'Zzzzqqqqxxxx'\./);
    expect(error.message).toContain("KC.METRICS()");
  });

  test("a printed label shared by two rows names both metrics (lines 183 and 190)", () => {
    const error = caught(() => excel.metric("Prepayments and other assets", "2026Q1"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain("PrepaymentsAndOtherAssetsCurrent");
    expect(error.message).toContain("PrepaymentsAndOtherAssetsNonCurrent");
  });

  test("\"Amounts due to related parties\" is printed twice too (lines 201 and 206)", () => {
    const error = caught(() => excel.metric("Amounts due to related parties", "2026Q1"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain("AmountsDueToRelatedPartiesCurrent");
    expect(error.message).toContain("AmountsDueToRelatedPartiesNonCurrent");
  });

  test.each([[42], [true], [null], [""], ["   "], [[["TotalRevenues"]]]])("a metric that is not text (%p) is invalid", (metric) => {
    const error = caught(() => excel.metric(metric as never, "2026Q1"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toMatch(/text/);
  });

  test("an overlong name is invalid, and the message stays short", () => {
    const error = caught(() => excel.metric("x".repeat(5000), "2026Q1"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message.length).toBeLessThan(300);
  });
});

describe("options that cannot be read", () => {
  test("currency \"EUR\"", () => {
    const error = caught(() => excel.metric("TotalRevenues", "2026Q1", "EUR"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain("EUR");
    expect(error.message).toContain('"RMB"');
    expect(error.message).toContain('"USD"');
  });

  // KC.METRIC caches results by its arguments: the text "null" must not be taken for an omitted (null) argument.
  test("the text \"null\" is not an omitted currency or scale, even after a call that omitted them", () => {
    expect(excel.metric("TotalRevenues", "2026Q1", null, null)).toBe(2703732);
    expect(caught(() => excel.metric("TotalRevenues", "2026Q1", "null", null)).kind).toBe("invalidValue");
    expect(caught(() => excel.metric("TotalRevenues", "2026Q1", null, "null")).kind).toBe("invalidValue");
  });

  test("the text \"null\" is not a currency (before any cached call)", () => {
    expect(caught(() => excel.metric("NetLoss", "2025Q4", "null")).kind).toBe("invalidValue");
  });

  test.each([["usd"], ["US$"], ["cny"], [" rmb "]])("currency %p is accepted", (currency) => {
    expect(() => excel.metric("TotalRevenues", "2026Q1", currency)).not.toThrow();
  });

  test("scale \"dozens\"", () => {
    const error = caught(() => excel.metric("TotalRevenues", "2026Q1", null, "dozens"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain("dozens");
    for (const word of ["thousands", "units", "millions", "billions"]) expect(error.message).toContain(word);
  });

  test("growth basis \"MoM\"", () => {
    const error = caught(() => excel.growth("TotalRevenues", "2026Q1", "MoM"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain("MoM");
    expect(error.message).toContain('"YoY"');
    expect(error.message).toContain('"QoQ"');
  });

  test("statement \"XX\"", () => {
    const error = caught(() => excel.statement("XX"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain("XX");
    expect(error.message).toMatch(/BS, IS, NONGAAP or CF/);
  });

  test("malformed period \"Q5 2026\"", () => {
    const error = caught(() => excel.metric("TotalRevenues", "Q5 2026"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain("Q5 2026");
    expect(error.message).toMatch(/2026Q1/);
  });

  test("a period the filing does not cover (2024Q4) lists the ones it does", () => {
    const error = caught(() => excel.metric("TotalRevenues", "2024Q4"));
    expect(error.kind).toBe("notAvailable");
    expect(error.message).toContain("2024Q4");
    expect(error.message).toContain("2025Q1, 2025Q4, 2026Q1");
  });

  test("a balance sheet item has no 2025Q1 (the balance sheet prints Dec 31, 2025 and Mar 31, 2026)", () => {
    const error = caught(() => excel.metric("TotalAssets", "2025Q1"));
    expect(error.kind).toBe("notAvailable");
    expect(error.message).toContain("2025Q4, 2026Q1");
  });

  test("KC.REPORTED of a figure the filing does not print", () => {
    const error = caught(() => excel.reported("NetDebt", "2026Q1"));
    expect(error.kind).toBe("notAvailable");
    // 2025Q1 has no US$ column (line 229): only the RMB figure is printed
    const usd = caught(() => excel.reported("TotalRevenues", "2025Q1", "USD"));
    expect(usd.kind).toBe("notAvailable");
    expect(usd.message).toContain("RMB");
  });

  test("the period forms analysts type", () => {
    for (const period of ["2026Q1", "Q1 2026", "1Q26", "2026-03-31", "FQ0"]) expect(excel.metric("TotalRevenues", period)).toBe(2703732);
    expect(excel.metric("TotalRevenues", "FQ-1")).toBe(2761387); // line 233, Dec 31, 2025
  });
});

describe("overrides of the wrong shape", () => {
  test.each([
    ["three columns", [["TotalRevenues", 3000000, 1]]],
    ["one column", [["TotalRevenues"]]],
    ["a scalar", "TotalRevenues"],
    ["a number as value's place holder text", [["TotalRevenues", "3000000"]]],
    ["a boolean value", [["TotalRevenues", true]]],
    ["a metric named twice", [["TotalRevenues", 3000000], ["Revenue", 3100000]]],
    ["an unknown metric", [["AdjEBTDA", 1]]],
    ["a metric that is not text", [[7, 1]]],
  ])("%s", (_what, overrides) => {
    const error = caught(() => excel.metric("GrossProfit", "2026Q1", null, null, overrides as never));
    expect(error.kind).toBe("invalidValue");
  });

  test("the messages say what to type", () => {
    expect(caught(() => excel.metric("GrossProfit", "2026Q1", null, null, [["TotalRevenues", 1, 2]])).message).toMatch(/two-column/);
    expect(caught(() => excel.metric("GrossProfit", "2026Q1", null, null, [["TotalRevenues", "abc"]])).message).toMatch(/TotalRevenues.*number/);
    expect(caught(() => excel.metric("GrossProfit", "2026Q1", null, null, [["TotalRevenues", 1], ["TotalRevenues", 2]])).message).toMatch(/TotalRevenues.*twice/);
    expect(caught(() => excel.metric("GrossProfit", "2026Q1", null, null, [["AdjEBTDA", 1]])).message).toContain("Did you mean AdjustedEBITDA?");
  });

  test("KC.MARGIN and KC.GROWTH read overrides the same way", () => {
    expect(caught(() => excel.margin("GrossProfit", "2026Q1", null, [["TotalRevenues", 1, 2]])).kind).toBe("invalidValue");
    expect(caught(() => excel.growth("GrossProfit", "2026Q1", null, [["TotalRevenues", "x"]])).kind).toBe("invalidValue");
  });
});

describe("KC.STATEMENT", () => {
  test("the statement of comprehensive loss, rows in the filing's order (lines 230-260), with a header row", () => {
    const table = excel.statement("IS");
    const [header, ...rows] = table;
    expect(header).toEqual(["Statement of comprehensive loss (RMB thousands)", "2025Q1", "2025Q4", "2026Q1"]);
    const figureRows = rows.filter((r) => r.slice(1).some((c) => c !== ""));
    expect(figureRows.map((r) => r[0])).toEqual([
      "Public cloud services",
      "Enterprise cloud services",
      "Total revenues",
      "Cost of revenues",
      "Gross profit",
      "Selling and marketing expenses",
      "General and administrative expenses",
      "Research and development expenses",
      "Total operating expenses",
      "Operating loss",
      "Interest income",
      "Interest expense",
      "Foreign exchange gain (loss)",
      "Other gain (loss), net",
      "Other (expense) income, net",
      "Loss before income taxes",
      "Income tax (expense) benefit",
      "Net loss",
      "Less: net (loss) profit attributable to non-controlling interests",
      "Net loss attributable to Kingsoft Cloud Holdings Limited",
      "Basic and diluted",
      "Basic and diluted",
      "Foreign currency translation adjustments",
      "Comprehensive loss",
      "Less: Comprehensive (loss) income attributable to non-controlling interests",
      "Comprehensive loss attributable to Kingsoft Cloud Holdings Limited shareholders",
    ]);
    const row = (label: string) => rows.find((r) => r[0] === label)!;
    expect(row("Total revenues")).toEqual(["Total revenues", 1969977, 2761387, 2703732]); // line 233
    expect(row("Net loss")).toEqual(["Net loss", -316110, -162872, -343720]); // line 249
    // the headings of the filing stand before their rows
    const labels = rows.map((r) => r[0]);
    expect(labels.indexOf("Revenues:")).toBeLessThan(labels.indexOf("Public cloud services"));
    expect(labels.indexOf("Operating expenses:")).toBe(labels.indexOf("Selling and marketing expenses") - 1);
    expect(rows.find((r) => r[0] === "Revenues:")!.slice(1)).toEqual(["", "", ""]);
  });

  test("the balance sheet has the periods 2025Q4 and 2026Q1 (line 176)", () => {
    const [header, ...rows] = excel.statement("balance sheet");
    expect(header.slice(1)).toEqual(["2025Q4", "2026Q1"]);
    expect(rows.find((r) => r[0] === "Total assets")).toEqual(["Total assets", 26729189, 28456254]); // line 194
    const prepayments = rows.filter((r) => r[0] === "Prepayments and other assets");
    expect(prepayments).toEqual([
      ["Prepayments and other assets", 2592314, 2796114], // line 183
      ["Prepayments and other assets", 139836, 271264], // line 190
    ]);
  });

  test("in US$ and millions, for chosen periods", () => {
    const [header, ...rows] = excel.statement("CF", "2026Q1", "USD", "millions");
    expect(header).toEqual(["Cash flow statement (US$ millions)", "2026Q1"]);
    expect(rows.find((r) => r[0] === "Net cash generated from financing activities")).toEqual(["Net cash generated from financing activities", 1.103]); // line 350
  });

  test("a period the statement does not have", () => {
    const error = caught(() => excel.statement("BS", "2025Q1"));
    expect(error.kind).toBe("notAvailable");
    expect(error.message).toContain("2025Q4, 2026Q1");
  });
});

describe("KC.SERIES, KC.METRICS, KC.PERIODS", () => {
  test("KC.SERIES: total revenues across the filing (line 233)", () => {
    expect(excel.series("Revenue")).toEqual([
      ["Period", "TotalRevenues (RMB thousands)"],
      ["2025Q1", 1969977],
      ["2025Q4", 2761387],
      ["2026Q1", 2703732],
    ]);
  });

  test("KC.SERIES of a balance sheet item has its two dates (line 180)", () => {
    const [, ...rows] = excel.series("Cash", null, "millions");
    expect(rows).toEqual([
      ["2025Q4", 6018.043],
      ["2026Q1", 4903.797],
    ]);
  });

  test("KC.METRICS(,\"ebitda\") includes AdjustedEBITDA and only matching metrics", () => {
    const [header, ...rows] = excel.metrics(null, "ebitda");
    expect(header).toEqual(["Id", "Label", "Statement", "Unit"]);
    const ids = rows.map((r) => r[0]);
    expect(ids).toContain("AdjustedEBITDA");
    expect(ids).toContain("AdjustedEBITDAMargin");
    expect(ids).toContain("NormalizedAdjustedEBITDA");
    expect(ids).not.toContain("TotalRevenues");
  });

  test("KC.METRICS of one statement", () => {
    const rows = excel.metrics("BS").slice(1);
    expect(rows.map((r) => r[0])).toContain("TotalAssets");
    expect(rows.every((r) => r[2] === "Balance sheet")).toBe(true);
    expect(caught(() => excel.metrics(null, "zzzzqqq")).kind).toBe("notAvailable");
  });

  test("KC.PERIODS: the filing's periods, and a metric's", () => {
    expect(excel.periods()).toEqual([["2025Q1"], ["2025Q4"], ["2026Q1"]]);
    expect(excel.periods("TotalAssets")).toEqual([["2025Q4"], ["2026Q1"]]);
    expect(excel.periods("NetDebt")).toEqual([["2025Q4"], ["2026Q1"]]);
    expect(excel.periods("IDCCosts")).toEqual([["2025Q1"], ["2026Q1"]]);
  });
});
