/**
 * Releases merged: the Q1 2026 release the add-in carries and a Q2 2026 release built from it (filing-variants.ts:
 * secondQuarterFiling, whose Q1 2026 figures are the Q1 release's and whose Q2 2026 figures are Q1 2026 doubled).
 * Figures below are worked out from the filing: Q1 2026 total revenues 2,703,732; Q4 2025 2,761,387; cash and cash
 * equivalents at Mar 31, 2026 4,903,797 (Q1 release, line 180), which the Q2 release's balance sheet does not print.
 */
import { createEngine, mergeReleases } from "../../src/core";
import { importFiling } from "../../src/core/importer";
import { ImportError } from "../../src/core/messages";
import { DATASET } from "../../src/data/dataset.generated";
import { caught } from "../helpers/caught";
import { renderExhibit } from "./edgar-exhibit";
import { secondQuarterFiling } from "./filing-variants";

const Q2_TEXT = secondQuarterFiling();
const Q2 = importFiling(Q2_TEXT, "kingsoft-cloud-2026q2.txt");
const merged = createEngine(mergeReleases([DATASET, Q2]));
const excel = merged.excel;

describe("the Q2 2026 release on its own", () => {
  test("ties, and covers Q2 2025, Q1 2026 and Q2 2026 (its balance sheet Dec 31, 2025 and Jun 30, 2026)", () => {
    const alone = createEngine(Q2);
    expect(alone.checkRows().filter((c) => c.status === "FAIL")).toEqual([]);
    expect(alone.filingPeriods()).toEqual(["2025Q2", "2025Q4", "2026Q1", "2026Q2"]);
    expect(alone.filingPeriods("BS")).toEqual(["2025Q4", "2026Q2"]);
    expect(alone.filingPeriods("IS")).toEqual(["2025Q2", "2026Q1", "2026Q2"]);
  });

  test("a balance sheet dated a year-end other than the last one is still refused (a garbled year)", () => {
    const garbled = Q2_TEXT.replace("\tDec 31, 2025\tJun 30, 2026", "\tDec 31, 2024\tJun 30, 2026");
    expect(() => importFiling(garbled)).toThrow(/has columns for 2024Q4, 2026Q2, but the release's statements cover 2025Q2, 2026Q1, 2026Q2/);
  });
});

describe("the embedded Q1 2026 release merged with the Q2 2026 release", () => {
  test("has the periods of both, and relative periods follow the latest quarter of all", () => {
    expect(excel.periods()).toEqual([["2025Q1"], ["2025Q2"], ["2025Q4"], ["2026Q1"], ["2026Q2"]]);
    expect(merged.latest).toBe("2026Q2");
    expect(excel.metric("TotalRevenues", "FQ0")).toBe(2 * 2703732);
    expect(excel.metric("TotalRevenues", "FQ-1")).toBe(2703732);
    expect(excel.metric("TotalRevenues", "LATEST")).toBe(5407464);
    expect(merged.releases().map((r) => [r.label, r.sourceName, r.periods.join(" ")])).toEqual([
      ["Q1 2026 release", "kingsoft-cloud-2026q1-press-release.txt", "2025Q1 2025Q4 2026Q1"],
      ["Q2 2026 release", "kingsoft-cloud-2026q2.txt", "2025Q2 2025Q4 2026Q1 2026Q2"],
    ]);
  });

  test("QoQ for 2026Q2 is against the Q1 2026 figure of the release that has it", () => {
    // Cash at Mar 31, 2026: printed only by the Q1 release (4,903,797); at Jun 30, 2026: 4,903,797 - 2,333,086.
    expect(excel.metric("CashAndCashEquivalents", "2026Q2")).toBe(2570711);
    expect(excel.growth("CashAndCashEquivalents", "2026Q2", "QoQ")).toBeCloseTo(2570711 / 4903797 - 1, 12);
    expect(excel.change("CashAndCashEquivalents", "2026Q2", "QoQ")).toBe(-2333086);
    expect(excel.source("CashAndCashEquivalents", "2026Q1")).toMatch(/ · Q1 2026 release \(kingsoft-cloud-2026q1-press-release\.txt\) line 180: 4,903,797$/);
    // IDC costs are stated only in the prose: 2026Q1 by the Q1 release (RMB911.1 million), 2026Q2 by the Q2 release.
    expect(excel.metric("IDCCosts", "2026Q2")).toBe(1822200);
    expect(excel.growth("IDCCosts", "2026Q2", "QoQ")).toBe(1822200 / 911100 - 1);
    // 2026Q1 against 2025Q4, a quarter only the Q1 release prints: 2,703,732 / 2,761,387 - 1.
    expect(excel.growth("TotalRevenues", "2026Q1", "QoQ")).toBeCloseTo(2703732 / 2761387 - 1, 12);
    expect(excel.growth("TotalRevenues", "2026Q2")).toBeCloseTo(5407464 / 1969977 - 1, 12);
    expect(excel.growth("TotalRevenues", "2026Q2", "QoQ")).toBe(1);
  });

  test("KC.SOURCE names the release (and its file) a figure comes from: the later one where both print it", () => {
    expect(excel.source("TotalRevenues", "2026Q1")).toBe(
      "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS · Total revenues · Three Months Ended Mar 31, 2026 RMB · Q2 2026 release (kingsoft-cloud-2026q2.txt) line 233: 2,703,732 (also in the Q1 2026 release on line 233)",
    );
    expect(excel.source("NetLoss", "2026Q1")).toMatch(/line 249: \(343,720\) \(also on line 295; in the Q1 2026 release on lines 249, 295\)$/);
    expect(excel.source("TotalRevenues", "2025Q1")).toMatch(/· Q1 2026 release \(kingsoft-cloud-2026q1-press-release\.txt\) line 233: 1,969,977/);
  });

  test("US$: the latest release's convenience rate translates; a US$ column a release printed stays as printed", () => {
    expect(merged.model.rateText).toBe("13.7960");
    expect(excel.metric("TotalRevenues", "2025Q4", "USD")).toBeCloseTo(2761387 / 13.796, 9);
    expect(excel.metric("TotalRevenues", "2026Q1", "USD")).toBe(391959);
    expect(excel.source("TotalRevenues", "2025Q4", "USD")).toMatch(/^Computed: the RMB figure \/ RMB13\.7960 to US\$1\.00 \(the Q2 2026 release's convenience rate, line \d+\)/);
  });

  test("KC.STATEMENT lays out the latest release's rows over every quarter", () => {
    const table = excel.statement("IS");
    expect(table[0]).toEqual(["Statement of comprehensive loss (RMB thousands)", "2025Q1", "2025Q2", "2025Q4", "2026Q1", "2026Q2"]);
    expect(table.find((r) => r[0] === "Total revenues")).toEqual(["Total revenues", 1969977, 1969977, 2761387, 2703732, 5407464]);
    const bs = excel.statement("BS");
    expect(bs[0].slice(1)).toEqual(["2025Q4", "2026Q1", "2026Q2"]);
    expect(bs.find((r) => r[0] === "Cash and cash equivalents")).toEqual(["Cash and cash equivalents", 6018043, 4903797, 2570711]);
    const printed = excel.statement("IS", null, "printed");
    expect(printed[0].slice(1)).toEqual(["2025Q1", "2025Q2", "2025Q4", "2026Q1", "2026Q1 US$", "2026Q2", "2026Q2 US$"]);
    expect(printed.find((r) => r[0] === "Total revenues")!.slice(5)).toEqual([391959, 5407464, 391959]);
  });

  test("the same merge whatever the order the releases come in", () => {
    expect(createEngine(mergeReleases([Q2, DATASET])).excel.checks()).toEqual(excel.checks());
  });

  test("every tie-out: each release's own (named), and those across releases, none failing", () => {
    const rows = merged.checkRows();
    expect(rows.filter((c) => c.status === "FAIL")).toEqual([]);
    expect(rows.filter((c) => c.identity.endsWith(" [Q1 2026 release]"))).toHaveLength(createEngine(DATASET).checkRows().length);
    const across = rows.filter((c) => c.across);
    // Cash: Q2 2025 opens where Q1 2025 (Q1 release) closed, 2,730,101 - 343,757 = 2,386,344.
    expect(across).toContainEqual(expect.objectContaining({ identity: "CashAtBeginningOfPeriod = CashAtEndOfPeriod[-1]", period: "2025Q2", printed: 2386344, recomputed: 2386344, status: "ok" }));
    // The deficit: Jun 30, 2026 (Q2 release) less Mar 31, 2026 (Q1 release) is Q2 2026's loss, 2 x (343,820).
    expect(across).toContainEqual(expect.objectContaining({ identity: "AccumulatedDeficit - AccumulatedDeficit[-1] = NetLossAttributableToShareholders", period: "2026Q2", printed: -687640, recomputed: -687640, status: "ok" }));
    expect(across.find((c) => c.identity === "TotalRevenues in the Q2 2026 release = the Q1 2026 release")).toMatchObject({ period: "2026Q1", status: "ok" });
    expect(across.filter((c) => c.status === "noted")).toEqual([]);
  });

  test("a release of a quarter already there is refused", () => {
    const error = caught(() => mergeReleases([DATASET, Q2, importFiling(Q2_TEXT, "again.txt")]), ImportError);
    expect(error.key).toBe("sameQuarterTwice");
    expect(error.message).toBe("line 1: the Q2 2026 release is there twice ('kingsoft-cloud-2026q2.txt' and 'again.txt'): keep one (remove the other first)");
  });
});

describe("a restatement", () => {
  const restated = createEngine(mergeReleases([DATASET, importFiling(secondQuarterFiling({ restate: true }), "kingsoft-cloud-2026q2.txt")]));

  test("the later release's figure is used, and everything computed from it follows", () => {
    expect(restated.excel.metric("SellingAndMarketingExpenses", "2026Q1")).toBe(-123000);
    expect(restated.excel.metric("GeneralAndAdministrativeExpenses", "2026Q1")).toBe(-195541);
    expect(restated.excel.metric("TotalOperatingExpenses", "2026Q1")).toBe(-511856);
    expect(restated.excel.growth("SellingAndMarketingExpenses", "2026Q2", "QoQ")).toBeCloseTo(247552 / 123000 - 1, 12);
    expect(restated.excel.source("SellingAndMarketingExpenses", "2026Q1")).toMatch(/Q2 2026 release \(kingsoft-cloud-2026q2\.txt\) line 237: \(123,000\) \(the Q1 2026 release printed \(123,776\) on line 237: restated\)$/);
  });

  test("is listed in kc check and KC.CHECKS as noted, not hidden and not a failure", () => {
    const rows = restated.excel.checks();
    const noted = rows.filter((r) => String(r[4]).startsWith("noted: restated"));
    expect(noted).toEqual([
      ["SellingAndMarketingExpenses in the Q2 2026 release = the Q1 2026 release", "2026Q1", -123000, -123776, "noted: restated: 2026Q1 SellingAndMarketingExpenses: (123,000) in the Q2 2026 release (line 237), (123,776) in the Q1 2026 release (line 237); KC uses the Q2 2026 release's figure"],
      ["GeneralAndAdministrativeExpenses in the Q2 2026 release = the Q1 2026 release", "2026Q1", -195541, -194765, "noted: restated: 2026Q1 GeneralAndAdministrativeExpenses: (195,541) in the Q2 2026 release (line 238), (194,765) in the Q1 2026 release (line 238); KC uses the Q2 2026 release's figure"],
    ]);
    expect(rows.filter((r) => String(r[4]).startsWith("FAIL"))).toEqual([]);
  });
});

describe("an identity that fails across releases is reported", () => {
  // The Q2 release opens Q2 2025 with 1,000 more cash than the Q1 release closed Q1 2025 with (its own figures still tie).
  const text = Q2_TEXT.replace(/^(Cash, cash equivalents and restricted cash at beginning of period\t)2,386,344/m, "$12,387,344").replace(/^(<b>Cash, cash equivalents and restricted cash at end of period<\/b>\t<b>)2,042,587/m, "$12,043,587");
  const engine = createEngine(mergeReleases([DATASET, importFiling(text, "kingsoft-cloud-2026q2.txt")]));

  test("as a failed check naming both releases", () => {
    expect(text).not.toBe(Q2_TEXT);
    const failed = engine.checkRows().filter((c) => c.status === "FAIL");
    expect(failed).toEqual([
      expect.objectContaining({
        identity: "CashAtBeginningOfPeriod = CashAtEndOfPeriod[-1]",
        period: "2025Q2",
        printed: 2387344,
        recomputed: 2386344,
        note: "a quarter starts where the last one ended, across the Q2 2026 release and the Q1 2026 release",
        across: true,
      }),
    ]);
  });
});

describe("a release added as the EDGAR HTML exhibit", () => {
  const html = createEngine(mergeReleases([DATASET, importFiling(renderExhibit(Q2_TEXT), "kc-2026q2-ex99-1.htm")]));

  test("gives the same figures as its text", () => {
    expect(html.excel.statement("IS")).toEqual(excel.statement("IS"));
    expect(html.excel.checks().length).toBe(excel.checks().length);
  });

  test("its source view shows the table as read, at the .htm's lines", () => {
    const view = html.sourceView("TotalRevenues", "2026Q2", "RMB", () => null);
    expect(view.ok).toBe(true);
    const table = view.ok ? view.value.table! : null;
    expect(table).toMatchObject({ release: "Q2 2026 release", sourceName: "kc-2026q2-ex99-1.htm", column: 3 });
    const row = table!.lines.find((l) => l.line === table!.line)!;
    expect(row.cells).toEqual(["Total revenues", "1,969,977", "2,703,732", "5,407,464", "391,959"]);
    expect(table!.lines[1].cells).toEqual(["", "Three Months Ended Jun 30, 2025 RMB", "Three Months Ended Mar 31, 2026 RMB", "Three Months Ended Jun 30, 2026 RMB", "Three Months Ended Jun 30, 2026 US$"]);
  });
});
