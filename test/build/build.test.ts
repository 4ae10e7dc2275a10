/**
 * The real webpack build, production and development, built once for the whole test run (shared-build.ts): what dist/
 * holds, the production URL rewrite into the release folder, hashed script names and no source maps in production,
 * the manifest's version, comments and schema, office.js from the CDN vs the local copy, the old-webview check, and
 * the generated functions.json vs the golden.
 */
import * as fs from "fs";
import * as path from "path";
import type webpack from "webpack";
import { kid, manifestProblems, parseManifest, text } from "../helpers/manifest";
import { describeWithXmllint, validateManifest } from "../helpers/xmllint";
import { BuildOutput, sharedBuild, TEST_PRODUCTION_URL } from "./shared-build";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own CommonJS config
const makeConfig = require("../../webpack.config.js") as ((env: object, argv: { mode: string }) => webpack.Configuration) & {
  DEV_URL: string;
  OFFICE_JS_CDN: string;
  contentSecurityPolicy(dev: boolean): string;
  manifestVersion(version?: string): string;
};
// acorn, webpack's own parser, to prove a file is plain ES5.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const acorn = require(require.resolve("acorn", { paths: [path.dirname(require.resolve("webpack"))] })) as { parse(code: string, options: object): unknown };

const ROOT = path.join(__dirname, "..", "..");
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const PRODUCTION_URL = TEST_PRODUCTION_URL;
/** Where every file the production manifest names is served from. */
const RELEASE_URL = `${PRODUCTION_URL}${PACKAGE_VERSION}/`;
const golden = JSON.parse(fs.readFileSync(path.join(ROOT, "src", "dev", "functions.json"), "utf8"));
const HASHED_SCRIPT = /^(functions|taskpane|commands|webview-check)\.([0-9a-f]{8})\.js$/;

let prod: BuildOutput;
let dev: BuildOutput;
/** The production release folder (dist/<version>/) and the development output (dist/). */
let releaseDir: string;
let devDir: string;
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");
/** The scripts a page loads, in order. */
const pageScripts = (html: string) => [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
/** Every file under dir, relative to it. */
const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)).map((f) => `${entry.name}/${f}`) : [entry.name]));
/** The production script whose name starts with `name.` (functions, taskpane, commands, webview-check). */
const prodScript = (name: string) => {
  const found = fs.readdirSync(releaseDir).filter((f) => HASHED_SCRIPT.exec(f)?.[1] === name);
  expect(found).toHaveLength(1);
  return found[0];
};

beforeAll(async () => {
  prod = await sharedBuild("production");
  dev = await sharedBuild("development");
  releaseDir = prod.releaseDir;
  devDir = dev.dir;
}, 240_000);

describe("npm run build (production)", () => {
  test("compiles without errors; dist/ holds manifest.xml and the release folder named by package.json's version", () => {
    expect(prod.errors).toEqual([]);
    expect(releaseDir).toBe(path.join(prod.dir, PACKAGE_VERSION));
    expect(fs.readdirSync(prod.dir).sort()).toEqual([PACKAGE_VERSION, "manifest.xml"]);
    for (const file of ["taskpane.html", "taskpane.css", "functions.json", "help.html"]) expect(fs.existsSync(path.join(releaseDir, file))).toBe(true);
    for (const name of ["functions", "taskpane", "commands", "webview-check"]) prodScript(name);
    for (const size of [16, 32, 64, 80, 128]) expect(fs.existsSync(path.join(releaseDir, "assets", `icon-${size}.png`))).toBe(true);
    expect(fs.existsSync(path.join(releaseDir, "office-js"))).toBe(false);
  });

  test("functions.json is the golden metadata, with help URLs in the release folder on the production URL", () => {
    const rebased = JSON.parse(JSON.stringify(golden).split(makeConfig.DEV_URL).join(RELEASE_URL));
    expect(JSON.parse(read(releaseDir, "functions.json"))).toEqual(rebased);
  });

  test("the manifest passes the structural checks with every URL in the release folder, and every file it names was built", async () => {
    const manifest = read(prod.dir, "manifest.xml");
    expect(manifest).not.toContain("localhost");
    expect(await manifestProblems(manifest, RELEASE_URL, { dir: releaseDir })).toEqual([]);
  });

  test("the manifest's <Version> is package.json's version", async () => {
    const { root } = await parseManifest(read(prod.dir, "manifest.xml"));
    expect(text(kid(root, "Version"))).toBe(makeConfig.manifestVersion(PACKAGE_VERSION));
    expect(text(kid(root, "Version"))).toBe(`${PACKAGE_VERSION}.0`);
  });

  test("the manifest's comments are true of it: the release and its folder, no dev server", () => {
    const comments = [...read(prod.dir, "manifest.xml").matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1]);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain(`KC for Excel ${PACKAGE_VERSION}`);
    expect(comments[0]).toContain(RELEASE_URL);
    expect(comments[0]).not.toMatch(/localhost|npm start|dev(elopment)? (server|manifest)|KC_PRODUCTION_URL/i);
    // The source's comment describes the development manifest, which is what the build must not carry over.
    expect(read(ROOT, "manifest.xml")).toMatch(/<!--[\s\S]*https:\/\/localhost:3000\/ \(npm start\)[\s\S]*-->/);
  });

  test("taskpane.html loads the webview check, office.js from Microsoft's CDN, then the functions (runtime and core), taskpane and commands bundles", () => {
    const scripts = pageScripts(read(releaseDir, "taskpane.html"));
    expect(scripts).toEqual([prodScript("webview-check"), makeConfig.OFFICE_JS_CDN, prodScript("functions"), prodScript("taskpane"), prodScript("commands")]);
  });

  test("cache safety: every script is named by its content hash, and the manifest names the functions script the page loads", async () => {
    const scripts = fs.readdirSync(releaseDir).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBe(4);
    for (const script of scripts) {
      const [, , hash] = HASHED_SCRIPT.exec(script) ?? [];
      expect({ script, hashed: Boolean(hash) }).toEqual({ script, hashed: true });
      const asset = prod.assets.find((a) => a.name === `${PACKAGE_VERSION}/${script}`);
      // webpack's own account (webview-check.js is copied as is: its hash is the config's SHA-256 of its content).
      if (!script.startsWith("webview-check.")) expect(asset).toMatchObject({ immutable: true, contenthash: [hash] });
    }
    expect(new Set(scripts.map((s) => HASHED_SCRIPT.exec(s)![2])).size).toBe(scripts.length);
    const { resources } = await parseManifest(read(prod.dir, "manifest.xml"));
    expect(resources.get("Functions.Script.Url")?.value).toBe(`${RELEASE_URL}${prodScript("functions")}`);
    expect(resources.get("Functions.Metadata.Url")?.value).toBe(`${RELEASE_URL}functions.json`);
    expect(resources.get("Taskpane.Url")?.value).toBe(`${RELEASE_URL}taskpane.html`);
  });

  test("no source maps: no .map file and no sourceMappingURL in any file", () => {
    const files = filesUnder(prod.dir);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const file of files.filter((f) => !f.endsWith(".png"))) expect({ file, map: read(prod.dir, file).includes("sourceMappingURL") }).toEqual({ file, map: false });
  });

  test("one core and one filing in the shared runtime: the core in functions.js only, and no script has HyperFormula", () => {
    const scripts = [prodScript("functions"), prodScript("taskpane"), prodScript("commands")];
    // A sentence of the filing's prose (only the task pane's source view embeds the text) and a message of the core.
    const proseLine = "Fulfillment costs and other costs were";
    expect(fs.readFileSync(path.join(ROOT, "src", "data", "sources", "kingsoft-cloud-2026q1-press-release.txt"), "utf8")).toContain(proseLine);
    const holding = (needle: string) => scripts.filter((f) => read(releaseDir, f).includes(needle));
    expect(holding(proseLine)).toHaveLength(1);
    expect(holding("KC.MARGIN divides two amounts")).toEqual([prodScript("functions")]);
    // taskpane.js still uses the core: it reaches it through the shared runtime, not a copy.
    expect(read(releaseDir, prodScript("taskpane"))).toMatch(/webpackChunk/);
    for (const file of fs.readdirSync(releaseDir).filter((f) => f.endsWith(".js"))) expect(read(releaseDir, file).toLowerCase()).not.toContain("hyperformula");
  });

  test("functions.js associates every id in functions.json (the plugin's loader ran)", () => {
    const js = read(releaseDir, prodScript("functions"));
    for (const fn of golden.functions) expect(js).toContain(`CustomFunctions.associate("${fn.id}",`);
  });

  test("help.html has the section every helpUrl points at", () => {
    const help = read(releaseDir, "help.html");
    for (const fn of golden.functions) {
      const anchor = String(fn.helpUrl).split("#")[1];
      expect(help).toMatch(new RegExp(`id="?${anchor}"?[ >]`)); // production HTML may drop the quotes
      expect(help).toContain(`KC.${fn.name}(`);
    }
  });

  test("the pages' Content-Security-Policy: scripts from the add-in's origin and office.js's only, no inline code, no eval", () => {
    const html = read(releaseDir, "taskpane.html");
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
    expect(fs.existsSync(path.join(releaseDir, "taskpane.css"))).toBe(true);
    for (const file of fs.readdirSync(releaseDir).filter((f) => f.endsWith(".js"))) expect(read(releaseDir, file)).not.toMatch(/\beval\(|new Function\(/);
  });

  test("the webview check ships as written, plain ES5 (an old webview must be able to parse it)", () => {
    const shipped = read(releaseDir, prodScript("webview-check"));
    expect(shipped).toBe(read(ROOT, "src/webview-check.js"));
    expect(() => acorn.parse(shipped, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    // The parser does refuse later syntax, so the line above can fail.
    expect(() => acorn.parse("var f = () => 1;", { ecmaVersion: 5, sourceType: "script" })).toThrow();
  });

  test("a production URL that is not https is refused, and none at all stops the build with how to set it", () => {
    const saved = process.env.KC_PRODUCTION_URL;
    try {
      process.env.KC_PRODUCTION_URL = "http://kc.test.example/";
      expect(() => makeConfig({}, { mode: "production" })).toThrow(/must be an https:\/\/ URL/);
      delete process.env.KC_PRODUCTION_URL;
      expect(() => makeConfig({}, { mode: "production" })).toThrow(/KC_PRODUCTION_URL is not set[\s\S]*KC_PRODUCTION_URL=https:\/\/\S+ npm run build/);
      expect(() => makeConfig({}, { mode: "development" })).not.toThrow();
    } finally {
      if (saved === undefined) delete process.env.KC_PRODUCTION_URL;
      else process.env.KC_PRODUCTION_URL = saved;
    }
  });
});

describeWithXmllint("the built manifests against Microsoft's manifest schema (xmllint)", () => {
  test("production and development validate", () => {
    for (const dir of [prod.dir, devDir]) expect(validateManifest(read(dir, "manifest.xml"))).toEqual({ valid: true, messages: "" });
  });
});

describe("npm run build:dev", () => {
  test("keeps the localhost URLs and plain names, and serves office.js from a local copy beside its mapping table", async () => {
    expect(dev.errors).toEqual([]);
    expect(dev.releaseDir).toBe(devDir);
    expect(await manifestProblems(read(devDir, "manifest.xml"), makeConfig.DEV_URL, { dir: devDir })).toEqual([]);
    expect(read(devDir, "manifest.xml")).toBe(read(ROOT, "manifest.xml")); // its Version already is package.json's
    const html = read(devDir, "taskpane.html");
    expect(pageScripts(html)).toEqual(["webview-check.js", "office-js/office.js", "functions.js", "taskpane.js", "commands.js"]);
    for (const file of ["office.js", "o15apptofilemappingtable.js"]) expect(fs.existsSync(path.join(devDir, "office-js", file))).toBe(true);
    expect(JSON.parse(read(devDir, "functions.json"))).toEqual(golden);
  });

  test("the development pages carry the same policy with scripts from their own origin only, and separate source maps (never eval-based)", () => {
    for (const page of ["taskpane.html", "preview.html"]) {
      const html = read(devDir, page);
      expect(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]).toBe(makeConfig.contentSecurityPolicy(true));
      expect(html).not.toMatch(/<style|\sstyle=|<script>/i);
    }
    expect(makeConfig.contentSecurityPolicy(true)).toMatch(/script-src 'self';/);
    expect(makeConfig({}, { mode: "development" }).devtool).toBe("source-map");
    for (const file of ["functions.js", "taskpane.js", "commands.js"]) {
      expect(read(devDir, file)).not.toMatch(/\beval\(|new Function\(/);
      expect(read(devDir, file)).toContain(`//# sourceMappingURL=${file}.map`);
      expect(fs.existsSync(path.join(devDir, `${file}.map`))).toBe(true);
    }
  });
});
