/**
 * Hostile releases through `kc import` (the cases and what each must do: releases.ts). They run in one child Node
 * process, each timed there; a case that used to take 18 s or never finish (stripMarkup rescanning a line of unclosed
 * tags), crash with a stack trace (a spread of 200,000 header lines) or take 3.2 GB (a 50 MB file) must now end within
 * CASE_LIMIT_MS, under a 512 MB heap, with its outcome.
 */
import { spawn } from "child_process";
import * as path from "path";
import { runGroup, ChildRun } from "./child";
import { RELEASE_CASES } from "./releases";

/** Generous on this 2-core machine under load: each case takes well under half a second. */
const CASE_LIMIT_MS = 5_000;
/** The whole child: ts-node's start-up (2 s or so) and every case. */
const CHILD_LIMIT_MS = 45_000;

let run: ChildRun;

beforeAll(async () => {
  run = await runGroup("releases", 120_000);
}, 130_000);

test("every case ran, in one child within its time bound", () => {
  expect(run.reports.map((r) => r.name)).toEqual(RELEASE_CASES.map((c) => c.name));
  expect(run.wallMs).toBeLessThan(CHILD_LIMIT_MS);
});

describe.each(RELEASE_CASES.map((c) => [c.name, c] as const))("%s", (name, c) => {
  const report = () => run.reports.find((r) => r.name === name)!;

  test(`exits ${c.code}${c.err ? ", saying what is wrong and where" : " (imported)"}`, () => {
    const { code, err } = report();
    expect(code).toBe(c.code);
    if (c.err) expect(err).toMatch(c.err);
    else expect(err).toBe("");
    // Every refusal is "line N: ..."; nothing else reaches the user.
    if (c.code === 1) expect(err).toMatch(/^kc import: line [1-9]\d*: \S/);
  });

  test("its message quotes a short excerpt at most", () => {
    expect(report().errLength).toBeLessThanOrEqual(c.maxErrLength ?? 2_000);
  });

  test(`ends within ${CASE_LIMIT_MS} ms`, () => {
    expect(report().ms).toBeLessThan(CASE_LIMIT_MS);
  });
});

test("kc import FILE | head: kc stops writing and exits quietly", async () => {
  const root = path.join(__dirname, "..", "..");
  const child = spawn(process.execPath, ["--require", "ts-node/register/transpile-only", "src/cli/kc.ts", "import", "src/data/sources/kingsoft-cloud-2026q1-press-release.txt"], { cwd: root });
  const err: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  // Like head: read the first chunk, then close the pipe.
  child.stdout.once("data", () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(Buffer.concat(err).toString()).toBe("");
  expect(code).toBe(0);
}, 30_000);
