/**
 * No GPL code ships. HyperFormula (GPL-3.0, dual licensed) stays in devDependencies, for tests, benchmarks and the
 * development-only preview page; the production bundle must not carry any of it, and every package the add-in
 * depends on at run time must be under a licence that is not GPL-family (GPL, LGPL, AGPL).
 *
 * Reads the production build the test run shares (test/build/shared-build.ts):
 *   - webpack's module list: no module from node_modules/hyperformula (or any GPL-family package);
 *   - every emitted .js, .html and extracted *.LICENSE.txt file: no HyperFormula marker, no GPL licence text;
 *   - the production dependency tree (`npm ls --omit=dev --all --parseable`): each package's licence field.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { BuildOutput, sharedBuild } from "../build/shared-build";

const ROOT = path.join(__dirname, "..", "..");
/** Licence identifiers and texts of the GPL family (SPDX ids, and the words licence headers use). */
const GPL = /\b(A|L)?GPL(-?[123](\.0)?)?\b|GNU (Affero |Lesser |Library )?General Public Licen[cs]e/i;
/** Strings HyperFormula's code carries (its class name, licence key check, error types, package name). */
const HYPERFORMULA_MARKERS = ["hyperformula", "gpl-v3", "#LIC!", "licenseKey", "handsontable"];

let outDir: string;
let build: BuildOutput;

beforeAll(async () => {
  build = await sharedBuild("production");
  outDir = build.dir;
}, 240_000);

/** Every file the build emitted, relative to the output folder. */
function emitted(dir = outDir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? emitted(full) : [path.relative(outDir, full)];
  });
}

test("the production build succeeds", () => {
  expect(build.errors).toEqual([]);
  const names = emitted().map((f) => path.basename(f));
  for (const script of ["functions", "taskpane", "commands"]) expect(names.filter((n) => new RegExp(`^${script}\\.[0-9a-f]{8}\\.js$`).test(n))).toHaveLength(1);
  expect(names).toContain("taskpane.html");
});

test("no module of the bundle comes from HyperFormula or another GPL-family package", () => {
  const names = build.modules;
  expect(names.length).toBeGreaterThan(0);
  const packages = [...new Set(names.map((n) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(n)?.[1]).filter((p): p is string => Boolean(p)))];
  expect(packages).not.toContain("hyperformula");
  for (const pkg of packages) {
    const license = readLicense(path.join(ROOT, "node_modules", pkg));
    expect({ pkg, license, gpl: GPL.test(license) }).toEqual({ pkg, license, gpl: false });
  }
});

test("no emitted script, page or licence file carries HyperFormula or a GPL licence", () => {
  const files = emitted().filter((f) => /\.(js|mjs|html|txt)$/.test(f));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = fs.readFileSync(path.join(outDir, file), "utf8");
    const lower = text.toLowerCase();
    for (const marker of HYPERFORMULA_MARKERS) expect({ file, marker, found: lower.includes(marker.toLowerCase()) }).toEqual({ file, marker, found: false });
    expect({ file, gpl: GPL.exec(text)?.[0] ?? null }).toEqual({ file, gpl: null });
  }
});

test("HyperFormula is a devDependency only, and no production dependency is GPL-family", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
  expect(Object.keys(pkg.dependencies ?? {})).not.toContain("hyperformula");
  expect(Object.keys(pkg.devDependencies ?? {})).toContain("hyperformula");
  // The production tree, as the lockfile has it (what npm ci installs; read from the lockfile, not from node_modules,
  // which a git worktree shares by a symlink). npm ls exits 1 for the omitted peer TOOLCHAIN.md describes: read stdout.
  let out: string;
  try {
    out = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable", "--package-lock-only"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? "");
  }
  const dirs = out.split("\n").filter((line) => line.trim() !== "" && path.resolve(line) !== ROOT);
  expect(dirs.length).toBeGreaterThanOrEqual(Object.keys(pkg.dependencies ?? {}).length);
  for (const dir of dirs) {
    const license = readLicense(dir);
    expect({ dir: path.relative(ROOT, dir), license, gpl: GPL.test(license) || license === "" }).toEqual({ dir: path.relative(ROOT, dir), license, gpl: false });
  }
});

/** A package's declared licence: `license` (SPDX expression) or the older `licenses` array, as one string. */
function readLicense(dir: string): string {
  const meta = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
  if (typeof meta.license === "string") return meta.license;
  if (meta.license && typeof meta.license.type === "string") return meta.license.type;
  if (Array.isArray(meta.licenses)) return meta.licenses.map((l: { type?: string }) => l.type ?? "").join(" OR ");
  return "";
}
