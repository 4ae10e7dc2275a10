/**
 * A fourth quarter's release: beside its "Three Months Ended" columns it prints "Year Ended" columns in the statement
 * of comprehensive loss, the reconciliations, the margin tables and the cash flow statement. Its quarters become
 * periods like any release's; its year columns are read, tied out within each year as a quarter is, and checked
 * against the sum of their quarters where the releases merged hold all four; they are not periods the functions answer.
 * The Q4 2026 release is the one filing-variants.ts builds (fourthQuarterFiling), in text, as the EDGAR exhibit and as
 * a browser's copy of it. Its figures, from the Q1 2026 release's lines: 2025Q4 as printed there (column 2), 2026Q3
 * and 2026Q4 as 2026Q1 (column 3), the year 2025 four times 2025Q4, the year 2026 five times 2026Q1 (2026Q1 + 2026Q2,
 * which the Q2 2026 release prints doubled, + 2026Q3 + 2026Q4), at RMB1.0000 to US$1.00.
 */
import { createEngine, mergeReleases, statusText } from "../../src/core";
import type { Dataset } from "../../src/core/dataset";
import { importFiling } from "../../src/core/importer";
import { ImportError, ReleaseRefused } from "../../src/core/messages";
import { DATASET } from "../../src/data/dataset.generated";
import { caught } from "../helpers/caught";
import { renderCopiedText, renderExhibit } from "./edgar-exhibit";
import { FILING, fourthQuarterFiling, secondQuarterFiling, withLine } from "./filing-variants";

const TEXT = fourthQuarterFiling();
const HTML = renderExhibit(TEXT);
const COPIED = renderCopiedText(HTML);
const q4 = importFiling(TEXT, "kc-2026q4.txt");
const q2 = importFiling(secondQuarterFiling(), "kc-2026q2.txt");

/** Every table's quarter and year columns and each row's figures in both. */
const figures = (dataset: Dataset) =>
  dataset.tables.map((t) => ({
    kind: t.kind,
    columns: t.columns.map((c) => [c.period, c.periodKind, c.currency]),
    years: (t.yearColumns ?? []).map((c) => [c.year, c.currency]),
    rows: t.rows.map((r) => [r.label, r.cells.map((c) => c.value), (r.yearCells ?? []).map((c) => c.value)]),
  }));

/** The year columns' checks against their quarters ("TotalRevenues = 2026Q1 + ...", "Year column = ..."), of releases merged. */
const yearSums = (datasets: Dataset[]) =>
  createEngine(datasets.length === 1 ? datasets[0] : mergeReleases(datasets))
    .checkRows()
    .filter((c) => c.period.startsWith("FY") && (/ = \d{4}Q[1-4]\b/.test(c.identity) || c.identity.startsWith("Year column")));

const refused = (text: string, name = "kc-2026q4.txt"): ImportError => caught(() => importFiling(text, name), ImportError);

describe("a fourth quarter's release imports", () => {
  test("its quarters are its periods; its year columns are read apart, with the headers they are printed under", () => {
    expect(q4.latest).toBe("2026Q4");
    const is = q4.tables.find((t) => t.kind === "IS")!;
    expect(is.columns.map((c) => c.header)).toEqual([
      "Three Months Ended Dec 31, 2025 RMB",
      "Three Months Ended Sep 30, 2026 RMB",
      "Three Months Ended Dec 31, 2026 RMB",
      "Three Months Ended Dec 31, 2026 US$",
    ]);
    expect(is.yearColumns).toEqual([
      { header: "Year Ended Dec 31, 2025 RMB", year: "FY2025", currency: "RMB" },
      { header: "Year Ended Dec 31, 2026 RMB", year: "FY2026", currency: "RMB" },
      { header: "Year Ended Dec 31, 2026 US$", year: "FY2026", currency: "USD" },
    ]);
    // Line 233, Total revenues: 2,761,387 (2025Q4), 2,703,732 (2026Q1, twice), 4 x 2,761,387 and 5 x 2,703,732.
    const revenues = is.rows.find((r) => r.label === "Total revenues")!;
    expect(revenues.cells.map((c) => c.value)).toEqual(["2761387", "2703732", "2703732", "2703732"]);
    expect(revenues.yearCells!.map((c) => c.value)).toEqual(["11045548", "13518660", "13518660"]);
    // The balance sheet prints no year; the margin tables print years without a currency.
    expect(q4.tables.find((t) => t.kind === "BS")!.yearColumns).toBeUndefined();
    expect(q4.tables.filter((t) => t.yearColumns).map((t) => t.yearColumns!.length)).toEqual([3, 3, 2, 3, 3, 2, 3]);
  });

  test.each([
    ["the EDGAR exhibit", HTML, "kc-2026q4-ex99-1.htm", "html"],
    ["a browser's copy of it", COPIED, "pasted text", "copied"],
    ["the text with 'Twelve Months Ended' for 'Year Ended'", TEXT.replace(/Year Ended/g, "Twelve Months Ended"), "kc-2026q4.txt", undefined],
  ])("%s imports to exactly the text's quarter and year figures", (_, text, name, format) => {
    const read = importFiling(text, name);
    expect(read.format).toBe(format);
    expect(figures(read)).toEqual(figures(q4));
  });

  test("the exhibit heads the quarters and the years each with a spanning cell; a copy keeps only their order", () => {
    expect(HTML).toMatch(/<td colspan="12"[^>]*><font[^>]*>Three Months Ended<\/font><\/td><td colspan="9"[^>]*><font[^>]*>Year Ended<\/font><\/td>/);
    expect(COPIED).toContain("\tThree Months Ended\tYear Ended\n");
  });

  test("its quarters are periods like any release's; the years are not periods the functions answer", () => {
    const engine = createEngine(q4);
    expect(engine.filingPeriods()).toEqual(["2025Q4", "2026Q3", "2026Q4"]);
    expect(engine.excel.metric("TotalRevenues", "2026Q3")).toBe(2703732);
    expect(engine.excel.metric("CashAtEndOfPeriod", "2026Q4")).toBe(284522);
    const error = caught(() => engine.excel.metric("TotalRevenues", "FY2026"), Error);
    expect(error.message).toMatch(/^Period 'FY2026' is a full year: KC functions answer quarters\. Add its quarters, 2026Q1 to 2026Q4/);
  });
});

describe("the year columns tie out as a quarter does", () => {
  const checks = createEngine(q4).checkRows().filter((c) => c.period.startsWith("FY") && !c.identity.startsWith("Year column"));

  test("every subtotal, bridge, figure printed twice and US$ figure of each year holds", () => {
    expect(checks.filter((c) => c.status !== "ok")).toEqual([]);
    const shown = (identity: string, period: string) => checks.find((c) => c.identity === identity && c.period === period);
    expect(shown("TotalRevenues = PublicCloudRevenues + EnterpriseCloudRevenues", "FY2026")).toMatchObject({ printed: 13518660, recomputed: 13518660, line: 233 });
    expect(shown("TotalRevenues = PublicCloudRevenues + EnterpriseCloudRevenues", "FY2025")).toMatchObject({ printed: 11045548, line: 233 });
    expect(shown("TotalRevenues (US$) = TotalRevenues (RMB) / 1.0000 [US$]", "FY2026")).toMatchObject({ printed: 13518660 });
    expect(shown("GrossProfit printed on line 235 = line 270", "FY2026")).toMatchObject({ printed: 1728740 });
    // 5 x (343,820) loss over 5 x 4,555,310,453 shares: (0.08), as 2026Q1.
    expect(shown("NetLossPerShare = NetLossAttributableToShareholders * 1000 / WeightedAverageShares", "FY2026")?.note).toBe("to the printed rounding (2 decimals)");
    expect(shown("CashAtEndOfPeriod = CashAtBeginningOfPeriod + NetChangeInCash", "FY2026")).toMatchObject({ printed: 284522, recomputed: 284522 });
    expect(shown("AdjustedEBITDAMargin = AdjustedEBITDA / TotalRevenues", "FY2026")?.status).toBe("ok");
  });

  test.each([
    ["text", TEXT, "kc-2026q4.txt"],
    ["html", HTML, "kc-2026q4-ex99-1.htm"],
  ])("%s: a figure planted in a year column fails its check, naming the year and the line", (format, text, name) => {
    const planted = text.replace("13,518,660", "13,518,661"); // Total revenues, the year 2026 in RMB
    const error = caught(() => importFiling(planted, name), ReleaseRefused);
    const lines = planted.split("\n");
    const problem = error.problems.find((p) => /^TotalRevenues = PublicCloudRevenues \+ EnterpriseCloudRevenues does not tie for FY2026/.test(p.problem))!;
    expect(problem.problem).toMatch(/does not tie for FY2026: printed 13518661, recomputed 13518660 from lines \d+, \d+$/);
    expect(lines[problem.line - 1]).toContain("13,518,661");
    if (format === "text") expect(problem).toEqual({ line: 233, problem: "TotalRevenues = PublicCloudRevenues + EnterpriseCloudRevenues does not tie for FY2026: printed 13518661, recomputed 13518660 from lines 231, 232" });
  });
});

describe("each year column against the sum of its quarters", () => {
  test("merged with releases holding all four quarters of 2026, every flow of the year is their sum", () => {
    const rows = yearSums([DATASET, q2, q4]);
    const fy2026 = rows.filter((r) => r.period === "FY2026");
    expect(fy2026.filter((r) => r.status !== "ok")).toEqual([]);
    const row = (id: string) => fy2026.find((r) => r.identity.startsWith(`${id} = `));
    // 2,703,732 (2026Q1) + 5,407,464 (2026Q2) + 2,703,732 (2026Q3) + 2,703,732 (2026Q4).
    expect(row("TotalRevenues")).toMatchObject({
      identity: "TotalRevenues = 2026Q1 + 2026Q2 + 2026Q3 + 2026Q4 [Q4 2026 release]",
      printed: 13518660,
      recomputed: 13518660,
      line: 233,
      note: "the sum of 2026Q1 + 2026Q2 + 2026Q3 + 2026Q4 (from the Q2 2026 release and the Q4 2026 release)",
    });
    expect(row("AdjustedEBITDA")).toMatchObject({ printed: 5 * 747506, recomputed: 5 * 747506 });
    // Opening and closing cash are balances: the year opens with 2026Q1 (6,117,237) and closes with 2026Q4 (284,522).
    expect(row("CashAtBeginningOfPeriod")).toMatchObject({ identity: "CashAtBeginningOfPeriod = 2026Q1 [Q4 2026 release]", printed: 6117237, note: "the year opens where 2026Q1 opens" });
    expect(row("CashAtEndOfPeriod")).toMatchObject({ identity: "CashAtEndOfPeriod = 2026Q4 [Q4 2026 release]", printed: 284522 });
    // Per-share amounts, ratios and share counts are not sums of quarters.
    for (const id of ["NetLossPerShare", "WeightedAverageShares", "GrossMargin", "AdjustedEBITDAMargin"]) expect(row(id)).toBeUndefined();
    // No release here prints 2025Q3.
    expect(rows.filter((r) => r.period === "FY2025").map((r) => [r.status, r.note])).toEqual([["noted", "FY2025: needs 2025Q3 to check the year column (add the releases that print them)"]]);
  });

  test("a year column that is not the sum of its quarters fails, naming the line and by how much", () => {
    // The Q2 2026 release restates 2026Q1's selling and marketing (123,000 for 123,776) and G&A expenses: the Q4
    // release's year (5 x (123,776) = (618,880)) no longer adds up to the quarters KC uses ((618,104)).
    const rows = yearSums([DATASET, importFiling(secondQuarterFiling({ restate: true }), "kc-2026q2.txt"), q4]);
    expect(rows.filter((r) => r.status === "FAIL").map((r) => [r.identity, r.printed, r.recomputed, r.line, statusText(r)])).toEqual([
      [
        "SellingAndMarketingExpenses = 2026Q1 + 2026Q2 + 2026Q3 + 2026Q4 [Q4 2026 release]",
        -618880,
        -618104,
        237,
        "FAIL: differs by 776: the year column is not the sum of 2026Q1 + 2026Q2 + 2026Q3 + 2026Q4 (from the Q2 2026 release and the Q4 2026 release)",
      ],
      [
        "GeneralAndAdministrativeExpenses = 2026Q1 + 2026Q2 + 2026Q3 + 2026Q4 [Q4 2026 release]",
        -973825,
        -974601,
        238,
        "FAIL: differs by -776: the year column is not the sum of 2026Q1 + 2026Q2 + 2026Q3 + 2026Q4 (from the Q2 2026 release and the Q4 2026 release)",
      ],
    ]);
    // Their total is unchanged, and still ties.
    expect(rows.find((r) => r.identity.startsWith("TotalOperatingExpenses = "))?.status).toBe("ok");
  });

  test("a year column that adds up to its quarters as printed when it came out, restated since, is noted", () => {
    // The Q1 2026 release a year on (every year +1) prints 2026Q1 and 2026Q4 as 2025Q1 and 2025Q4 were printed: a
    // later release than the Q4 one, it restates both. The Q4 release's year still adds up to the quarters as they
    // were printed up to it.
    const yearOn = importFiling(FILING.replace(/2026/g, "2027").replace(/2025/g, "2026"), "kc-2027q1.txt");
    const rows = yearSums([DATASET, q2, q4, yearOn]).filter((r) => r.period === "FY2026");
    const revenues = rows.find((r) => r.identity.startsWith("TotalRevenues = "))!;
    // KC uses 1,969,977 (2026Q1) + 5,407,464 + 2,703,732 + 2,761,387 (2026Q4) = 12,842,560; the year prints 13,518,660.
    expect([revenues.status, revenues.printed, revenues.recomputed]).toEqual(["noted", 13518660, 12842560]);
    expect(revenues.note).toBe(
      "ties to the quarters as the Q4 2026 release and the releases before it printed them; 2026Q1, 2026Q4 restated since (KC uses the later figures)",
    );
    expect(rows.filter((r) => r.status === "FAIL")).toEqual([]);
  });

  test("a flow no release prints for one of the year's quarters is noted, naming the quarter", () => {
    // The Q2 2026 release without its "Other (expense) income, net" row (imported anyway: it no longer ties).
    const q2Short = importFiling(withLine(246, () => "\u0000", secondQuarterFiling()).replace("\u0000\n", ""), "kc-2026q2.txt", { allowUntied: true });
    const row = yearSums([DATASET, q2Short, q4]).find((r) => r.identity.startsWith("OtherExpenseIncomeNet = "))!;
    expect([row.status, row.note, row.across]).toEqual(["noted", "FY2026 OtherExpenseIncomeNet: no release prints OtherExpenseIncomeNet for 2026Q2, so the year column is not checked against its quarters", false]);
  });

  test("where quarters are missing, the note names them", () => {
    expect(yearSums([q4]).map(statusText)).toEqual([
      "noted: FY2025: needs 2025Q1, 2025Q2, 2025Q3 to check the year column (add the releases that print them)",
      "noted: FY2026: needs 2026Q1, 2026Q2 to check the year column (add the releases that print them)",
    ]);
    expect(yearSums([DATASET, q4]).map(statusText)).toEqual([
      "noted: FY2025: needs 2025Q2, 2025Q3 to check the year column (add the releases that print them)",
      "noted: FY2026: needs 2026Q2 to check the year column (add the releases that print them)",
    ]);
  });

  test("KC.CHECKS and kc check list them with the other checks", () => {
    const checks = createEngine(mergeReleases([DATASET, q2, q4])).excel.checks();
    expect(checks).toContainEqual(["TotalRevenues = 2026Q1 + 2026Q2 + 2026Q3 + 2026Q4 [Q4 2026 release]", "FY2026", 13518660, 13518660, "ok"]);
  });
});

describe("year columns KC does not read are refused, naming the line", () => {
  // Lines 228-229 head the statement of comprehensive loss: "Three Months Ended ... Year Ended", then each column's date.
  const header = (edit: (cells: string[]) => void) =>
    withLine(229, (l) => {
      const cells = l.split("\t");
      edit(cells);
      return cells.join("\t");
    }, TEXT);

  test.each([
    ["a year that does not end on Dec 31", header((c) => (c[5] = "Sep 30, 2025 RMB")), "yearColumnNotDecember", /year column 'Year Ended Sep 30, 2025 RMB' ends on Sep 30, 2025: KC reads fiscal years that end on Dec 31/],
    ["a year column without a date", header((c) => (c[5] = "RMB")), "yearColumnNoDate", /year column 'Year Ended RMB' has no date such as "Dec 31, 2025"/],
    ["a year not ended by the release's quarter", header((c) => ((c[6] = "Dec 31, 2027 RMB"), (c[7] = "Dec 31, 2027 US\\$"))), "yearColumnNotEnded", /year column 'Year Ended Dec 31, 2027 RMB' is for a year that has not ended by the release's quarter 2026Q4/],
    ["six months", withLine(228, (l) => l.replace("Year Ended", "Six Months Ended"), TEXT), "columnPartYear", /column 'Six Months Ended Dec 31, 2025 RMB' is over six months: KC reads "Three Months Ended" columns \(quarters\) and, beside a fourth quarter's, "Year Ended" or "Twelve Months Ended" columns/],
    ["years out of order", header((c) => ([c[5], c[6]] = [c[6], c[5]])), "columnsOutOfOrder", /'Year Ended Dec 31, 2026 RMB', 'Year Ended Dec 31, 2025 RMB', 'Year Ended Dec 31, 2026 US\$' are not in time order/],
  ])("%s", (_, text, key, message) => {
    const error = refused(text);
    expect([error.key, error.line]).toEqual([key, 228]);
    expect(error.message).toMatch(message);
  });

  test("a table of years without a quarter", () => {
    // The gross margin table (lines 281-282): one "Year Ended" over five year-end dates.
    const text = withLine(282, () => "\tDec 31, 2022\tDec 31, 2023\tDec 31, 2024\tDec 31, 2025\tDec 31, 2026", withLine(281, () => "\tYear Ended\t\t\t\t", TEXT));
    const error = refused(text);
    expect([error.key, error.line]).toEqual(["columnsOnlyYears", 281]);
  });

  test("a browser's copy whose headings its columns' dates cannot place", () => {
    const copied = COPIED.replace("\tThree Months Ended\tYear Ended\n", "\tThree Months Ended\tYear Ended\tYear Ended\n");
    const error = refused(copied, "pasted text");
    expect(error.key).toBe("headingsNotPlaced");
    expect(copied.split("\n")[error.line - 1]).toContain("\tYear Ended\tYear Ended");
    expect(error.message).toMatch(/the headings 'Three Months Ended', 'Year Ended', 'Year Ended' stand over 7 columns/);
  });
});
