/**
 * (3) Cold start, run as a new Node process by run.js: the production functions bundle (dist/<version>/functions.<hash>.js, minified,
 * exactly what Excel loads) is loaded under a CustomFunctions stub that records its CustomFunctions.associate calls,
 * the METRIC function is found by its name in the build's functions.json, and called once.
 * Prints one JSON line: the answer and performance.now() at each step (ms since this process's time origin).
 *   node bench/cold-start.js RELEASE_DIR
 */
"use strict";
const tStart = performance.now();
const fs = require("fs");
const path = require("path");

const { builtScript, releaseFolder } = require("./built-files");

const dir = releaseFolder(path.resolve(process.argv[2] || "dist"));
const associated = new Map();
class CustomFunctionError extends Error {
  constructor(code, message) {
    super(message || "");
    this.code = code;
  }
}
globalThis.CustomFunctions = {
  associate: (id, fn) => associated.set(id, fn),
  Error: CustomFunctionError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
};
// The bundle's webpack runtime keeps its chunk list on `self` (the global of browsers and of Excel's JavaScript runtime).
if (globalThis.self === undefined) globalThis.self = globalThis;
const tBeforeImport = performance.now();
require(builtScript(dir, "functions"));
const tImported = performance.now();
const meta = JSON.parse(fs.readFileSync(path.join(dir, "functions.json"), "utf8"));
const { id } = meta.functions.find((f) => f.name === "METRIC");
const value = associated.get(id)("AdjustedEBITDA", "2026Q1", null, null, null);
const tAnswer = performance.now();
process.stdout.write(JSON.stringify({ value, tStart, tBeforeImport, tImported, tAnswer }) + "\n");
