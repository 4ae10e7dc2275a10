/**
 * The Releases tab in Chromium (the preview page: the task pane beside a HyperFormula grid that stands in for Excel).
 * An analyst adds the Q2 2026 release from its EDGAR exhibit file, sees what was found, adds it, and the grid's KC
 * formulas recalculate; removes it, and they go back; pastes the exhibit as Chromium itself copies it (its innerText),
 * which imports to exactly the text's figures; reads a fourth quarter's exhibit, its year columns shown. The Q2 and Q4
 * 2026 releases are the ones test/core/filing-variants.ts builds.
 */
import * as fs from "fs";
import type * as http from "http";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import type { Dataset } from "../../src/core/dataset";
import { importFiling } from "../../src/core/importer";
import { renderExhibit } from "../core/edgar-exhibit";
import { FILING, fourthQuarterFiling, secondQuarterFiling } from "../core/filing-variants";
import { CHROMIUM, closeAll, distDir, launch, openPreview, serve } from "./harness";

const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's Chromium (apt-get install -y chromium).`);
const describeBrowser = haveChromium ? describe : describe.skip;

/** In the page: whatever in the pane sticks out sideways or scrolls sideways, as "what: why". */
const SIDEWAYS = () => {
  const root = document.getElementById("kc-app")!;
  const frame = root.getBoundingClientRect();
  const found: string[] = [];
  if (root.scrollWidth > root.clientWidth + 1) found.push(`the pane scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
  for (const e of root.querySelectorAll<HTMLElement>("*")) {
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < frame.left - 0.5 || r.right > frame.right + 0.5) found.push(`${e.tagName}#${e.id} spans ${Math.round(r.left)}-${Math.round(r.right)}`);
  }
  return found;
};

describeBrowser("the Releases tab in Chromium (preview page)", () => {
  let server: http.Server;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kc-browser-releases-"));
  const exhibit = path.join(tmp, "kc-2026q2-ex99-1.htm");
  fs.writeFileSync(exhibit, renderExhibit(secondQuarterFiling({ restate: true })));

  beforeAll(async () => {
    let base: string;
    ({ server, base } = await serve(await distDir(tmp)));
    context = await launch(path.join(tmp, "profile"));
    page = await context.newPage();
    page.on("pageerror", (error) => void pageErrors.push(String(error)));
    await openPreview(page, base);
  }, 120_000);

  afterAll(() => closeAll(context, server, tmp));

  /** A cell of the preview's grid (Sheet1), as HyperFormula computes it: a number, or an error's code. */
  const value = (address: string) =>
    page.evaluate((a) => {
      const { grid } = (window as unknown as { kcPreview: { grid: { engine: { getCellValue(x: object): unknown; simpleCellAddressFromString(s: string, sheet: number): object } } } }).kcPreview;
      const v = grid.engine.getCellValue(grid.engine.simpleCellAddressFromString(a, 0)) as { value?: string } | number;
      return typeof v === "object" && v !== null ? v.value : v;
    }, address);
  const type = async (address: string, text: string) => {
    await page.click(`#grid td[data-address="${address}"]`);
    await page.fill("#grid-formula-bar", text);
    await page.press("#grid-formula-bar", "Enter");
  };
  const listed = () => page.locator("#kc-releases .kc-release-label").allTextContents();

  test("the grid's KC formulas before: the Q1 2026 release alone", async () => {
    await type("A1", '=KC.METRIC("TotalRevenues","2026Q2")');
    await type("A2", '=KC.METRIC("TotalRevenues","FQ0")');
    await type("A3", '=KC.GROWTH("CashAndCashEquivalents","2026Q2","QoQ")');
    expect([await value("A1"), await value("A2"), await value("A3")]).toEqual(["#N/A", 2703732, "#N/A"]);
    await page.click("#kc-tab-releases");
    expect(await listed()).toEqual(["Q1 2026 release"]);
  });

  test("choosing the exhibit file shows what was found before anything is added", async () => {
    await page.setInputFiles("#kc-release-file", exhibit);
    await page.waitForSelector("#kc-release-preview:not([hidden])");
    expect(await page.textContent("#kc-release-found")).toBe("Q2 2026 release (kc-2026q2-ex99-1.htm, EDGAR HTML exhibit)");
    expect(await page.textContent("#kc-release-periods")).toBe("Periods: 2025Q2, 2025Q4, 2026Q1, 2026Q2");
    expect(await page.textContent("#kc-release-statements")).toBe("Statements: Statement of comprehensive loss, Balance sheet, Cash flow statement, Non-GAAP reconciliation (5 tables)");
    expect(await page.textContent("#kc-release-own")).toMatch(/^Its checks: \d+ ok, \d+ noted, 0 failed$/);
    expect(await page.textContent("#kc-release-across")).toMatch(/^With the releases already here: \d+ ok, 2 noted, 0 failed$/);
    expect(await page.locator("#kc-release-restated li .kc-check-identity").allTextContents()).toEqual([
      "2026Q1 SellingAndMarketingExpenses in the Q2 2026 release = the Q1 2026 release",
      "2026Q1 GeneralAndAdministrativeExpenses in the Q2 2026 release = the Q1 2026 release",
    ]);
    // Nothing added yet: the grid is as it was.
    expect(await listed()).toEqual(["Q1 2026 release"]);
    expect(await value("A1")).toBe("#N/A");
    for (const width of [320, 350, 450]) {
      await page.evaluate((w) => (window as unknown as { kcPreview: { setPaneWidth(w: number): void } }).kcPreview.setPaneWidth(w), width);
      expect([width, await page.evaluate(SIDEWAYS)]).toEqual([width, []]);
    }
    await page.evaluate(() => (window as unknown as { kcPreview: { setPaneWidth(w: number): void } }).kcPreview.setPaneWidth(350));
  });

  test("Add: the release is listed, and every KC formula of the grid recalculates with it", async () => {
    await page.click("#kc-release-add");
    await page.waitForSelector("#kc-message-releases[data-kind=ok]");
    expect(await page.textContent("#kc-message-releases")).toBe("Added the Q2 2026 release (kc-2026q2-ex99-1.htm). KC now covers 2025Q1 to 2026Q2 (5 quarters). Every KC formula was recalculated.");
    expect(await listed()).toEqual(["Q1 2026 release", "Q2 2026 release"]);
    expect(await page.isHidden("#kc-release-preview")).toBe(true);
    // 2 x 2,703,732; cash 2,570,711 at Jun 30, 2026 against 4,903,797 at Mar 31, 2026 (the Q1 release's).
    expect([await value("A1"), await value("A2")]).toEqual([5407464, 5407464]);
    expect(await value("A3")).toBeCloseTo(2570711 / 4903797 - 1, 9); // HyperFormula keeps about 11 decimals
  });

  test("Find and Checks read the added release: its quarter, its source, the restatement", async () => {
    await page.click("#kc-tab-find");
    await page.fill("#kc-search", "selling and marketing");
    await page.click("#kc-option-SellingAndMarketingExpenses");
    expect(await page.textContent('#kc-detail [data-period="2026Q2"] .kc-value')).toBe("(247,552)");
    await page.click('#kc-detail [data-period="2026Q1"]');
    await page.click("#kc-show-source");
    expect(await page.textContent("#kc-source-description")).toMatch(/Q2 2026 release \(kc-2026q2-ex99-1\.htm\) line \d+: \(123,000\) \(the Q1 2026 release printed \(123,776\) on line 237: restated\)$/);
    expect(await page.textContent("#kc-source-release")).toBe("Q2 2026 release · kc-2026q2-ex99-1.htm");
    expect(await page.textContent("#kc-source li.kc-highlight .kc-cell-highlight")).toBe("(123,000)");
    await page.click("#kc-tab-checks");
    expect(await page.textContent("#kc-checks-summary")).toMatch(/\d+/);
    await page.click("#kc-tab-releases");
  });

  test("Remove: the release goes, and the grid's formulas go back", async () => {
    await page.click("#kc-releases .kc-release-remove");
    await page.waitForSelector("#kc-message-releases[data-kind=ok]");
    expect(await page.textContent("#kc-message-releases")).toBe("Removed the Q2 2026 release (kc-2026q2-ex99-1.htm). KC now covers 2025Q1 to 2026Q1 (3 quarters). Every KC formula was recalculated.");
    expect(await listed()).toEqual(["Q1 2026 release"]);
    expect([await value("A1"), await value("A2"), await value("A3")]).toEqual(["#N/A", 2703732, "#N/A"]);
  });

  test("pasting the exhibit as Chromium copies it: the text's figures; added, the grid recalculates", async () => {
    // What a browser's copy of the exhibit is: the page's innerText, as Chromium lays it out.
    const other = await context.newPage();
    await other.setContent(fs.readFileSync(exhibit, "utf8"));
    const copied = await other.evaluate(() => document.body.innerText);
    await other.close();
    const fromCopy = importFiling(copied, "pasted text");
    const fromText = importFiling(secondQuarterFiling({ restate: true }));
    const values = (d: typeof fromText) => d.tables.map((t) => [t.kind, t.columns.map((c) => [c.period, c.currency]), t.rows.map((r) => [r.label, r.cells.map((c) => c.value)])]);
    expect(fromCopy.format).toBe("copied");
    expect(values(fromCopy)).toEqual(values(fromText));
    expect(fromCopy.narrative.map((f) => [f.id, f.period, f.value])).toEqual(fromText.narrative.map((f) => [f.id, f.period, f.value]));

    await page.fill("#kc-release-paste", copied);
    await page.click("#kc-release-read");
    await page.waitForSelector("#kc-release-preview:not([hidden])");
    expect(await page.textContent("#kc-release-found")).toBe("Q2 2026 release (pasted text, text copied from a browser)");
    await page.click("#kc-release-add");
    await page.waitForSelector("#kc-message-releases[data-kind=ok]");
    expect(await value("A1")).toBe(5407464);
    await page.click("#kc-releases .kc-release-remove");
    await page.waitForFunction(() => document.querySelectorAll("#kc-releases .kc-release").length === 1);
  });

  test("a fourth quarter's exhibit: its year columns shown as read and checked, not periods; Chromium's copy reads the same", async () => {
    const fourth = path.join(tmp, "kc-2026q4-ex99-1.htm");
    fs.writeFileSync(fourth, renderExhibit(fourthQuarterFiling()));
    await page.setInputFiles("#kc-release-file", fourth);
    await page.waitForSelector("#kc-release-preview:not([hidden])");
    expect(await page.textContent("#kc-release-found")).toBe("Q4 2026 release (kc-2026q4-ex99-1.htm, EDGAR HTML exhibit)");
    expect(await page.textContent("#kc-release-periods")).toBe("Periods: 2025Q4, 2026Q3, 2026Q4");
    expect(await page.textContent("#kc-release-years")).toMatch(/^Year columns: FY2025, FY2026 read and checked: .* They are not periods the KC functions answer: the functions model quarters, and a year is the sum of its quarters$/);
    expect(await page.textContent("#kc-release-own")).toMatch(/^Its checks: \d+ ok, 2 noted, 0 failed$/);
    await page.evaluate(() => (window as unknown as { kcPreview: { setPaneWidth(w: number): void } }).kcPreview.setPaneWidth(320));
    expect(await page.evaluate(SIDEWAYS)).toEqual([]);
    await page.evaluate(() => (window as unknown as { kcPreview: { setPaneWidth(w: number): void } }).kcPreview.setPaneWidth(350));
    await page.click("#kc-release-cancel");
    expect(await listed()).toEqual(["Q1 2026 release"]);

    // "Three Months Ended" and "Year Ended" side by side, each spanning its columns, as Chromium copies them.
    const other = await context.newPage();
    await other.setContent(fs.readFileSync(fourth, "utf8"));
    const copied = await other.evaluate(() => document.body.innerText);
    await other.close();
    const years = (d: Dataset) => d.tables.map((t) => [t.columns.map((c) => [c.period, c.currency]), t.yearColumns?.map((c) => [c.year, c.currency]), t.rows.map((r) => [r.cells.map((c) => c.value), r.yearCells?.map((c) => c.value)])]);
    expect(years(importFiling(copied, "pasted text"))).toEqual(years(importFiling(fourthQuarterFiling())));
  });

  test("what is not Kingsoft Cloud's results release is refused on the tab, nothing added", async () => {
    await page.fill("#kc-release-paste", FILING.replace(/Kingsoft Cloud Announces/g, "Acme Holdings Announces"));
    await page.click("#kc-release-read");
    await page.waitForSelector("#kc-message-releases[data-kind=error]");
    expect(await page.textContent("#kc-message-releases")).toMatch(/^pasted text: line 71: this is Acme Holdings's release/);
    expect(await page.isHidden("#kc-release-preview")).toBe(true);
    expect(await listed()).toEqual(["Q1 2026 release"]);
    expect(pageErrors).toEqual([]);
  });
});
