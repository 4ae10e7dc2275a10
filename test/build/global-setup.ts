/**
 * Jest globalSetup of the "build" project (jest.config.js): runs webpack once for the whole test run, production and
 * development in one MultiCompiler run, into a temporary folder, and records the result for the suites
 * (shared-build.ts). Never throws for a failed build: the record carries the errors and the suites that need the build
 * fail with them, while the other suites still run.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";
import { BuildMode, BuildOutput, BuildRecord, RECORD_ENV, TEST_PRODUCTION_URL } from "./shared-build";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own CommonJS config
const makeConfig = require("../../webpack.config.js") as (env: object, argv: { mode: string }) => webpack.Configuration;

const MODES: BuildMode[] = ["production", "development"];
const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;

/** The config of one mode, writing into outDir; production for TEST_PRODUCTION_URL (given without its trailing slash: the config adds it). */
function configFor(mode: BuildMode, outDir: string): webpack.Configuration {
  const saved = process.env.KC_PRODUCTION_URL;
  process.env.KC_PRODUCTION_URL = TEST_PRODUCTION_URL.replace(/\/$/, "");
  try {
    const config = makeConfig({}, { mode });
    return { ...config, name: mode, output: { ...config.output, path: outDir }, infrastructureLogging: { level: "error" } };
  } finally {
    if (saved === undefined) delete process.env.KC_PRODUCTION_URL;
    else process.env.KC_PRODUCTION_URL = saved;
  }
}

function run(compiler: webpack.MultiCompiler): Promise<webpack.MultiStats> {
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => compiler.close(() => (error || !stats ? reject(error ?? new Error("webpack returned no stats")) : resolve(stats))));
  });
}

function outputOf(mode: BuildMode, dir: string, stats: webpack.Stats): BuildOutput {
  const json = stats.toJson({ all: false, modules: true, nestedModules: true });
  const modules = (json.modules ?? []).flatMap((m) => [m.name ?? "", ...(m.modules ?? []).map((n) => n.name ?? "")]).filter(Boolean);
  const assets = stats.compilation.getAssets().map(({ name, info }) => ({
    name,
    contenthash: ([] as string[]).concat(info.contenthash ?? []),
    immutable: info.immutable === true,
  }));
  const releaseDir = mode === "production" ? path.join(dir, PACKAGE_VERSION) : dir;
  return { mode, dir, releaseDir, assets, errors: stats.compilation.errors.map(String), warnings: stats.compilation.warnings.map(String), modules };
}

export default async function globalSetup(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kc-test-build-"));
  const recordFile = path.join(root, "build.json");
  process.env[RECORD_ENV] = recordFile; // the test workers start after this and inherit it
  const started = performance.now();
  const record: BuildRecord = { productionUrl: TEST_PRODUCTION_URL, failure: null, builds: {}, seconds: 0 };
  try {
    const dirs = MODES.map((mode) => path.join(root, mode));
    const multi = await run(webpack(MODES.map((mode, i) => configFor(mode, dirs[i]))));
    MODES.forEach((mode, i) => (record.builds[mode] = outputOf(mode, dirs[i], multi.stats[i])));
  } catch (error) {
    record.failure = String((error as Error)?.stack ?? error);
  }
  record.seconds = (performance.now() - started) / 1000;
  fs.writeFileSync(recordFile, JSON.stringify(record, null, 1));
}
