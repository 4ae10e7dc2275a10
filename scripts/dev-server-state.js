/** What npm start and npm stop share: where the dev server's process id is recorded, its URL, where Excel is. */
const path = require("path");

const ROOT = path.join(__dirname, "..");
const PID_FILE = path.join(ROOT, "node_modules", ".cache", "kc-for-excel", "dev-server.pid");
const PORT = 3000;
const URL = `https://localhost:${PORT}/`;
/** Where office-addin-debugging can sideload into desktop Excel (start) and unregister it (stop). */
const DESKTOP_EXCEL_PLATFORMS = ["win32", "darwin"];

/** True if a process with this id exists (signal 0 only checks). */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

module.exports = { ROOT, PID_FILE, PORT, URL, DESKTOP_EXCEL_PLATFORMS, isRunning };
