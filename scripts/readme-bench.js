#!/usr/bin/env node
/**
 * npm run bench:readme: rewrites the README's performance table (between <!-- bench:start --> and <!-- bench:end -->)
 * from bench-results/latest.json, the file `npm run bench` writes: every figure, target and status as the bench printed
 * it, with the machine and its load. Nothing in the table is typed by hand.
 *   node scripts/readme-bench.js [bench-results/latest.json] [README.md]
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A measured value as the table shows it: calls/s in full, ratios to three places, the rest to one. */
function figure(row) {
  if (row.value === null || row.value === undefined) return "n/a";
  if (row.unit === "calls/s") return `${fmt(row.value)} calls/s`;
  if (row.unit === "") return fmt(row.value, 3);
  return `${fmt(row.value, 1)} ${row.unit}`;
}

function render(bench) {
  const m = bench.machine;
  const load = [m.loadAverageAtStart[0], m.loadAverageAtEnd[0]];
  const busy = Math.max(...load) > m.cores * 0.75;
  const lines = [
    START,
    `Measured by \`npm run bench\` on ${bench.date.slice(0, 10)}: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}; load average ${load[0]} at the start, ${load[1]} at the end${busy ? " (the machine was busy: expect figures lower than on an idle one)" : ""}.`,
    "",
    "| # | Measure | Figure | Target | Status | Note |",
    "|---|---|---|---|---|---|",
    ...bench.table.map((row) => `| ${row.id} | ${row.measure} | ${figure(row)} | ${row.target} | ${row.status} | ${row.note.replace(/\|/g, "\\|")} |`),
    END,
  ];
  return lines.join("\n");
}

function main() {
  const jsonFile = process.argv[2] ?? path.join(ROOT, "bench-results", "latest.json");
  const readmeFile = process.argv[3] ?? path.join(ROOT, "README.md");
  if (!fs.existsSync(jsonFile)) {
    console.error(`bench:readme: ${path.relative(process.cwd(), jsonFile)} does not exist: run npm run bench first.`);
    process.exit(1);
  }
  const bench = JSON.parse(fs.readFileSync(jsonFile, "utf8"));
  const readme = fs.readFileSync(readmeFile, "utf8");
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    console.error(`bench:readme: ${path.basename(readmeFile)} has no ${START} ... ${END} block.`);
    process.exit(1);
  }
  fs.writeFileSync(readmeFile, readme.slice(0, start) + render(bench) + readme.slice(end + END.length));
  console.log(`bench:readme: ${path.basename(readmeFile)} has the figures of ${path.relative(process.cwd(), jsonFile)} (${bench.date}).`);
}

module.exports = { render };
if (require.main === module) main();
