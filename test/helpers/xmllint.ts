/**
 * Validation of an add-in manifest against Microsoft's XSDs (test/manifest/schemas) with libxml2's xmllint. Without
 * xmllint the schema tests are skipped with a note, except under CI (process.env.CI), where they fail: CI installs it.
 */
import { execFileSync, spawnSync } from "child_process";
import * as path from "path";

export const MANIFEST_SCHEMA = path.join(__dirname, "..", "manifest", "schemas", "OfficeAppManifestV1_1.xsd");
const INSTALL = "apt-get install -y --no-install-recommends libxml2-utils";

function findXmllint(): string | null {
  const found = spawnSync("sh", ["-c", "command -v xmllint"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

export const XMLLINT = findXmllint();

/** describe, or describe.skip with a note when xmllint is missing; throws under CI when it is missing. */
export function describeWithXmllint(name: string, fn: () => void): void {
  if (XMLLINT) return describe(name, fn);
  if (process.env.CI) throw new Error(`xmllint is missing: the manifest schema tests need it (${INSTALL}).`);
  console.warn(`Skipping "${name}": xmllint is missing (${INSTALL}).`);
  describe.skip(name, fn);
}

/** xmllint's verdict on the manifest text: valid, and its messages (the schema errors when not). */
export function validateManifest(xml: string): { valid: boolean; messages: string } {
  if (!XMLLINT) throw new Error(`xmllint is missing (${INSTALL})`);
  try {
    const out = execFileSync(XMLLINT, ["--noout", "--schema", MANIFEST_SCHEMA, "-"], { input: xml, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
    return { valid: true, messages: out };
  } catch (error) {
    const { status, stderr } = error as { status?: number; stderr?: string };
    // 1: not well-formed XML, 3: does not validate. Anything else (5: the schema did not compile) is a failed run.
    if (status === 1 || status === 3) return { valid: false, messages: String(stderr) };
    throw error;
  }
}
