/**
 * The development manifest against Microsoft's manifest schema (test/manifest/schemas, with <Runtimes>), by xmllint.
 * The built manifest is validated the same way in test/build/build.test.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { describeWithXmllint, validateManifest } from "../helpers/xmllint";

const xml = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");

describeWithXmllint("manifest.xml against Microsoft's manifest schema (xmllint)", () => {
  test("validates", () => {
    expect(validateManifest(xml)).toEqual({ valid: true, messages: "" });
  });

  test("the schema catches what it is for: an unknown lifetime, elements out of order, a resid over 32 characters", () => {
    const broken = [
      xml.replace('lifetime="long"', 'lifetime="forever"'),
      xml.replace("<Permissions>ReadWriteDocument</Permissions>", "").replace("<Hosts>", "<Permissions>ReadWriteDocument</Permissions>\n  <Hosts>"),
      xml.replace('<Runtime resid="Taskpane.Url"', '<Runtime resid="Taskpane.Url.That.Is.Far.Too.Long.For.Office"'),
    ];
    for (const manifest of broken) {
      expect(manifest).not.toBe(xml);
      const { valid, messages } = validateManifest(manifest);
      expect({ valid, failsToValidate: /fails to validate/.test(messages) }).toEqual({ valid: false, failsToValidate: true });
    }
  });
});
