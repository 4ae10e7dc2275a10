/** The dev manifest's structure (the built manifest is checked the same way in test/build). */
import * as fs from "fs";
import * as path from "path";
import { manifestProblems, parseManifest, text, kid } from "../helpers/manifest";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own CommonJS config
const { manifestVersion } = require("../../webpack.config.js") as { manifestVersion(version?: string): string };

const ROOT = path.join(__dirname, "..", "..");
const DEV_URL = "https://localhost:3000/";
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

describe("manifest.xml (dev)", () => {
  test("passes every structural check, and the icons it names exist in assets/", async () => {
    expect(await manifestProblems(xml, DEV_URL, { dir: ROOT, only: /^assets\// })).toEqual([]);
  });

  test("<Version> is package.json's version (the build sets it from there; 0.1.0 is 0.1.0.0)", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
    const { root } = await parseManifest(xml);
    expect(text(kid(root, "Version"))).toBe(manifestVersion(pkg.version));
    expect(manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(manifestVersion("12.3.45")).toBe("12.3.45.0");
    for (const version of ["1.0", "1.0.0-beta.1", "1.2.3.4", "100000.0.0"]) expect(() => manifestVersion(version)).toThrow(/major\.minor\.patch/);
  });

  test("the icons are real PNGs of the sizes their names say", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  test("the checks catch what they are for", async () => {
    const broken = xml
      .replace('<Runtime resid="Taskpane.Url" lifetime="long" />', '<Runtime resid="Taskpane.Url" lifetime="short" />')
      .replace('<Namespace resid="Functions.Namespace" />', '<Namespace resid="Missing.Namespace" />')
      .replace(' id="Group.Label"', ' id="Group.Label.That.Is.Far.Too.Long.For.Office"')
      .replace("https://localhost:3000/functions.json", "http://localhost:3000/functions.json")
      .replace("<Version>0.1.0.0</Version>", "<Version>0.1.0.0.0</Version>");
    const problems = await manifestProblems(broken, DEV_URL);
    expect(problems).toEqual(
      expect.arrayContaining([
        "Runtime lifetime must be long",
        "Namespace resid 'Missing.Namespace' does not resolve",
        "resource id 'Group.Label.That.Is.Far.Too.Long.For.Office' must be 1-32 characters",
        "Label resid 'Group.Label' does not resolve",
        "URL http://localhost:3000/functions.json must be https",
        "Version '0.1.0.0.0' must be n[.n[.n[.n]]]",
      ]),
    );
    const moved = xml.replace(/<Runtimes>[\s\S]*?<\/Runtimes>/, "").replace("<Hosts>\n      <Host", "<Hosts>\n<Runtimes><Runtime resid=\"Taskpane.Url\" lifetime=\"long\" /></Runtimes>\n      <Host");
    expect(await manifestProblems(moved, DEV_URL)).toContain("<Runtimes><Runtime> must be a direct child of <Host>");
  });

  test("the task pane, the functions page and the function file are one page: the shared runtime", async () => {
    const { resources } = await parseManifest(xml);
    expect(resources.get("Taskpane.Url")?.value).toBe(`${DEV_URL}taskpane.html`);
    expect(resources.get("Functions.Namespace")?.value).toBe("KC");
  });
});
