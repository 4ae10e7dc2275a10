/**
 * Finds a build's files: `npm run build` puts them in dist/<version>/ with hashed script names (functions.<hash>.js),
 * `npm run build:dev` in dist/ with plain names.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const { version } = require("../package.json");

/** The folder holding taskpane.html: dist/<version>/ for a production build in distDir, else distDir itself. */
function releaseFolder(distDir) {
  const release = path.join(distDir, version);
  return fs.existsSync(path.join(release, "taskpane.html")) ? release : distDir;
}

/** The path of an entry's script (functions, taskpane, commands) in a build folder. */
function builtScript(dir, name) {
  const pattern = new RegExp(`^${name}(\\.[0-9a-f]{8})?\\.js$`);
  const found = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => pattern.test(file)) : [];
  if (found.length !== 1) throw new Error(`expected one ${name} script in ${dir}, found ${found.length ? found.join(", ") : "none"}`);
  return path.join(dir, found[0]);
}

module.exports = { releaseFolder, builtScript };
