/** Where `npm start` records the dev server's process id, so that `npm stop` (another process) can end it. */
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PID_FILE = path.join(ROOT, "node_modules", ".cache", "kc-for-excel", "dev-server.pid");
const PORT = 3000;
const URL = `https://localhost:${PORT}/`;

/** True if a process with this id exists (signal 0 only checks). */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

module.exports = { ROOT, PID_FILE, PORT, URL, isRunning };
