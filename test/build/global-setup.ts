/**
 * Jest globalSetup of the "build" project (jest.config.js): starts the test run's one webpack build, production and
 * development, in a process of its own (build-child.js), and returns at once, so the other suites run meanwhile. The
 * suites that need the build wait for its record (shared-build.ts). A failed build never throws here: the record
 * carries the errors, and the suites that need the build fail with them.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CHILD_PID_ENV, RECORD_ENV, TEST_PRODUCTION_URL } from "./shared-build";

export default async function globalSetup(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "kc-test-build-"));
  const recordFile = path.join(root, "build.json");
  process.env[RECORD_ENV] = recordFile; // the test workers start after this and inherit it
  const child = spawn(process.execPath, [path.join(__dirname, "build-child.js"), root, recordFile, TEST_PRODUCTION_URL], { stdio: ["ignore", "ignore", "inherit"] });
  child.unref();
  process.env[CHILD_PID_ENV] = String(child.pid);
}
