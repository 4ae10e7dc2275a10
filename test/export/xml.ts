/**
 * XML for the chart tests: a strict, namespace-aware parse (saxes: a part that is not well-formed XML, or uses an
 * undeclared prefix, throws) into a small element tree, and the package walk of an .xlsx (sheet -> drawing -> chart
 * through the relationships, as a consumer resolves them).
 */
import JSZip from "jszip";
import { SaxesParser } from "saxes";

export interface El {
  /** The qualified name as written ("c:ser"). */
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

export function parseXml(xml: string, what = "XML"): El {
  const parser = new SaxesParser({ xmlns: true });
  const root: El = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: El[] = [root];
  parser.on("error", (e) => {
    throw new Error(`${what} is not well-formed: ${e.message}`);
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attrs[k] = typeof a === "string" ? a : a.value;
    const el: El = { name: tag.name, attrs, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    stack.push(el);
  });
  parser.on("text", (t) => (stack[stack.length - 1].text += t));
  parser.on("closetag", () => void stack.pop());
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error(`${what} has ${root.children.length} root elements`);
  return root.children[0];
}

/** Every descendant named `name`, in document order. */
export function all(el: El, name: string): El[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...all(c, name)]);
}

export function one(el: El, name: string): El {
  const found = all(el, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${el.name}>, found ${found.length}`);
  return found[0];
}

/** The element's text and its descendants'. */
export const textOf = (el: El): string => el.text + el.children.map(textOf).join("");

const basename = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

/** A relationship target resolved against the part that holds the relationship ("xl/worksheets/sheet1.xml"). */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const step of target.split("/")) {
    if (step === "..") parts.pop();
    else if (step !== ".") parts.push(step);
  }
  return parts.join("/");
}

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels"; "" (the package) -> "_rels/.rels". */
export const relsOf = (part: string): string => `${part.includes("/") ? part.slice(0, part.lastIndexOf("/") + 1) : ""}_rels/${basename(part)}.rels`;

/** An .xlsx package, its parts parsed on demand. */
export class Package {
  private constructor(readonly zip: JSZip) {}

  static async load(data: Buffer): Promise<Package> {
    return new Package(await JSZip.loadAsync(data));
  }

  get parts(): string[] {
    return Object.values(this.zip.files).filter((f) => !f.dir).map((f) => f.name);
  }

  async xml(part: string): Promise<El> {
    const file = this.zip.file(part);
    if (!file) throw new Error(`the package has no ${part}`);
    return parseXml(await file.async("string"), part);
  }

  /** The relationships of a part: id -> { type, target part }. */
  async rels(part: string): Promise<Map<string, { type: string; part: string }>> {
    const rels = this.zip.file(relsOf(part)) ? await this.xml(relsOf(part)) : null;
    return new Map((rels ? all(rels, "Relationship") : []).map((r) => [r.attrs.Id, { type: r.attrs.Type, part: resolvePart(part, r.attrs.Target) }]));
  }

  /** The worksheet part of a sheet, by name. */
  async sheetPart(name: string): Promise<string> {
    const workbook = await this.xml("xl/workbook.xml");
    const sheet = all(workbook, "sheet").find((s) => s.attrs.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return (await this.rels("xl/workbook.xml")).get(sheet.attrs["r:id"])!.part;
  }

  /** The charts of a sheet, as a consumer finds them: its <drawing r:id>, the drawing's anchors, each anchor's chart. */
  async chartsOf(sheet: string): Promise<Array<{ part: string; chart: El; anchor: El }>> {
    const sheetPart = await this.sheetPart(sheet);
    const drawings = all(await this.xml(sheetPart), "drawing");
    if (drawings.length === 0) return [];
    if (drawings.length > 1) throw new Error(`${sheetPart} has ${drawings.length} <drawing> elements (a sheet has one)`);
    const drawingPart = (await this.rels(sheetPart)).get(drawings[0].attrs["r:id"])!.part;
    const drawing = await this.xml(drawingPart);
    const rels = await this.rels(drawingPart);
    return Promise.all(
      all(drawing, "xdr:twoCellAnchor").map(async (anchor) => {
        const part = rels.get(one(anchor, "c:chart").attrs["r:id"])!.part;
        return { part, chart: await this.xml(part), anchor };
      }),
    );
  }
}
