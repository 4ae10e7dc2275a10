/** What npm start and npm stop share: where the dev server's process id is recorded, its URL, where Excel is. */
const crypto = require("crypto");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
/**
 * In the temporary folder, one per checkout. Not under node_modules: a new entry there makes npm distrust its record of
 * the installed tree (node_modules/.package-lock.json), and npm ls --omit=dev then lists dev packages as well.
 */
const PID_FILE = path.join(os.tmpdir(), `kc-for-excel-dev-server-${crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.pid`);
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
