/** Jest globalTeardown of the "build" project: removes the temporary folder global-setup.ts built into. */
import * as fs from "fs";
import * as path from "path";
import { RECORD_ENV } from "./shared-build";

export default function globalTeardown(): void {
  const recordFile = process.env[RECORD_ENV];
  if (!recordFile || !path.basename(path.dirname(recordFile)).startsWith("kc-test-build-")) return;
  fs.rmSync(path.dirname(recordFile), { recursive: true, force: true });
  delete process.env[RECORD_ENV];
}
