/**
 * The workbook's releases in custom XML parts (OfficeReleaseStore), against office-addin-mock: a part per release in
 * KC's namespace, read one batch per part, deleted by id; the source round trips byte for byte (any character, the
 * HTML exhibit's markup and "]]>" included); a full calculation; the add-in set to load with a workbook that holds
 * releases.
 */
import { OfficeReleaseStore, RELEASES_NAMESPACE, officeReleaseHost, parseReleaseXml, releaseXml } from "../../src/taskpane/release-store";
import { renderExhibit } from "../core/edgar-exhibit";
import { mockCustomXml, unmockCustomXml } from "./custom-xml-mock";

afterEach(unmockCustomXml);

const EXHIBIT = renderExhibit();
const TRICKY = "Kingsoft Cloud — “quotes”, <b>markup</b> & ]]> 金山云 \u0000\u000c end";

describe("a release as its custom XML part", () => {
  test("carries its name, quarter and source, the source as base64 of its UTF-8", () => {
    const xml = releaseXml({ id: null, name: `a "quoted" & <odd> name.htm`, quarter: "2026Q2", text: TRICKY });
    expect(xml).toMatch(new RegExp(`^<release xmlns="${RELEASES_NAMESPACE}" name="a &quot;quoted&quot; &amp; &lt;odd&gt; name\\.htm" quarter="2026Q2" encoding="base64">[A-Za-z0-9+/=]+</release>$`));
    expect(parseReleaseXml(xml)).toEqual({ name: `a "quoted" & <odd> name.htm`, quarter: "2026Q2", text: TRICKY });
    // An apostrophe is escaped too (one XML escape for the whole add-in), and &amp;apos; stays text.
    const apostrophe = releaseXml({ id: null, name: "Kingsoft's &apos; release.htm", quarter: "2026Q2", text: "x" });
    expect(apostrophe).toContain(`name="Kingsoft&apos;s &amp;apos; release.htm"`);
    expect(parseReleaseXml(apostrophe).name).toBe("Kingsoft's &apos; release.htm");
  });

  test("reads back as Excel may give it: a declaration, a prefix, attributes in another order, wrapped base64", () => {
    const base64 = Buffer.from(TRICKY, "utf8").toString("base64");
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<kc:release quarter="2026Q2" xmlns:kc="${RELEASES_NAMESPACE}" encoding="base64" name="x.htm">${base64.slice(0, 20)}\n${base64.slice(20)}</kc:release>`;
    expect(parseReleaseXml(xml)).toEqual({ name: "x.htm", quarter: "2026Q2", text: TRICKY });
  });
});

describe("OfficeReleaseStore (office-addin-mock)", () => {
  test("add, list, remove: one part per release, each read in a batch of its own", async () => {
    const excel = mockCustomXml([{ id: "{other}", xml: `<note xmlns="urn:someone-else">keep me</note>` }]);
    const store = new OfficeReleaseStore();
    const a = await store.add({ id: null, name: "kc-2026q2-ex99-1.htm", quarter: "2026Q2", text: EXHIBIT });
    const b = await store.add({ id: null, name: "pasted text", quarter: "2026Q3", text: TRICKY });
    expect([a, b]).toEqual(["{part-1}", "{part-2}"]);
    expect(await store.list()).toEqual([
      { id: a, name: "kc-2026q2-ex99-1.htm", quarter: "2026Q2", text: EXHIBIT },
      { id: b, name: "pasted text", quarter: "2026Q3", text: TRICKY },
    ]);
    await store.remove(a);
    expect((await store.list()).map((r) => r.id)).toEqual([b]);
    // Another add-in's part is never read nor touched.
    expect(excel.parts.map((p) => p.id)).toEqual(["{other}", b]);
    expect(excel.log.filter((l) => l.startsWith("getXml"))).toEqual([`getXml ${a}`, `getXml ${b}`, `getXml ${b}`]);
    expect(excel.log).not.toContain("getXml {other}");
  });

  test("a release at the size limit is one part of under 5 MB (Excel on the web's request limit)", () => {
    const xml = releaseXml({ id: null, name: "big.htm", quarter: "2026Q2", text: "x".repeat(2 * 1024 * 1024) });
    expect(xml.length).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("the Office host", () => {
  test("recalculates in full, and has the add-in load with a workbook that holds releases", async () => {
    const excel = mockCustomXml();
    const host = officeReleaseHost();
    await host.recalculate();
    expect(excel.log).toEqual(["calculate Full"]);
    await host.holding(2);
    await host.holding(0);
    expect(excel.startup).toEqual(["Load", "None"]);
  });
});
