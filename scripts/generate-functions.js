#!/usr/bin/env node
/**
 * npm run generate:functions: writes the functions.json that the build generates from src/functions/functions.ts
 * (same generator as CustomFunctionsMetadataPlugin) to src/dev/functions.json, the golden copy that the tests pin and
 * the registry outside Excel (kc eval, the preview) reads.
 * Run it only for an intended change of the functions' metadata, and review the diff: ids must never change.
 */
const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");

const ROOT = path.join(__dirname, "..");
const GOLDEN = path.join(ROOT, "src", "dev", "functions.json");

generateCustomFunctionsMetadata(path.join(ROOT, "src", "functions", "functions.ts"), false).then((result) => {
  if (result.errors.length > 0) {
    console.error(result.errors.join("\n"));
    process.exit(1);
  }
  fs.writeFileSync(GOLDEN, result.metadataJson.endsWith("\n") ? result.metadataJson : `${result.metadataJson}\n`);
  console.log(`wrote ${path.relative(ROOT, GOLDEN)}`);
});
