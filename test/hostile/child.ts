/** Runs a group of hostile cases (run.ts) in a child Node process and returns its report and wall time. */
import { spawn } from "child_process";
import * as path from "path";
import type { CaseReport } from "./run";

const ROOT = path.join(__dirname, "..", "..");

export interface ChildRun {
  reports: CaseReport[];
  /** The child's wall time, start to exit, ts-node's start-up included. */
  wallMs: number;
}

/**
 * The child gets at most 512 MB of heap (a 50 MB release once took 3.2 GB), and is killed after `timeoutMs` (a
 * quadratic case would otherwise hang the suite).
 */
export function runGroup(group: "releases" | "arguments", timeoutMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ["--expose-gc", "--max-old-space-size=512", "--require", "ts-node/register/transpile-only", path.join(__dirname, "run.ts"), group], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: timeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const wallMs = performance.now() - start;
      if (code !== 0) return reject(new Error(`hostile ${group}: child exited ${code ?? signal} after ${Math.round(wallMs)} ms: ${Buffer.concat(err).toString().slice(0, 2000)}`));
      resolve({ reports: JSON.parse(Buffer.concat(out).toString()) as CaseReport[], wallMs });
    });
  });
}
