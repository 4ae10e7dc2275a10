/**
 * (5) Task pane in headless Chromium, run as its own process by run.js: serves the production build over plain http
 * on 127.0.0.1, answers the office.js CDN request with the local copy from @microsoft/office-js (nothing leaves the
 * machine; every other outside request is aborted and reported), and times navigation -> DOMContentLoaded -> load ->
 * Office.onReady (the status switching to data-state="ready") -> the first search answered (FIRST_QUERY put in the
 * search box as soon as the pane mounts it, results laid out), then the time per real key press in the search box
 * (keydown to the end of the input handlers with layout; paint excluded). Each navigation is a new page with
 * caching off (no-store). Prints one JSON line.
 *   node bench/taskpane.js DIST_DIR [RUNS]
 * Needs Debian's chromium (/usr/bin/chromium, or KC_CHROMIUM); never downloads a browser.
 */
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");

const dir = require("./built-files").releaseFolder(path.resolve(process.argv[2] || "dist"));
const runs = Number(process.argv[3] || 5);
const chromium = process.env.KC_CHROMIUM || "/usr/bin/chromium";
const officeJsDir = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
/** The first search, answered as soon as the box is mounted; then these are typed key by key and erased. */
const FIRST_QUERY = "revenue";
const QUERIES = ["adjusted ebitda", "net loss", "gross margin", "cash", "operating expenses"];
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".xml": "application/xml", ".map": "application/json" };

function serve(root) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function main() {
  if (!fs.existsSync(chromium)) {
    process.stdout.write(JSON.stringify({ skipped: `no Chromium at ${chromium} (apt-get install -y chromium)` }) + "\n");
    return;
  }
  const { chromium: pw } = require("playwright-core");
  const server = await serve(dir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const userDataDir = fs.mkdtempSync(path.join(require("os").tmpdir(), "kc-bench-chromium-"));
  const browser = await pw.launchPersistentContext(userDataDir, {
    executablePath: chromium,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const outside = new Set();
  const errors = new Set();
  const samples = [];
  const keystrokes = [];
  let searchBox = false;
  try {
    for (let i = 0; i <= runs; i++) {
      // A new page per run with the cache bypassed (no-store + fresh page); run 0 is a warm-up of Chromium itself.
      const page = await browser.newPage();
      await page.route("**/*", async (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1") return route.continue();
        if (url.hostname === "appsforoffice.microsoft.com") {
          const local = path.join(officeJsDir, path.basename(url.pathname));
          if (fs.existsSync(local)) return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(local) });
        }
        outside.add(url.href);
        return route.abort();
      });
      page.on("pageerror", (e) => errors.add(String(e.message).slice(0, 200)));
      await page.addInitScript(`(${(FIRST_QUERY_ARG) => {
        // Runs before the page's scripts: records when Office.onReady marks the pane ready, and answers a first search
        // as soon as the search box is mounted (a timer later, so the pane's listeners are attached): "navigation to
        // the search answering", measured in the page (performance.now() counts from navigation start).
        new MutationObserver(() => {
          const s = document.getElementById("status");
          if (s && s.dataset.state === "ready" && window.__kcReady === undefined) window.__kcReady = performance.now();
          const box = document.getElementById("kc-search");
          if (box && window.__kcSearchStarted === undefined) {
            window.__kcSearchStarted = performance.now();
            setTimeout(() => {
              const t0 = performance.now();
              box.value = FIRST_QUERY_ARG;
              box.dispatchEvent(new Event("input", { bubbles: true }));
              document.getElementById("kc-results")?.getBoundingClientRect(); // layout included
              const t1 = performance.now();
              window.__kcFirstSearch = { answeredAt: t1, searchMs: t1 - t0, options: document.querySelectorAll('#kc-results [role="option"]').length };
            }, 0);
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
        // Per keystroke: from the real keydown (captured first) to the end of the input handlers, layout included.
        window.__kcKeys = [];
        window.addEventListener("keydown", () => (window.__kcKeyDown = performance.now()), true);
        window.addEventListener("input", () => {
          if (window.__kcKeyDown === undefined) return;
          document.getElementById("kc-results")?.getBoundingClientRect();
          window.__kcKeys.push(performance.now() - window.__kcKeyDown);
          window.__kcKeyDown = undefined;
        });
      }})(${JSON.stringify(FIRST_QUERY)})`);
      await page.goto(`${base}taskpane.html`, { waitUntil: "load" });
      let ready = null;
      try {
        await page.waitForFunction(() => window.__kcReady !== undefined, null, { timeout: 5000 });
        ready = await page.evaluate(() => window.__kcReady);
      } catch {
        ready = null;
      }
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0];
        return { responseEnd: n.responseEnd, domInteractive: n.domInteractive, domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
      });
      searchBox = await page.evaluate(() => Boolean(document.querySelector('input[type="search"], input[type="text"], [role="searchbox"]')));
      let firstSearch = null;
      if (searchBox) {
        await page.waitForFunction(() => window.__kcFirstSearch !== undefined, null, { timeout: 5000 }).catch(() => undefined);
        firstSearch = await page.evaluate(() => window.__kcFirstSearch ?? null);
        if (i > 0) {
          // Real key presses into the search box: each query typed, then erased.
          await page.evaluate(() => {
            const box = document.getElementById("kc-search");
            box.value = "";
            box.dispatchEvent(new Event("input", { bubbles: true }));
            box.focus();
            window.__kcKeys = [];
          });
          for (const query of QUERIES) {
            for (const ch of query) await page.keyboard.press(ch === " " ? "Space" : ch);
            for (let k = 0; k < query.length; k++) await page.keyboard.press("Backspace");
          }
          keystrokes.push(...(await page.evaluate(() => window.__kcKeys)));
        }
      }
      if (i > 0) samples.push({ ...nav, ready, firstSearch });
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ samples, searchBox, keystrokes, queries: QUERIES, outsideRequests: [...outside], pageErrors: [...errors] }) + "\n");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
