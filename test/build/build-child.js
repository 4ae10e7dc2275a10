/**
 * The test run's one webpack build, in a process of its own so that jest's other suites run while it builds (the
 * "build" project's globalSetup starts it and returns at once; global-setup.ts). Production (for the test URL) and
 * development in one MultiCompiler run into OUT_DIR, then what was built is written to RECORD_FILE (see
 * shared-build.ts for its shape), atomically, so a suite waiting for it never reads half a file.
 *   node test/build/build-child.js OUT_DIR RECORD_FILE TEST_PRODUCTION_URL
 */
"use strict";
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");

const [outRoot, recordFile, productionUrl] = process.argv.slice(2);
const ROOT = path.join(__dirname, "..", "..");
const makeConfig = require(path.join(ROOT, "webpack.config.js"));
const MODES = ["production", "development"];
const PACKAGE_VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;

/** The config of one mode, writing into outDir; production for the test URL (given without its trailing slash: the config adds it). */
function configFor(mode, outDir) {
  process.env.KC_PRODUCTION_URL = productionUrl.replace(/\/$/, "");
  const config = makeConfig({}, { mode });
  return { ...config, name: mode, output: { ...config.output, path: outDir }, infrastructureLogging: { level: "error" } };
}

function outputOf(mode, dir, stats) {
  const json = stats.toJson({ all: false, modules: true, nestedModules: true });
  const modules = (json.modules ?? []).flatMap((m) => [m.name ?? "", ...(m.modules ?? []).map((n) => n.name ?? "")]).filter(Boolean);
  const assets = stats.compilation.getAssets().map(({ name, info }) => ({ name, contenthash: [].concat(info.contenthash ?? []), immutable: info.immutable === true }));
  const releaseDir = mode === "production" ? path.join(dir, PACKAGE_VERSION) : dir;
  return { mode, dir, releaseDir, assets, errors: stats.compilation.errors.map(String), warnings: stats.compilation.warnings.map(String), modules };
}

function write(record) {
  fs.writeFileSync(`${recordFile}.partial`, JSON.stringify(record, null, 1));
  fs.renameSync(`${recordFile}.partial`, recordFile);
}

const started = performance.now();
const record = { productionUrl, failure: null, builds: {}, seconds: 0 };
try {
  const dirs = MODES.map((mode) => path.join(outRoot, mode));
  const compiler = webpack(MODES.map((mode, i) => configFor(mode, dirs[i])));
  compiler.run((error, stats) =>
    compiler.close(() => {
      if (error || !stats) record.failure = String(error?.stack ?? error ?? "webpack returned no stats");
      else MODES.forEach((mode, i) => (record.builds[mode] = outputOf(mode, dirs[i], stats.stats[i])));
      record.seconds = (performance.now() - started) / 1000;
      write(record);
    }),
  );
} catch (error) {
  record.failure = String(error?.stack ?? error);
  write(record);
}
