#!/usr/bin/env node
/**
 * npm stop: ends the dev server `npm start` launched (by its recorded pid) and, on Windows and macOS, unregisters the
 * desktop Excel sideload.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { ROOT, PID_FILE, DESKTOP_EXCEL_PLATFORMS, isRunning } = require("./dev-server-state");

function stopServer() {
  if (!fs.existsSync(PID_FILE)) {
    console.log("No dev server recorded (npm start is not running).");
    return;
  }
  const pid = Number(fs.readFileSync(PID_FILE, "utf8"));
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid)) {
    process.kill(pid, "SIGTERM");
    console.log(`Stopped the dev server (pid ${pid}).`);
  } else {
    console.log("The recorded dev server had already exited.");
  }
  fs.rmSync(PID_FILE, { force: true });
}

stopServer();

// npm start sideloads only into desktop Excel (Windows, macOS): only there is there something to unregister.
if (DESKTOP_EXCEL_PLATFORMS.includes(process.platform)) {
  // office-addin-debugging exits 0 even when it fails: read its output.
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "office-addin-debugging"), ["stop", path.join(ROOT, "manifest.xml")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  const output = `${result.stdout || ""}${result.stderr || ""}`.trim();
  if (result.error || /error|failed|unable/i.test(output)) console.error(`Removing the sideloaded add-in from desktop Excel failed (office-addin-debugging):\n${output || String(result.error)}`);
  else if (output) console.log(output);
} else {
  console.log(
    `No desktop Excel on ${process.platform}, so nothing was sideloaded there to remove. An add-in uploaded to Excel on the web\n` +
      "stays until you remove it there (Home > Add-ins > More Add-ins > My Add-ins: its ... menu > Remove).",
  );
}
