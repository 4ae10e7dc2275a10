/**
 * The task pane in a real browser: Debian's Chromium (/usr/bin/chromium) driven by playwright-core, against the
 * development build the test run shares (test/build/shared-build.ts), served over http on 127.0.0.1 by a small static
 * server started here. The preview page puts the
 * task pane beside a HyperFormula grid that implements the task pane's Workbook interface.
 * Without /usr/bin/chromium the tests are skipped with a note, except under CI (process.env.CI), where they fail.
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import type { BrowserContext, Page } from "playwright-core";
import { sharedBuild } from "../build/shared-build";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) {
  throw new Error(`${CHROMIUM} is missing: the browser tests need Debian's Chromium (apt-get install -y chromium).`);
}
if (!haveChromium) console.warn(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);
const describeBrowser = haveChromium ? describe : describe.skip;

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".xml": "text/xml", ".png": "image/png", ".map": "application/json", ".css": "text/css" };

/** Serves `dir` read-only on 127.0.0.1 (a free port). */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * In the page: visible text in the task pane whose colour against its effective background is under 4.5:1 (WCAG AA),
 * as "text: ratio". Backgrounds are found by walking up to the first opaque one.
 */
const CONTRAST_PROBE = () => {
  const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (e: Element | null): number[] => {
    for (; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c;
    }
    return [255, 255, 255];
  };
  const low: string[] = [];
  for (const e of document.querySelectorAll<HTMLElement>("#kc-app *")) {
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
    if (!own || !e.offsetParent) continue;
    const [a, b] = [lum(parse(getComputedStyle(e).color)), lum(background(e))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(`${e.tagName} ${e.textContent!.trim().slice(0, 30)}: ${ratio.toFixed(2)}`);
  }
  return low;
};

/** What the tests reach of the preview's grid in the page (src/taskpane/preview/grid.ts). */
interface PreviewGrid {
  engine: {
    getSheetId(name: string): number | undefined;
    getCellValue(a: { sheet: number; row: number; col: number }): unknown;
    getCellFormula(a: { sheet: number; row: number; col: number }): string | undefined;
    setCellContents(a: { sheet: number; row: number; col: number }, v: unknown[][]): void;
    getSheetNames(): string[];
  };
  formats: Map<string, string>;
  protectedSheets: Set<string>;
  charts: Array<{ sheet: string; title: string; lines: number[] }>;
  selectCell(row: number, col: number, extend?: boolean): void;
  showSheet(name: string): void;
}

describeBrowser("task pane in Chromium (preview page)", () => {
  let server: http.Server;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const requests: string[] = [];
  const cspOnOtherPages: string[] = [];
  const pageErrors: string[] = [];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kc-browser-"));

  beforeAll(async () => {
    server = await serve(sharedBuild("development").dir);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const { chromium } = await import("playwright-core");
    context = await chromium.launchPersistentContext(path.join(tmp, "profile"), { executablePath: CHROMIUM, headless: true, args: ARGS });
    context.on("request", (request) => void requests.push(request.url()));
    // Record every Content-Security-Policy violation in each page (an init script runs outside the page's policy).
    await context.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => ((window as { __csp?: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page = await context.newPage();
    page.on("pageerror", (error) => void pageErrors.push(String(error)));
    await page.goto(`${base}preview.html`);
    await page.waitForSelector("body[data-state=ready]", { timeout: 15_000 });
  }, 60_000);

  /** Runs `fn` on the preview's grid (window.kcPreview.grid) in the page. */
  const grid = <T>(fn: (g: PreviewGrid) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.kcPreview.grid)`) as Promise<T>;
  const cellText = (address: string) => page.textContent(`#grid td[data-address="${address}"]`);
  const rowTexts = (row: number, cols: string) => Promise.all([...cols].map((c) => cellText(`${c}${row}`)));

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("a short search lists at most 40 matches and says how to narrow the rest", async () => {
    await page.fill("#kc-search", "a");
    expect(await page.locator("#kc-results [role=option]").count()).toBe(40);
    expect(await page.textContent("#kc-message")).toMatch(/^Showing 40 of \d+ matches: type more to narrow them\.$/);
    await page.fill("#kc-search", "");
    expect(await page.locator("#kc-results [role=option]").count()).toBe(0);
  });

  test('search "ebitda", pick it with the keyboard: 747,506 for 2026Q1, printed and recomputed', async () => {
    await page.fill("#kc-search", "ebitda");
    await page.waitForSelector("#kc-option-AdjustedEBITDA");
    expect(await page.textContent("#kc-results [role=group] > div")).toBe("Non-GAAP reconciliation");
    await page.press("#kc-search", "ArrowDown");
    expect(await page.getAttribute("#kc-search", "aria-activedescendant")).toBe("kc-option-AdjustedEBITDA");
    await page.press("#kc-search", "Enter");
    const row = page.locator('#kc-detail tr[data-period="2026Q1"] td');
    expect(await row.allTextContents()).toEqual(["2026Q1", "747,506", "747,506", "+134.7%", "-4.8%"]);
    await page.click('button[data-currency="USD"]');
    expect(await page.locator('#kc-detail tr[data-period="2026Q1"] td').nth(2).textContent()).toBe("108,365");
    await page.click('button[data-currency="RMB"]');
  });

  test("Source shows the reconciliation table with line 305 highlighted", async () => {
    await page.click("#kc-show-source");
    const highlighted = page.locator("#kc-source tr.kc-highlight");
    expect(await highlighted.count()).toBe(1);
    expect(await highlighted.getAttribute("data-line")).toBe("305");
    expect(await highlighted.locator("td.kc-line").textContent()).toBe("305");
    expect(await highlighted.locator("td.kc-cell-highlight").textContent()).toBe("747,506");
    expect(await page.textContent("#kc-source-description")).toMatch(/line 305: 747,506/);
  });

  test("Insert formula writes =KC.METRIC at the active cell of the grid, which computes 747,506", async () => {
    await page.click('#grid td[data-address="B2"]');
    await page.click("#kc-insert-formula");
    await page.waitForSelector("#kc-message[data-kind=ok]");
    expect(await page.textContent('#grid td[data-address="B2"]')).toBe("747,506");
    expect(await page.inputValue("#grid-formula-bar")).toBe('=KC.METRIC("AdjustedEBITDA","2026Q1")');
  });

  test("a formula over a period cell recomputes when the period changes", async () => {
    const type = async (address: string, text: string) => {
      await page.click(`#grid td[data-address="${address}"]`);
      await page.fill("#grid-formula-bar", text);
      await page.press("#grid-formula-bar", "Enter");
    };
    await type("A4", "2025Q4");
    await type("B4", '=KC.METRIC("AdjustedEBITDA",A4)');
    expect(await page.textContent('#grid td[data-address="B4"]')).toBe("785248");
    await type("A4", "2025Q1");
    expect(await page.textContent('#grid td[data-address="B4"]')).toBe("318543");
  });

  test("inserting into a non-empty cell asks first; Cancel (focused, and Esc) writes nothing", async () => {
    await page.click('#grid td[data-address="B2"]');
    await page.click("#kc-insert-value");
    await page.waitForSelector("#kc-prompt:not([hidden])");
    expect(await page.textContent("#kc-prompt-text")).toMatch(/Sheet1!B2 already holds data/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("kc-prompt-cancel");
    await page.keyboard.press("Escape");
    await page.waitForSelector("#kc-message[data-kind=error]");
    expect(await page.textContent("#kc-message")).toMatch(/Sheet1!B2 is not empty: nothing was written/);
    expect(await page.isHidden("#kc-prompt")).toBe(true);
    expect(await page.inputValue("#grid-formula-bar")).toBe('=KC.METRIC("AdjustedEBITDA","2026Q1")');
  });

  test("Tables: the statement of comprehensive loss as a KC.STATEMENT spill at the selection, formatted", async () => {
    await page.click("#kc-tab-tables");
    await page.click('#grid td[data-address="A6"]');
    await page.selectOption("#kc-table-kind", "IS");
    await page.click("#kc-insert-table");
    await page.waitForSelector("#kc-message[data-kind=ok]");
    expect(await page.textContent("#kc-message")).toBe("Inserted =KC.STATEMENT(\"IS\") at Sheet1!A6:D37.");
    expect(await page.inputValue("#grid-formula-bar")).toBe('=KC.STATEMENT("IS")');
    expect(await cellText("A6")).toBe("Statement of comprehensive loss (RMB thousands)");
    expect(await rowTexts(7, "ABCD")).toEqual(["Revenues:", "", "", ""]);
    expect(await rowTexts(8, "ABCD")).toEqual(["Public cloud services", "1,353,479", "1,902,378", "1,996,301"]);
    expect(await grid((g) => g.formats.get("Sheet1!D8"))).toBe("#,##0;(#,##0)");
  });

  test("Tables: into cells that are not empty it asks; Write to a new sheet puts the bridge there as values", async () => {
    await page.click('#grid td[data-address="A6"]');
    await page.selectOption("#kc-table-kind", "NONGAAP");
    await page.check("#kc-table-mode-values");
    await page.click("#kc-insert-table");
    await page.waitForSelector("#kc-prompt:not([hidden])");
    expect(await page.textContent("#kc-prompt-text")).toMatch(/^Sheet1!A6:D37 already holds data/);
    await page.click("#kc-prompt-new-sheet");
    await page.waitForSelector("#kc-message[data-kind=ok]");
    expect(await page.textContent("#kc-message")).toBe("Wrote the Non-GAAP reconciliation as values to 'KC Non-GAAP'!A1:D32.");
    expect(await page.getAttribute('.grid-tabs button[data-sheet="KC Non-GAAP"]', "aria-pressed")).toBe("true");
    expect(await rowTexts(2, "ABCD")).toEqual(["Gross profit", "318,306", "465,350", "345,748"]);
    const margin = await grid((g) => {
      const id = g.engine.getSheetId("KC Non-GAAP")!;
      for (let row = 0; row < 40; row++) if (g.engine.getCellValue({ sheet: id, row, col: 0 }) === "Gross margin") return { row, value: g.engine.getCellValue({ sheet: id, row, col: 3 }), formula: g.engine.getCellFormula({ sheet: id, row, col: 3 }) };
      return null;
    });
    expect(margin).toMatchObject({ formula: undefined }); // static values
    expect(await cellText(`D${margin!.row + 1}`)).toBe("12.8%");
    await page.click('.grid-tabs button[data-sheet="Sheet1"]');
    expect(await cellText("B2")).toBe("747,506"); // the first sheet is untouched
  });

  test("Tables: Overwrite replaces the table when chosen; a protected sheet is refused with nothing written", async () => {
    await page.click('#grid td[data-address="A6"]');
    await page.selectOption("#kc-table-kind", "IS");
    await page.check("#kc-table-mode-formula");
    await page.selectOption("#kc-table-currency", "USD");
    await page.click("#kc-insert-table");
    await page.click("#kc-prompt-overwrite");
    await page.waitForSelector("#kc-message[data-kind=ok]");
    expect(await page.textContent("#kc-message")).toBe('Overwrote Sheet1!A6:D37 with =KC.STATEMENT("IS",,"USD").');
    expect(await cellText("A6")).toBe("Statement of comprehensive loss (US$ thousands)");
    await page.selectOption("#kc-table-currency", "RMB");
    await grid((g) => void g.protectedSheets.add("Sheet1"));
    await page.click('#grid td[data-address="F2"]');
    await page.click("#kc-insert-table");
    await page.waitForSelector("#kc-message[data-kind=error]");
    expect(await page.textContent("#kc-message")).toBe("The sheet 'Sheet1' is protected: nothing was written. Unprotect it, or write to a new sheet.");
    expect(await cellText("F2")).toBe("");
    await grid((g) => void g.protectedSheets.delete("Sheet1"));
  });

  /** A metric's cell on a model sheet: the row whose Metric column holds `id`, the column headed `period`. */
  const modelCell = (sheet: string, id: string, period: string) =>
    grid((g) => {
      const [name, metric, column] = JSON.parse(document.body.dataset.probe!) as string[];
      const s = g.engine.getSheetId(name)!;
      const at = (row: number, col: number) => g.engine.getCellValue({ sheet: s, row, col });
      let col = -1;
      for (let c = 0; c < 12; c++) if (at(4, c) === column) col = c;
      for (let row = 5; row < 120; row++) {
        for (let c = 0; c < 12; c++) {
          if (at(row, c) === metric) return { value: at(row, col), formula: g.engine.getCellFormula({ sheet: s, row, col }) ?? null };
        }
      }
      return null;
    }).catch(() => null) as Promise<{ value: unknown; formula: string | null } | null>;
  const probe = async (sheet: string, id: string, period: string) => {
    await page.evaluate((p) => void (document.body.dataset.probe = p), JSON.stringify([sheet, id, period]));
    return modelCell(sheet, id, period);
  };

  test("Build model: new sheets whose native formulas compute the printed subtotals, and a chart of mix and margins", async () => {
    await page.click("#kc-tab-model");
    await page.click("#kc-build-model");
    await page.waitForSelector("#kc-message[data-kind=ok]");
    // "KC Non-GAAP" is taken (the bridge inserted above): every model sheet gets the same free suffix.
    expect(await page.textContent("#kc-message")).toBe(
      "Built the model on 7 new sheets (KC About (2), KC IS (2), KC BS (2), KC CF (2), KC Non-GAAP (2), KC Ratios (2), KC Scenario (2)). Type over a yellow input on KC Scenario (2).",
    );
    // Printed subtotals, each computed by a native formula over the printed figures.
    expect(await probe("KC IS (2)", "GrossProfit", "2026Q1")).toEqual({ value: 345748, formula: "=D9+D10" });
    expect(await probe("KC BS (2)", "TotalAssets", "2026Q1")).toMatchObject({ value: 28456254, formula: expect.stringMatching(/^=C\d+\+C\d+$/) });
    expect(await probe("KC Non-GAAP (2)", "AdjustedEBITDA", "2026Q1")).toMatchObject({ value: 747506, formula: expect.stringMatching(/^=/) });
    expect((await probe("KC Non-GAAP (2)", "AdjustedEBITDA", "2026Q1"))!.formula).not.toMatch(/KC\./);
    const charts = await grid((g) => g.charts.map((c) => ({ sheet: c.sheet, title: c.title, lines: c.lines })));
    expect(charts).toEqual([{ sheet: "KC Ratios (2)", title: "Revenue mix (RMB thousands) and margins", lines: [2, 3] }]);
    await page.click('.grid-tabs button[data-sheet="KC Ratios (2)"]');
    expect(await page.getAttribute("#grid-charts figure svg", "aria-label")).toMatch(/Public cloud services, Enterprise cloud services, Gross margin, Adjusted EBITDA margin/);
  });

  test("Build model: a scenario input moves the native scenario and the KC.METRIC that reads it as overrides alike", async () => {
    await page.click('.grid-tabs button[data-sheet="KC Scenario (2)"]');
    expect(await page.getAttribute('#grid td[data-address="D7"]', "class")).toBe("num input"); // the yellow inputs
    expect(await page.getAttribute('#grid td[data-address="A1"]', "class")).toBe("bold");
    const kcRow = async (id: string) =>
      grid((g) => {
        const id = document.body.dataset.probe!;
        const s = g.engine.getSheetId("KC Scenario (2)")!;
        for (let row = 50; row < 120; row++) {
          if (g.engine.getCellValue({ sheet: s, row, col: 1 }) === id) {
            const v = (col: number) => g.engine.getCellValue({ sheet: s, row, col });
            return { kc: v(2), native: v(3), formula: g.engine.getCellFormula({ sheet: s, row, col: 2 }) };
          }
        }
        return null;
      }).then((r) => r as { kc: number; native: number; formula: string }, () => null);
    await page.evaluate(() => void (document.body.dataset.probe = "GrossMargin"));
    const before = (await kcRow("GrossMargin"))!;
    expect(before.formula).toBe('=KC.METRIC("GrossMargin","2026Q1",,,$B$54:$C$61)');
    expect(before.kc).toBeCloseTo(345748 / 2703732, 9);
    expect(before.native).toBeCloseTo(before.kc, 9);
    // Type over the yellow input for public cloud revenues (D7): +100,000.
    await page.click('#grid td[data-address="D7"]');
    await page.fill("#grid-formula-bar", String(1996301 + 100000));
    await page.press("#grid-formula-bar", "Enter");
    const after = (await kcRow("GrossMargin"))!;
    expect(after.kc).toBeCloseTo((345748 + 100000) / (2703732 + 100000), 9);
    expect(after.native).toBeCloseTo(after.kc, 9);
    await page.evaluate(() => void (document.body.dataset.probe = "AdjustedEBITDA"));
    const ebitda = (await kcRow("AdjustedEBITDA"))!;
    expect([ebitda.kc, ebitda.native]).toEqual([747506 + 100000, 747506 + 100000]);
  }, 20_000);

  test("Freeze to values: the sheet's KC formulas (and a whole spill) become values, noted on KC frozen; nothing else changes", async () => {
    await page.click('.grid-tabs button[data-sheet="Sheet1"]');
    await page.click('#grid td[data-address="C2"]');
    await page.fill("#grid-formula-bar", "=B2*2");
    await page.press("#grid-formula-bar", "Enter");
    const before = await grid((g) => ({ d8: g.engine.getCellValue({ sheet: 0, row: 7, col: 3 }), a4: g.engine.getCellValue({ sheet: 0, row: 3, col: 0 }) }));
    await page.click("#kc-tab-model");
    await page.check("#kc-freeze-sheet");
    await page.click("#kc-freeze");
    await page.waitForSelector("#kc-message[data-kind=ok]");
    expect(await page.textContent("#kc-message")).toBe("Froze 3 KC formulas in Sheet1!A1:D37 to values; their sources are noted on 'KC frozen'!A1:E4.");
    const after = await grid((g) => {
      const f = (row: number, col: number) => g.engine.getCellFormula({ sheet: 0, row, col }) ?? null;
      const v = (row: number, col: number) => g.engine.getCellValue({ sheet: 0, row, col });
      return { b2: [f(1, 1), v(1, 1)], b4: [f(3, 1), v(3, 1)], a6: [f(5, 0), v(5, 0)], d8: v(7, 3), c2: [f(1, 2), v(1, 2)], a4: v(3, 0) };
    });
    expect(after.b2).toEqual([null, 747506]);
    expect(after.b4).toEqual([null, 318543]);
    expect(after.a6).toEqual([null, "Statement of comprehensive loss (US$ thousands)"]);
    expect(after.d8).toBe(before.d8); // the spilled block kept its figures as constants
    expect(after.c2).toEqual(["=B2*2", 1495012]); // not a KC formula: untouched, still computing
    expect(after.a4).toBe(before.a4);
    const record = await grid((g) => {
      const s = g.engine.getSheetId("KC frozen")!;
      return [0, 1, 2, 3].map((row) => [1, 2, 3, 4].map((col) => g.engine.getCellValue({ sheet: s, row, col })));
    });
    expect(record[0]).toEqual(["Cell", "Formula (as it was)", "Value", "Source"]);
    expect(record[1]).toEqual(["Sheet1!B2", '=KC.METRIC("AdjustedEBITDA","2026Q1")', 747506, expect.stringMatching(/line 305: 747,506/)]);
    expect(record[2]).toEqual(["Sheet1!B4", '=KC.METRIC("AdjustedEBITDA",A4)', 318543, null]);
    expect(record[3]).toEqual(["Sheet1!A6:D37", '=KC.STATEMENT("IS",,"USD")', "32 x 4 values", null]); // no literal metric: no filing line (an empty cell)
    // Freezing again finds nothing left to freeze.
    await page.click("#kc-freeze");
    await page.waitForSelector("#kc-message[data-kind=info]");
    expect(await page.textContent("#kc-message")).toBe("No KC formula to freeze in Sheet1!A1:D37.");
  });

  test("Checks: the tie-outs, with the filing's own US$ footing differences called out plainly", async () => {
    await page.click("#kc-tab-checks");
    expect(await page.textContent("#kc-checks-summary")).toBe(
      "259 tie-outs: 245 agree exactly or to the printed rounding, 14 are the filing's own inconsistencies (noted below), none fails.",
    );
    expect(await page.textContent("#kc-checks-explained")).toMatch(/adds up each US\$ column on its own/);
    expect(await page.locator("#kc-checks-noted tbody tr").count()).toBe(14);
    const assets = page.locator("#kc-checks-noted tbody tr", { hasText: "TotalAssets (US$)" }).locator("td");
    expect(await assets.allTextContents()).toEqual([
      "TotalAssets (US$) = TotalAssets (RMB) / 6.8980 [US$]",
      "2026Q1",
      "4,125,290",
      "4,125,290.519",
      "the filing's US$ figure differs from RMB 28,456,254 / 6.8980 by 1 in its last printed unit: its US$ column is footed in US$",
    ]);
    expect(await page.locator("#kc-checks-all tbody tr").count()).toBe(259);
    expect(await page.locator("#kc-checks-all tbody tr[data-status=FAIL]").count()).toBe(0);
  });

  test("the task pane page loads the local office.js and mounts the same task pane outside Excel", async () => {
    const taskpane = await context.newPage();
    const errors: string[] = [];
    taskpane.on("pageerror", (error) => void errors.push(String(error)));
    await taskpane.goto(`${base}taskpane.html`);
    await taskpane.waitForSelector("#status[data-state=ready]", { timeout: 15_000 });
    expect(await taskpane.textContent("#status")).toBe("Ready (preview outside Excel).");
    await taskpane.fill("#kc-search", "ebitda");
    await taskpane.press("#kc-search", "ArrowDown");
    await taskpane.press("#kc-search", "Enter");
    await taskpane.click("#kc-insert-formula");
    expect(await taskpane.textContent("#kc-message")).toMatch(/There is no workbook here/);
    // taskpane.js has no core of its own: it found "ebitda" through the functions bundle's runtime and core.
    expect(errors).toEqual([]);
    cspOnOtherPages.push(...(await taskpane.evaluate(() => (window as { __csp?: string[] }).__csp ?? [])));
    await taskpane.close();
  });

  test("the webview check: a current browser gets the pane and no message; an old webview (simulated) gets the message, not a blank pane", async () => {
    const open = async (prepare: (p: Page) => Promise<unknown>) => {
      const p = await context.newPage();
      await prepare(p);
      await p.goto(`${base}taskpane.html`);
      return p;
    };
    const modern = await open(async () => undefined);
    await modern.waitForSelector("#status[data-state=ready]", { timeout: 15_000 });
    expect(await modern.locator("#kc-webview-message").count()).toBe(0);
    expect(await modern.isVisible("#kc-app")).toBe(true);
    cspOnOtherPages.push(...(await modern.evaluate(() => (window as { __csp?: string[] }).__csp ?? [])));
    await modern.close();
    // An engine without ES2020's built-ins (as Internet Explorer 11 and Edge Legacy lack them), and one that cannot parse
    // the bundles (a SyntaxError in functions.js): both show the message in place of the page.
    const oldEngines = [
      (p: Page) => p.addInitScript(() => void delete (Promise as { allSettled?: unknown }).allSettled),
      (p: Page) => p.route("**/functions.js", (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: "var a = ;" })),
    ];
    for (const prepare of oldEngines) {
      const old = await open(prepare);
      await old.waitForSelector("#kc-webview-message", { state: "visible", timeout: 15_000 });
      expect(await old.getAttribute("#kc-webview-message", "role")).toBe("alert");
      expect(await old.textContent("#kc-webview-message")).toMatch(/^KC for Excel cannot run in this version of Excel\..*WebView2.*Excel on the web/);
      expect(await old.isHidden("main")).toBe(true);
      await old.close();
    }
  }, 30_000);

  test("keyboard: arrow keys move between tabs, Tab reaches each control in order, Enter acts; focus is visible", async () => {
    await page.focus("#kc-tab-find");
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("kc-tab-tables");
    expect(await page.isVisible("#kc-panel-tables")).toBe(true);
    expect(await page.isHidden("#kc-panel-find")).toBe(true);
    const order: string[] = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => document.activeElement?.id ?? ""));
    }
    expect(order).toEqual(["kc-table-kind", "kc-table-currency", "kc-table-mode-formula", "kc-table-where-selection", "kc-insert-table"]);
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return [style.outlineStyle, style.outlineWidth];
    });
    expect(outline).toEqual(["solid", "2px"]);
    await page.keyboard.press("ArrowLeft"); // nothing: focus is on a button, not the tab list
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("ArrowDown"); // radio group: "On a new sheet"
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("kc-table-where-newSheet");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#kc-message[data-kind=ok]");
    expect(await page.textContent("#kc-message")).toBe('Wrote =KC.STATEMENT("IS") to \'KC IS\'!A1:D32.');
    await page.check("#kc-table-where-selection");
  });

  test("every control has a label; text in the pane reads at WCAG AA contrast (4.5:1), light and Office's dark theme", async () => {
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("#kc-app input, #kc-app select, #kc-app button")]
        .filter((e) => !(e.getAttribute("aria-label") || (e.id && document.querySelector(`label[for="${e.id}"]`)) || (e.tagName === "BUTTON" && e.textContent!.trim())))
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
    const dark = await context.newPage();
    await dark.goto(`${base}preview.html?theme=dark`);
    await dark.waitForSelector("body[data-state=ready]");
    await dark.fill("#kc-search", "ebitda");
    await dark.press("#kc-search", "ArrowDown");
    await dark.press("#kc-search", "Enter");
    expect(await dark.getAttribute("#kc-app", "data-theme")).toBe("dark");
    expect(await dark.evaluate(() => getComputedStyle(document.getElementById("kc-app")!).backgroundColor)).toBe("rgb(38, 38, 38)");
    for (const p of [page, dark]) {
      await p.click("#kc-tab-find");
      const low = await p.evaluate(CONTRAST_PROBE);
      expect(low).toEqual([]);
    }
    await dark.close();
  });

  test("hostile text typed into every input stays text: no script runs, no element is made", async () => {
    const payloads = ['<img src=x onerror="window.__xss=1">', '"><script>window.__xss=1</script>', "javascript:window.__xss=1", "=cmd|'/c calc'!A1"];
    await page.click('.grid-tabs button[data-sheet="Sheet1"]');
    const inputs = await page.evaluate(() => [...document.querySelectorAll("input:not([type=radio]), textarea")].map((e) => e.id));
    expect(inputs.sort()).toEqual(["grid-formula-bar", "kc-search"]);
    await page.click("#kc-tab-find");
    for (const text of payloads) {
      await page.fill("#kc-search", text);
      expect(await page.textContent("#kc-message")).toBe(`No metric matches '${text.trim()}'. Try a shorter word.`);
      await page.click('#grid td[data-address="H1"]');
      await page.fill("#grid-formula-bar", text);
      await page.press("#grid-formula-bar", "Enter");
      if (!text.startsWith("=")) expect(await cellText("H1")).toBe(text);
    }
    await page.click('#grid td[data-address="H1"]');
    await page.fill("#grid-formula-bar", "");
    await page.press("#grid-formula-bar", "Enter");
    await page.waitForTimeout(100); // an onerror would fire on the failed image load
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(await page.locator("img, #kc-app script, #grid script").count()).toBe(0);
  });

  test("the Content-Security-Policy is enforced: no eval, no inline script; and nothing the pages did violated it", async () => {
    // Provoked from the page's own timers and DOM (code run by the test harness itself is exempt from the policy).
    await page.evaluate(() => {
      (setTimeout as unknown as (code: string, ms: number) => void)("window.__evalRan = 1", 0); // a string timer is eval
      const script = document.createElement("script");
      script.textContent = "window.__inline = 1";
      document.head.append(script);
    });
    await page.waitForTimeout(100);
    const probe = await page.evaluate(() => ({ evalRan: (window as { __evalRan?: unknown }).__evalRan ?? "blocked", inline: (window as { __inline?: unknown }).__inline ?? null }));
    expect(probe).toEqual({ evalRan: "blocked", inline: null });
    const violations = await page.evaluate(() => (window as { __csp?: string[] }).__csp ?? []);
    // The two just provoked, and nothing else.
    expect(violations.map((v) => v.split(" ")[0]).sort()).toEqual(["script-src", "script-src-elem"]);
    expect(cspOnOtherPages).toEqual([]);
  });

  test("no page error, and every request stayed on 127.0.0.1", () => {
    expect(pageErrors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(base) && !url.startsWith("data:"))).toEqual([]);
  });
});
