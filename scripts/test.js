#!/usr/bin/env node
/**
 * npm test: the type-check (tsc --noEmit) and jest's unit project (jest.config.js), side by side rather than one after
 * the other: tsc takes about twelve seconds of one core, which jest's start leaves partly idle. Both always run to the
 * end; the exit code is the first failure's; jest's output is shown as it runs, tsc's after it.
 * Arguments go to jest: `npm test -- test/core`. The build, browser and LibreOffice suites are `npm run test:e2e`.
 */
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.join(__dirname, "..");
/** A package's own file, by its folder (jest's package.json exports no bin path). */
const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [ROOT] })), file);

/** Runs node with args in ROOT; resolves with the exit code and what it printed (or inherits the output). */
function run(args, capture) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    if (capture) {
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
    }
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

async function main() {
  const typeCheck = run([bin("typescript", "bin/tsc"), "--noEmit", "-p", "tsconfig.json"], true);
  const jest = run([bin("jest", "bin/jest.js"), "--selectProjects", "unit", ...process.argv.slice(2)], false);
  const [tsc, tests] = await Promise.all([typeCheck, jest]);
  if (tsc.code !== 0) process.stderr.write(`\ntsc --noEmit found type errors:\n${tsc.output}`);
  else process.stdout.write("tsc --noEmit: no type errors.\n");
  process.exit(tsc.code !== 0 ? tsc.code : tests.code);
}

main();
