/**
 * Takes the README's screenshot of the task pane (assets/taskpane-preview.png): a development build served on
 * 127.0.0.1, the preview page in Debian's headless Chromium, the income statement inserted as a KC.STATEMENT spill and
 * Adjusted EBITDA traced to line 305 of the filing. Run: npx ts-node --transpile-only test/browser/screenshot.ts
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own CommonJS config
const makeConfig = require("../../webpack.config.js") as (env: object, argv: { mode: string }) => webpack.Configuration;
const OUT = path.join(__dirname, "..", "..", "assets", "taskpane-preview.png");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kc-shot-"));
  const dist = path.join(tmp, "dist");
  const config = makeConfig({}, { mode: "development" });
  config.output = { ...config.output, path: dist };
  await new Promise<void>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => compiler.close(() => (error || stats?.hasErrors() ? reject(error ?? new Error(String(stats?.compilation.errors))) : resolve())));
  });
  const server = http.createServer((req, res) => {
    const file = path.join(dist, new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    if (!file.startsWith(dist) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, deviceScaleFactor: 1 });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/preview.html`);
    await page.waitForSelector("body[data-state=ready]");
    await page.click("#kc-tab-tables");
    await page.click('#grid td[data-address="A1"]');
    await page.click("#kc-insert-table");
    await page.waitForSelector("#kc-message[data-kind=ok]");
    await page.click("#kc-tab-find");
    await page.fill("#kc-search", "adjusted ebitda");
    await page.press("#kc-search", "ArrowDown");
    await page.press("#kc-search", "Enter");
    await page.click("#kc-show-source");
    await page.click('#grid td[data-address="A1"]');
    await page.screenshot({ path: OUT });
    console.log(`wrote ${OUT}`);
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
