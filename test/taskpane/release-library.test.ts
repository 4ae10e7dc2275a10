/**
 * The release library behind the Releases tab, in Node: reading a release shows what adding it would do; adding or
 * removing one stores it, replaces the engine the KC functions compute with (the functions runtime's: no cached result
 * of the old data survives) and recalculates; on open the stored releases load the same way. Figures: the Q1 2026
 * release the add-in carries and the Q2 2026 release filing-variants.ts builds from it (Q2 2026 = Q1 2026 doubled).
 */
import { createEngine, importFiling, mergeReleases } from "../../src/core";
import { ImportError } from "../../src/core/messages";
import { DATASET } from "../../src/data/dataset.generated";
import { FILING_TEXT } from "../../src/data/filing.generated";
import { functionsEngine, useFunctionsEngine } from "../../src/functions/runtime";
import { ReleaseLibrary, decodeRelease } from "../../src/taskpane/release-library";
import { checksView } from "../../src/taskpane/view-model";
import { MemoryReleaseStore, ReleaseStore } from "../../src/taskpane/release-store";
import { renderExhibit } from "../core/edgar-exhibit";
import { FILING, fourthQuarterFiling, secondQuarterFiling } from "../core/filing-variants";

const Q2 = secondQuarterFiling();
const Q2_RESTATED_HTML = renderExhibit(secondQuarterFiling({ restate: true }));

/** A library over a store, its recalculations and startup settings counted, the functions runtime following it. */
function library(store: ReleaseStore = new MemoryReleaseStore(), recalculate: () => Promise<void> = async () => undefined, limits?: { releases: number; bytes: number }) {
  const calls = { recalculations: 0, holding: [] as number[] };
  const engine = createEngine(DATASET);
  useFunctionsEngine(engine);
  const lib = new ReleaseLibrary(
    { dataset: DATASET, text: FILING_TEXT },
    {
      store,
      recalculate: async () => {
        calls.recalculations++;
        await recalculate();
      },
      holding: async (n) => void calls.holding.push(n),
    },
    engine,
    limits,
  );
  lib.onChange(useFunctionsEngine);
  return { lib, calls, store };
}

/** What a cell =KC.METRIC(...) computes in this runtime (the registered functions' engine). */
const cell = (metric: string, period: string) => functionsEngine().excel.metric(metric, period);

describe("reading a release shows what was found, before anything is stored", () => {
  test("the Q2 2026 release: its periods, statements and checks, on its own and with the release here", async () => {
    const { lib, store, calls } = library();
    const c = lib.read(Q2, "kc-2026q2.txt");
    expect({ label: c.label, format: c.format, periods: c.periods, statements: c.statements, refusal: c.refusal }).toEqual({
      label: "Q2 2026 release",
      format: "text",
      periods: ["2025Q2", "2025Q4", "2026Q1", "2026Q2"],
      statements: ["Statement of comprehensive loss", "Balance sheet", "Cash flow statement", "Non-GAAP reconciliation (5 tables)"],
      refusal: null,
    });
    expect(c.own.failed).toBe(0);
    expect(c.own.ok + c.own.noted).toBe(createEngine(c.dataset).checkRows().length);
    expect(c.across).toMatchObject({ noted: 0, failed: 0 });
    expect(c.across.ok).toBeGreaterThan(0);
    expect(await store.list()).toEqual([]);
    expect(calls.recalculations).toBe(0);
  });

  test("a restated figure and a failure are listed", () => {
    const c = library().lib.read(Q2_RESTATED_HTML, "kc-2026q2-ex99-1.htm");
    expect(c.format).toBe("html");
    expect(c.restated.map((r) => `${r.period} ${r.identity}`)).toEqual([
      "2026Q1 SellingAndMarketingExpenses in the Q2 2026 release = the Q1 2026 release",
      "2026Q1 GeneralAndAdministrativeExpenses in the Q2 2026 release = the Q1 2026 release",
    ]);
    const untied = library().lib.read(Q2.replace("Public cloud services\t1,353,479\t1,996,301", "Public cloud services\t1,353,479\t1,996,302"), "untied.txt");
    expect(untied.failed.map((r) => `${r.period} ${r.identity}`)).toContain("2026Q1 TotalRevenues = PublicCloudRevenues + EnterpriseCloudRevenues");
  });

  test("a fourth quarter's release: its year columns are said to be read and checked, not periods", () => {
    const { lib } = library();
    const c = lib.read(fourthQuarterFiling(), "kc-2026q4.txt");
    expect(c.periods).toEqual(["2025Q4", "2026Q3", "2026Q4"]);
    expect(c.years).toBe(
      "FY2025, FY2026 read and checked: each ties out like a quarter, and against the sum of its quarters where the releases hold all four. They are not periods the KC functions answer: the functions model quarters, and a year is the sum of its quarters",
    );
    expect(c.own.failed).toBe(0);
    expect(lib.read(Q2, "kc-2026q2.txt").years).toBeNull();
  });

  test("the Checks tab lists the year columns that wait for quarters apart, saying which", () => {
    const view = checksView(createEngine(mergeReleases([DATASET, importFiling(fourthQuarterFiling(), "kc-2026q4.txt")])));
    expect(view.waiting.map((c) => `${c.period} ${c.verdict}`)).toEqual([
      "FY2025 noted · FY2025: needs 2025Q2, 2025Q3 to check the year column (add the releases that print them)",
      "FY2026 noted · FY2026: needs 2026Q2 to check the year column (add the releases that print them)",
    ]);
    expect(view.noted.concat(view.restated).some((c) => c.period.startsWith("FY"))).toBe(false);
    expect(view.summary).toMatch(/, 2 year columns not checked against their quarters yet \(listed below\), none fails\.$/);
  });

  test("what is not Kingsoft Cloud's results release is refused as the importer refuses it", () => {
    expect(() => library().lib.read(FILING.replace(/Kingsoft Cloud Announces/g, "Acme Holdings Announces"), "acme.txt")).toThrow(ImportError);
    expect(() => library().lib.read("hello", "pasted text")).toThrow(/this is not a results release/);
  });
});

describe("adding and removing a release", () => {
  test("stores it, replaces the engine every KC formula computes with, and recalculates", async () => {
    const { lib, store, calls } = library();
    expect(cell("TotalRevenues", "FQ0")).toBe(2703732); // cached by the engine over the Q1 release alone
    const applied = await lib.add(lib.read(Q2, "kc-2026q2.txt"));
    expect(applied).toEqual({ recalculated: true, reason: null });
    expect(calls).toEqual({ recalculations: 1, holding: [1] });
    expect(cell("TotalRevenues", "FQ0")).toBe(5407464);
    expect(cell("CashAndCashEquivalents", "2026Q2")).toBe(2570711);
    expect(functionsEngine()).toBe(lib.engine);
    expect((await store.list()).map((r) => [r.name, r.quarter])).toEqual([["kc-2026q2.txt", "2026Q2"]]);
    expect(lib.entries().map((e) => [e.label, e.id === null])).toEqual([["Q1 2026 release", true], ["Q2 2026 release", false]]);
    expect(lib.sourceText("kc-2026q2.txt")).toBe(Q2);
    expect(lib.sourceText(DATASET.sourceName)).toBe(FILING_TEXT);

    await lib.remove(lib.entries()[1].id!);
    expect(calls).toEqual({ recalculations: 2, holding: [1, 0] });
    expect(await store.list()).toEqual([]);
    expect(cell("TotalRevenues", "FQ0")).toBe(2703732);
    expect(() => cell("TotalRevenues", "2026Q2")).toThrow(/has no TotalRevenues for 2026Q2/);
  });

  test("the Checks tab then lists the restatements apart from the filing's own inconsistencies, each release's checks tagged", async () => {
    const { lib } = library();
    await lib.add(lib.read(Q2_RESTATED_HTML, "kc-2026q2-ex99-1.htm"));
    const view = checksView(lib.engine);
    expect(view.restated.map((c) => `${c.period} ${c.ids}`)).toEqual([
      "2026Q1 SellingAndMarketingExpenses in the Q2 2026 release = the Q1 2026 release",
      "2026Q1 GeneralAndAdministrativeExpenses in the Q2 2026 release = the Q1 2026 release",
    ]);
    expect(view.noted.every((c) => c.release !== null && (c.currency === "US$" || c.ids.includes("(US$)")))).toBe(true);
    expect(view.summary).toMatch(/, 2 restated by a later release \(listed below\), none fails\.$/);
    const usd = view.all.find((c) => c.ids === "TotalRevenues (US$) = TotalRevenues (RMB) / 13.7960" && c.period === "2026Q2")!;
    expect([usd.release, usd.status]).toEqual(["Q2 2026 release", "ok"]);
  });

  test("a quarter already here, or the one the add-in carries, is refused before anything is stored", async () => {
    const { lib } = library();
    await lib.add(lib.read(Q2, "kc-2026q2.txt"));
    expect(lib.read(Q2_RESTATED_HTML, "again.htm").refusal).toBe("The Q2 2026 release is already in this workbook ('kc-2026q2.txt'): remove it first to put this one in its place.");
    expect(lib.read(renderExhibit(), "q1.htm").refusal).toBe("The Q1 2026 release is the one KC carries: it is always there.");
    await expect(lib.add(lib.read(renderExhibit(), "q1.htm"))).rejects.toThrow(/carries/);
  });

  test("the workbook's limits: releases, and bytes of them", async () => {
    const none = library(undefined, undefined, { releases: 0, bytes: 10 * 1024 * 1024 }).lib;
    expect(none.read(Q2, "kc-2026q2.txt").refusal).toBe("This workbook already holds 0 releases, the most KC stores in one: remove one first.");
    const small = library(undefined, undefined, { releases: 24, bytes: 20_000 }).lib;
    expect(small.read(Q2, "kc-2026q2.txt").refusal).toBe("With this release the workbook would store more than 0.02 MB of releases, the most KC stores in one: remove one first.");
  });

  test("Excel refusing to recalculate is said, and the release stays added", async () => {
    const { lib } = library(undefined, async () => {
      throw new Error("The workbook is in manual calculation and protected");
    });
    expect(await lib.add(lib.read(Q2, "kc-2026q2.txt"))).toEqual({ recalculated: false, reason: "The workbook is in manual calculation and protected" });
    expect(cell("TotalRevenues", "FQ0")).toBe(5407464);
  });
});

describe("opening a workbook that holds releases", () => {
  test("loads them, replaces the engine and recalculates; one that does not import any more is left out and said", async () => {
    const store = new MemoryReleaseStore();
    await store.add({ id: null, name: "kc-2026q2.txt", quarter: "2026Q2", text: Q2 });
    await store.add({ id: null, name: "broken.htm", quarter: "2026Q3", text: "<html><body><p>not a release</p></body></html>" });
    const { lib, calls } = library(store);
    const loaded = await lib.load();
    expect(loaded.applied).toEqual({ recalculated: true, reason: null });
    expect(loaded.problems).toEqual([
      "The release 'broken.htm' stored in this workbook does not import any more (line 1: this is not a results release: no headline such as \"Kingsoft Cloud Announces Unaudited First Quarter 2026 Financial Results\". KC reads Kingsoft Cloud's quarterly results releases, whole (copy the exhibit from its headline to its last table)): it is left out. Remove it, or add it again.",
    ]);
    expect(lib.loadProblems).toEqual(loaded.problems);
    expect(calls.recalculations).toBe(1);
    expect(cell("TotalRevenues", "2026Q2")).toBe(5407464);
  });

  test("a workbook without releases is left as it is", async () => {
    const { lib, calls } = library();
    expect(await lib.load()).toEqual({ problems: [], applied: null });
    expect(calls.recalculations).toBe(0);
  });
});

test("a release file in Windows-1252 reads with its dashes, UTF-8 as UTF-8", () => {
  expect(decodeRelease(new Uint8Array([0x31, 0x97, 0x32, 0x93, 0x94, 0xe9]))).toBe("1—2“”é");
  expect(decodeRelease(new TextEncoder().encode("1—2 金山"))).toBe("1—2 金山");
});
