/**
 * Takes the README's screenshots of the task pane, one per tab, at Excel's default pane width (350 px): a development
 * build served on 127.0.0.1, the preview page in Debian's headless Chromium, and what an analyst does on each tab:
 *   assets/taskpane-preview-find.png    Adjusted EBITDA traced to line 305 of the filing
 *   assets/taskpane-preview-tables.png  the income statement inserted as a KC.STATEMENT spill
 *   assets/taskpane-preview-model.png   the model built, then the sheet's KC formulas frozen
 *   assets/taskpane-preview-checks.png  the tie-outs, the filing's own inconsistencies explained
 *   assets/taskpane-preview-releases.png the Q2 2026 release's exhibit read, before it is added (its restatements listed)
 *   assets/forecast-preview.png         Build forecast: the Forecast sheet beside the pane, a driver typed over
 * Run: npx ts-node --transpile-only test/browser/screenshot.ts
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { renderExhibit } from "../core/edgar-exhibit";
import { secondQuarterFiling } from "../core/filing-variants";
import { distDir, launch, serve } from "./harness";

const ASSETS = path.join(__dirname, "..", "..", "assets");
const PANE = { width: 350, height: 1240 };

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kc-shot-"));
  const { server, base } = await serve(await distDir(tmp));
  const context = await launch(path.join(tmp, "profile"), { width: 1100, height: PANE.height });
  try {
    const page = await context.newPage();
    await page.goto(`${base}preview.html?pane=${PANE.width}`);
    await page.waitForSelector("body[data-state=ready]");
    const shoot = async (tab: string) => {
      const file = path.join(ASSETS, `taskpane-preview-${tab}.png`);
      // The pane down to the end of what it shows (no empty band below a short tab).
      const height = await page.evaluate(() => {
        const app = document.getElementById("kc-app")!;
        const bottom = Math.max(...[...app.querySelectorAll("*")].map((e) => e.getBoundingClientRect().bottom));
        return Math.min(Math.ceil(bottom) + 12, app.clientHeight);
      });
      await page.screenshot({ path: file, clip: { x: 0, y: 0, width: PANE.width, height } });
      console.log(`wrote ${file}`);
    };
    const formula = async (address: string, text: string) => {
      await page.click(`#grid td[data-address="${address}"]`);
      await page.fill("#grid-formula-bar", text);
      await page.press("#grid-formula-bar", "Enter");
    };

    await page.fill("#kc-search", "adjusted ebitda");
    await page.press("#kc-search", "ArrowDown");
    await page.press("#kc-search", "Enter");
    await page.press("#kc-search", "Escape"); // the list closes; the metric stays
    await page.click("#kc-show-source");
    await page.evaluate(() => (document.getElementById("kc-app")!.scrollTop = 0));
    await shoot("find");

    await page.click("#kc-tab-tables");
    await page.click('#grid td[data-address="A1"]');
    await page.click("#kc-insert-table");
    await page.waitForSelector("#kc-message-tables[data-kind=ok]");
    await shoot("tables");

    await formula("F1", '=KC.METRIC("AdjustedEBITDA","2026Q1")');
    await formula("F2", '=F1*KC.METRIC("TotalRevenues","2026Q1")/1000000');
    await page.click("#kc-tab-model");
    await page.click("#kc-build-model");
    await page.waitForSelector("#kc-message-model[data-kind=ok]");
    await page.click('.grid-tabs button[data-sheet="Sheet1"]');
    await page.check("#kc-freeze-sheet");
    await page.click("#kc-freeze");
    await page.waitForSelector("#kc-message-model[data-kind=ok]");
    await shoot("model");

    await page.click("#kc-tab-checks");
    await shoot("checks");

    const exhibit = path.join(tmp, "kc-2026q2-ex99-1.htm");
    fs.writeFileSync(exhibit, renderExhibit(secondQuarterFiling({ restate: true })));
    await page.click("#kc-tab-releases");
    await page.setInputFiles("#kc-release-file", exhibit);
    await page.waitForSelector("#kc-release-preview:not([hidden])");
    await shoot("releases");

    // The forecast: the page as a whole, the Forecast sheet in the grid, public cloud +5% typed in its first quarter.
    await page.setViewportSize({ width: 2000, height: 1000 });
    await page.click("#kc-tab-model");
    await page.click("#kc-build-forecast");
    await page.waitForSelector("#kc-message-model[data-kind=ok]");
    const driver = (await page.textContent("#grid-address"))!.split("!")[1];
    await formula(driver, "0.05");
    await page.evaluate(() => document.querySelector(".grid-scroll")!.scrollTo(0, 0)); // the labels and the first quarters
    const forecastFile = path.join(ASSETS, "forecast-preview.png");
    await page.screenshot({ path: forecastFile, clip: { x: 0, y: 0, width: 2000, height: 1000 } });
    console.log(`wrote ${forecastFile}`);
  } finally {
    await context.close();
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
