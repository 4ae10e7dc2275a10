/**
 * The real webpack build, production and development, built once for the whole test run (shared-build.ts): what dist/
 * holds, the production URL rewrite, office.js from the CDN vs the local copy, and the generated functions.json vs the
 * golden.
 */
import * as fs from "fs";
import * as path from "path";
import type webpack from "webpack";
import { manifestProblems } from "../helpers/manifest";
import { BuildOutput, sharedBuild, TEST_PRODUCTION_URL } from "./shared-build";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own CommonJS config
const makeConfig = require("../../webpack.config.js") as ((env: object, argv: { mode: string }) => webpack.Configuration) & {
  DEV_URL: string;
  OFFICE_JS_CDN: string;
  contentSecurityPolicy(dev: boolean): string;
};

const ROOT = path.join(__dirname, "..", "..");
const PRODUCTION_URL = TEST_PRODUCTION_URL;
const golden = JSON.parse(fs.readFileSync(path.join(ROOT, "test", "functions", "functions.golden.json"), "utf8"));

let prodDir: string;
let devDir: string;
let prod: BuildOutput;
let dev: BuildOutput;
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");

beforeAll(() => {
  prod = sharedBuild("production");
  dev = sharedBuild("development");
  prodDir = prod.dir;
  devDir = dev.dir;
});

describe("npm run build (production)", () => {
  test("compiles without errors and emits the add-in", () => {
    expect(prod.errors).toEqual([]);
    for (const file of ["taskpane.html", "taskpane.js", "functions.js", "commands.js", "functions.json", "help.html", "manifest.xml"]) {
      expect(fs.existsSync(path.join(prodDir, file))).toBe(true);
    }
    for (const size of [16, 32, 64, 80, 128]) expect(fs.existsSync(path.join(prodDir, "assets", `icon-${size}.png`))).toBe(true);
    expect(fs.existsSync(path.join(prodDir, "office-js"))).toBe(false);
  });

  test("functions.json is the golden metadata, with help URLs on the production URL", () => {
    const rebased = JSON.parse(JSON.stringify(golden).split(makeConfig.DEV_URL).join(PRODUCTION_URL));
    expect(JSON.parse(read(prodDir, "functions.json"))).toEqual(rebased);
  });

  test("the manifest passes the structural checks on the production URL, and every file it names was built", async () => {
    const manifest = read(prodDir, "manifest.xml");
    expect(manifest).not.toContain("localhost");
    expect(await manifestProblems(manifest, PRODUCTION_URL, { dir: prodDir })).toEqual([]);
  });

  test("taskpane.html loads office.js from Microsoft's CDN, then the functions (runtime and core), taskpane and commands bundles", () => {
    const html = read(prodDir, "taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([makeConfig.OFFICE_JS_CDN, "functions.js", "taskpane.js", "commands.js"]);
  });

  test("one core and one filing in the shared runtime: the core in functions.js only, and no script has HyperFormula", () => {
    const scripts = fs.readdirSync(prodDir).filter((f) => f.endsWith(".js"));
    expect(scripts.sort()).toEqual(["commands.js", "functions.js", "taskpane.js"]);
    // A sentence of the filing's prose (only the task pane's source view embeds the text) and a message of the core.
    const proseLine = "Fulfillment costs and other costs were";
    expect(fs.readFileSync(path.join(ROOT, "src", "data", "sources", "kingsoft-cloud-2026q1-press-release.txt"), "utf8")).toContain(proseLine);
    const holding = (needle: string) => scripts.filter((f) => read(prodDir, f).includes(needle));
    expect(holding(proseLine)).toHaveLength(1);
    expect(holding("KC.MARGIN divides two amounts")).toEqual(["functions.js"]);
    // taskpane.js still uses the core: it reaches it through the shared runtime, not a copy.
    expect(read(prodDir, "taskpane.js")).toMatch(/webpackChunk/);
    for (const file of scripts) expect(read(prodDir, file).toLowerCase()).not.toContain("hyperformula");
  });

  test("functions.js associates every id in functions.json (the plugin's loader ran)", () => {
    const js = read(prodDir, "functions.js");
    for (const fn of golden.functions) expect(js).toContain(`CustomFunctions.associate("${fn.id}",`);
  });

  test("help.html has the section every helpUrl points at", () => {
    const help = read(prodDir, "help.html");
    for (const fn of golden.functions) {
      const anchor = String(fn.helpUrl).split("#")[1];
      expect(help).toMatch(new RegExp(`id="?${anchor}"?[ >]`)); // production HTML may drop the quotes
      expect(help).toContain(`KC.${fn.name}(`);
    }
  });

  test("the pages' Content-Security-Policy: scripts from the add-in's origin and office.js's only, no inline code, no eval", () => {
    const html = read(prodDir, "taskpane.html");
    const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/i.exec(html)?.[1];
    expect(csp).toBe(makeConfig.contentSecurityPolicy(false));
    const directives = Object.fromEntries(csp!.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["style-src"]).toEqual(["'self'"]);
    expect(directives["connect-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    // Every script has a src (none inline), no <style> element, no style attribute, the stylesheet is a file.
    expect([...html.matchAll(/<script\b[^>]*>/g)].every((m) => /\bsrc=/.test(m[0]))).toBe(true);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    expect(html).toMatch(/<link rel="?stylesheet"? href="?taskpane\.css"?/);
    expect(fs.existsSync(path.join(prodDir, "taskpane.css"))).toBe(true);
    for (const file of ["functions.js", "taskpane.js", "commands.js"]) expect(read(prodDir, file)).not.toMatch(/\beval\(|new Function\(/);
  });

  test("a production URL that is not https is refused", () => {
    process.env.KC_PRODUCTION_URL = "http://kc.test.example/";
    try {
      expect(() => makeConfig({}, { mode: "production" })).toThrow(/must be an https:\/\/ URL/);
    } finally {
      delete process.env.KC_PRODUCTION_URL;
    }
  });
});

describe("npm run build:dev", () => {
  test("keeps the localhost URLs and serves office.js from a local copy beside its mapping table", async () => {
    expect(dev.errors).toEqual([]);
    expect(await manifestProblems(read(devDir, "manifest.xml"), makeConfig.DEV_URL, { dir: devDir })).toEqual([]);
    expect(read(devDir, "taskpane.html")).toContain('src="office-js/office.js"');
    for (const file of ["office.js", "o15apptofilemappingtable.js"]) expect(fs.existsSync(path.join(devDir, "office-js", file))).toBe(true);
    expect(JSON.parse(read(devDir, "functions.json"))).toEqual(golden);
  });

  test("the development pages carry the same policy with scripts from their own origin only, and no eval-based source maps", () => {
    for (const page of ["taskpane.html", "preview.html"]) {
      const html = read(devDir, page);
      expect(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]).toBe(makeConfig.contentSecurityPolicy(true));
      expect(html).not.toMatch(/<style|\sstyle=|<script>/i);
    }
    expect(makeConfig.contentSecurityPolicy(true)).toMatch(/script-src 'self';/);
    expect(makeConfig({}, { mode: "development" }).devtool).toBe("source-map");
    for (const file of ["functions.js", "taskpane.js", "commands.js"]) expect(read(devDir, file)).not.toMatch(/\beval\(|new Function\(/);
  });
});
