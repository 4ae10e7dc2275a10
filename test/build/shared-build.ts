/**
 * The add-in as webpack builds it, built once per test run and shared by every suite that needs it (test/build,
 * test/browser, test/fuzz/bundle.test.ts). jest.config.js gives those suites a project of their own whose globalSetup
 * (global-setup.ts) starts webpack once, in a process of its own (build-child.js): production (for
 * TEST_PRODUCTION_URL) and development in one MultiCompiler run, into a temporary folder; it writes what it built to
 * build.json there when done. KC_TEST_BUILD holds that file's path.
 *
 * A suite awaits sharedBuild(mode) in its beforeAll, which waits for the build. A failed build makes it throw with
 * webpack's errors, so every suite that needs the build fails with them (no suite skips).
 */
import * as fs from "fs";

export const TEST_PRODUCTION_URL = "https://kc.test.example/addin/";
export const RECORD_ENV = "KC_TEST_BUILD";
export const CHILD_PID_ENV = "KC_TEST_BUILD_PID";
/** Generous: the build takes 15 to 40 s on this 2-core machine, depending on what else runs. */
const BUILD_WAIT_MS = 240_000;

export type BuildMode = "production" | "development";

export interface BuiltAsset {
  /** Relative to dir. */
  name: string;
  /** The content hashes webpack put in the name ([contenthash]), if any. */
  contenthash: string[];
  /** webpack's word that the file never changes under this name (a content hash in it). */
  immutable: boolean;
}

export interface BuildOutput {
  mode: BuildMode;
  /** The output folder (what `npm run build` / `npm run build:dev` put in dist/). */
  dir: string;
  /** Where the page and its files are: dir in development, dir/<version>/ in production (manifest.xml stays in dir). */
  releaseDir: string;
  assets: BuiltAsset[];
  errors: string[];
  warnings: string[];
  /** Every module webpack bundled (its name, e.g. ./node_modules/decimal.js/decimal.js), concatenated ones included. */
  modules: string[];
}

export interface BuildRecord {
  productionUrl: string;
  /** Set when webpack could not run at all (a config that throws, a crash): the message and stack. */
  failure: string | null;
  builds: Partial<Record<BuildMode, BuildOutput>>;
  seconds: number;
}

/** The build's record, once the build is done (it is written whole, by a rename). */
export async function readBuildRecord(): Promise<BuildRecord> {
  const file = process.env[RECORD_ENV];
  if (!file) throw new Error(`${RECORD_ENV} is not set: this suite needs the build that jest.config.js's globalSetup (test/build/global-setup.ts) makes; run it with npx jest.`);
  const deadline = Date.now() + BUILD_WAIT_MS;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`The test build wrote no ${file} within ${BUILD_WAIT_MS / 1000} s (test/build/build-child.js).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return JSON.parse(fs.readFileSync(file, "utf8")) as BuildRecord;
}

/** The shared build of one mode, once built; throws with webpack's errors if it failed. */
export async function sharedBuild(mode: BuildMode): Promise<BuildOutput> {
  const record = await readBuildRecord();
  if (record.failure) throw new Error(`The test build (webpack, production and development) failed:\n${record.failure}`);
  const output = record.builds[mode];
  if (!output) throw new Error(`The test build recorded no ${mode} build.`);
  if (output.errors.length > 0) throw new Error(`The ${mode} build failed with ${output.errors.length} webpack error(s):\n\n${output.errors.join("\n\n")}`);
  return output;
}
