#!/usr/bin/env node
/**
 * npm start: serve the add-in on https://localhost:3000 with the Office dev certificates and sideload it.
 *  1. Makes sure ~/.office-addin-dev-certs holds ca.crt, localhost.crt, localhost.key (runs office-addin-dev-certs
 *     install if not; that command cannot trust the CA without admin rights and exits 0 either way: we check files,
 *     and explain the expected trust failure instead of passing on its "Error" line).
 *  2. Starts `webpack serve --mode development` (dev build, office.js served locally) and waits until it answers,
 *     verifying its certificate against the dev CA.
 *  3. On Windows and macOS, runs office-addin-debugging to sideload into desktop Excel (its failures are shown as
 *     such). Elsewhere there is no desktop Excel, so it does not try; either way, without a sideload it prints how to
 *     sideload into Excel on the web and where the preview is.
 *  4. Keeps serving until Ctrl+C or `npm stop`.
 */
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");
const { ROOT, PID_FILE, URL, DESKTOP_EXCEL_PLATFORMS, isRunning } = require("./dev-server-state");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const CERT_FILES = ["ca.crt", "localhost.crt", "localhost.key"];
const MANIFEST = path.join(ROOT, "manifest.xml");
/** What office-addin-dev-certs prints when it made the certificates but could not add the CA to the trusted roots. */
const CA_NOT_TRUSTED = /Unable to install the CA certificate/i;
const bin = (name) => path.join(ROOT, "node_modules", ".bin", name);

function ensureCertificates() {
  const missing = () => CERT_FILES.filter((f) => !fs.existsSync(path.join(CERT_DIR, f)));
  if (missing().length === 0) return;
  console.log(`Creating the Office dev certificates in ${CERT_DIR} (office-addin-dev-certs install)...`);
  const result = spawnSync(bin("office-addin-dev-certs"), ["install"], { cwd: ROOT, encoding: "utf8" });
  const output = `${result.stdout || ""}${result.stderr || ""}`.trim();
  if (missing().length > 0) {
    throw new Error(`office-addin-dev-certs did not create ${missing().join(", ")} in ${CERT_DIR}. Its output:\n${output}`);
  }
  const trustFailure = output.split("\n").find((line) => CA_NOT_TRUSTED.test(line));
  const otherErrors = output.split("\n").filter((line) => /error|fail/i.test(line) && !CA_NOT_TRUSTED.test(line));
  if (otherErrors.length > 0) console.error(`office-addin-dev-certs reported:\n${otherErrors.join("\n")}`);
  if (trustFailure) {
    const reason = trustFailure.replace(/^.*?Unable to install the CA certificate\.?\s*/i, "").trim();
    console.log(
      `Created them. Adding their authority (ca.crt) to this machine's trusted roots needs admin rights, which this run\n` +
        `does not have${reason ? ` (${reason})` : ""}. That is fine: the dev server uses the certificates directly; a browser\n` +
        `that should load the add-in trusts them once (open ${URL}taskpane.html and accept the certificate, or import\n` +
        `${path.join(CERT_DIR, "ca.crt")} as a certificate authority in its settings).`,
    );
  }
}

/** Resolves when URL answers 200 over https with a certificate the dev CA signed. */
function waitForServer(timeoutMs) {
  const ca = fs.readFileSync(path.join(CERT_DIR, "ca.crt"));
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = https.get(`${URL}taskpane.html`, { ca, timeout: 5000 }, (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else retry(new Error(`HTTP ${res.statusCode}`));
      });
      req.on("error", retry);
      req.on("timeout", () => req.destroy(new Error("timeout")));
    };
    const retry = (error) => {
      if (Date.now() > deadline) reject(new Error(`${URL} did not answer in ${timeoutMs / 1000} s: ${error.message}`));
      else setTimeout(attempt, 500);
    };
    attempt();
  });
}

/**
 * Sideloads into desktop Excel with office-addin-debugging where there is one (Windows, macOS). Returns true if it
 * did; otherwise says why (a failure loudly) and returns false.
 */
function sideloadIntoDesktopExcel() {
  if (!DESKTOP_EXCEL_PLATFORMS.includes(process.platform)) {
    console.log(`\nThere is no desktop Excel on ${process.platform} (office-addin-debugging sideloads on Windows and macOS only).`);
    return false;
  }
  // office-addin-debugging exits 0 even when it fails: read its output.
  const result = spawnSync(bin("office-addin-debugging"), ["start", MANIFEST, "desktop", "--dev-server-port", "3000", "--no-debug"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const output = `${result.stdout || ""}${result.stderr || ""}`.trim();
  if (result.error || /error|failed|unable|not supported/i.test(output)) {
    console.error(`\nSideloading into desktop Excel failed (office-addin-debugging):\n${output || String(result.error)}`);
    return false;
  }
  if (output) console.log(output.replace(/^/gm, "office-addin-debugging: "));
  return true;
}

function printWebInstructions() {
  console.log(`
KC for Excel is being served at ${URL} (taskpane.html, functions.js, functions.json, manifest.xml).
Sideload it into Excel on the web, in a browser on THIS machine:

  1. Make the browser trust the dev certificate: open ${URL}taskpane.html and accept the certificate,
     or import ${path.join(CERT_DIR, "ca.crt")} as a trusted certificate authority
     (Chrome/Edge: Settings > Privacy and security > Security > Manage certificates > Authorities > Import).
  2. Open Excel on the web (https://www.office.com > Excel) and create or open a workbook.
  3. Insert > Add-ins (or Home > Add-ins > More Add-ins) > Upload My Add-in
     (in some tenants: My Add-ins > Manage My Add-ins > Upload My Add-in).
  4. Browse to ${MANIFEST} and choose Upload.
  5. In a cell, type =KC.METRIC("AdjustedEBITDA","2026Q1")  -> 747506.
     Home > KC Financials opens the task pane.

No Excel at hand? The preview runs the same task pane beside a HyperFormula grid: ${URL}preview.html

Keep this running while you use the add-in. Stop it with Ctrl+C or \`npm stop\`.
`);
}

async function main() {
  if (fs.existsSync(PID_FILE)) {
    const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
    if (isRunning(pid)) {
      console.log(`The dev server is already running (pid ${pid}) at ${URL}. \`npm stop\` ends it.`);
      return;
    }
  }
  ensureCertificates();
  const server = spawn(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "serve", "--mode", "development"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  fs.mkdirSync(path.dirname(PID_FILE), { recursive: true });
  fs.writeFileSync(PID_FILE, String(server.pid));
  const cleanUp = () => {
    if (fs.existsSync(PID_FILE) && fs.readFileSync(PID_FILE, "utf8") === String(server.pid)) fs.unlinkSync(PID_FILE);
  };
  server.on("exit", (code, signal) => {
    cleanUp();
    console.log(`Dev server stopped${signal ? ` (${signal})` : ""}.`);
    process.exit(code ?? 0);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));

  await waitForServer(180000);
  console.log(`\nServing ${URL} with the Office dev certificates.`);
  if (!sideloadIntoDesktopExcel()) printWebInstructions();
}

main().catch((error) => {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});
