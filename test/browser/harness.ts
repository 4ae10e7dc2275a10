/**
 * What the browser tests and the screenshot script share: where the built add-in comes from (distDir: the one
 * build-specific part), a read-only static server on 127.0.0.1, and Debian's Chromium through playwright-core with the
 * flags of TOOLCHAIN.md (never a downloaded browser).
 */
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import webpack from "webpack";
import type { BrowserContext, Page } from "playwright-core";
import { RECORD_ENV, sharedBuild } from "../build/shared-build";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own CommonJS config
const makeConfig = require("../../webpack.config.js") as (env: object, argv: { mode: string }) => webpack.Configuration;

/**
 * The built add-in to test, a development build (preview page included): in a jest run, the one its globalSetup built
 * for every suite (test/build/shared-build.ts); otherwise (screenshot.ts) one made here in `scratch` (a folder the
 * caller removes). Resolves with the folder that holds it.
 */
export async function distDir(scratch: string): Promise<string> {
  if (process.env[RECORD_ENV]) return (await sharedBuild("development")).dir;
  const out = path.join(scratch, "dist");
  const config = makeConfig({}, { mode: "development" });
  config.output = { ...config.output, path: out };
  config.infrastructureLogging = { level: "error" };
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, result) => compiler.close(() => (error || !result ? reject(error) : resolve(result))));
  });
  if (stats.hasErrors()) throw new Error(stats.compilation.errors.map(String).join("\n"));
  return out;
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".xml": "text/xml", ".png": "image/png", ".map": "application/json", ".css": "text/css" };

/** Serves `dir` read-only on 127.0.0.1 (a free port); resolves with the server and its base URL. */
export function serve(dir: string): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` })));
}

/** Debian's Chromium with a fresh profile in `profileDir`. */
export async function launch(profileDir: string, viewport = { width: 1280, height: 860 }): Promise<BrowserContext> {
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, deviceScaleFactor: 1 });
}

/** Opens the preview page (the task pane beside a HyperFormula grid) in `page` and waits until the pane is ready. */
export async function openPreview(page: Page, base: string): Promise<void> {
  await page.goto(`${base}preview.html`);
  await page.waitForSelector("body[data-state=ready]", { timeout: 15_000 });
}

/** Closes what a suite opened: the browser, the server, and its scratch folder. */
export async function closeAll(context: BrowserContext | undefined, server: http.Server | undefined, scratch: string): Promise<void> {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  fs.rmSync(scratch, { recursive: true, force: true });
}
