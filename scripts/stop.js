#!/usr/bin/env node
/** npm stop: ends the dev server `npm start` launched (by its recorded pid) and unregisters the desktop sideload. */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { ROOT, PID_FILE, isRunning } = require("./dev-server-state");

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
// Removes the sideloaded add-in from desktop Excel where that exists; elsewhere it prints that the platform is unsupported.
const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "office-addin-debugging"), ["stop", path.join(ROOT, "manifest.xml")], {
  cwd: ROOT,
  encoding: "utf8",
});
const output = `${result.stdout || ""}${result.stderr || ""}`.trim();
if (output) console.log(output);
