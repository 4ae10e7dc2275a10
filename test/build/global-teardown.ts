/** Jest globalTeardown of the "build" project: stops the build if it still runs, removes the folder it built into. */
import * as fs from "fs";
import * as path from "path";
import { CHILD_PID_ENV, RECORD_ENV } from "./shared-build";

export default function globalTeardown(): void {
  // A run that ended before the build did (a failed suite, a selection without build suites): stop it.
  const pid = Number(process.env[CHILD_PID_ENV]);
  if (pid) {
    try {
      process.kill(pid);
    } catch {
      // already done
    }
  }
  const recordFile = process.env[RECORD_ENV];
  if (!recordFile || !path.basename(path.dirname(recordFile)).startsWith("kc-test-build-")) return;
  fs.rmSync(path.dirname(recordFile), { recursive: true, force: true });
  delete process.env[RECORD_ENV];
}
