/**
 * Runs the hostile cases in a plain Node process, timing each there (not in Jest's sandbox, where every global lookup
 * is slow): `node --require ts-node/register/transpile-only test/hostile/run.ts releases|arguments`. Prints one JSON
 * report on stdout. Releases go through the kc command's own entry point (`main`, exactly what `kc import` runs) from a
 * file; arguments through the engine's Excel face (what the registered functions call).
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../src/cli/kc";
import { ARGUMENT_CASES } from "./arguments";
import { RELEASE_CASES } from "./releases";

export interface CaseReport {
  name: string;
  /** The exit code kc returned, or "crash" when main threw. */
  code: number | "crash";
  /** stderr (cut to its first 2,000 characters) and its full length. */
  err: string;
  errLength: number;
  /** Wall time of the case, in this process. */
  ms: number;
  /** For argument cases: what the case measured (ms per call, heap growth, ...). */
  measured?: Record<string, number | string>;
}

async function runReleases(): Promise<CaseReport[]> {
  const dir = mkdtempSync(join(tmpdir(), "kc-hostile-"));
  const reports: CaseReport[] = [];
  try {
    for (const c of RELEASE_CASES) {
      const file = join(dir, "release.txt");
      writeFileSync(file, c.build(), "latin1");
      const err: string[] = [];
      const start = performance.now();
      let code: number | "crash";
      try {
        code = await main(["import", file, "--out", join(dir, "dataset.json")], () => undefined, (s) => err.push(s));
      } catch (error) {
        code = "crash";
        err.push(String(error instanceof Error ? error.stack : error));
      }
      const ms = performance.now() - start;
      const text = err.join("\n");
      reports.push({ name: c.name, code, err: text.slice(0, 2000), errLength: text.length, ms });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return reports;
}

function runArguments(): CaseReport[] {
  return ARGUMENT_CASES.map((c) => {
    const start = performance.now();
    let measured: Record<string, number | string>;
    let code: number | "crash" = 0;
    let err = "";
    try {
      measured = c.run();
    } catch (error) {
      code = "crash";
      err = String(error instanceof Error ? error.stack : error);
      measured = {};
    }
    return { name: c.name, code, err, errLength: err.length, ms: performance.now() - start, measured };
  });
}

if (require.main === module) {
  const group = process.argv[2];
  const run = group === "releases" ? runReleases() : group === "arguments" ? Promise.resolve(runArguments()) : Promise.reject(new Error(`unknown group ${group}`));
  run.then(
    (reports) => process.stdout.write(JSON.stringify(reports)),
    (error) => {
      process.stderr.write(String(error?.stack ?? error));
      process.exitCode = 1;
    },
  );
}
