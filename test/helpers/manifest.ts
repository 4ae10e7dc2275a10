/**
 * Structural checks of an XML add-in manifest (the online validator cannot be reached here). Parses with xml2js (the
 * parser office-addin-manifest itself uses) and returns a list of problems: empty means the manifest passes.
 */
import * as fs from "fs";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- xml2js ships no types; office-addin-manifest depends on it
const { parseStringPromise } = require("xml2js") as { parseStringPromise: (xml: string) => Promise<Xml> };

/** xml2js's tree: attributes under "$", text under "_", children as arrays by tag name. */
export interface Xml {
  $?: Record<string, string>;
  _?: string;
  [tag: string]: unknown;
}

export interface ParsedManifest {
  root: Xml;
  /** Resource id -> { kind: "bt:Image" | "bt:Url" | "ShortString" | "LongString", value }. */
  resources: Map<string, { kind: string; value: string }>;
}

export const kids = (node: Xml | undefined, tag: string): Xml[] => ((node?.[tag] as Xml[] | undefined) ?? []).map((n) => (typeof n === "string" ? { _: n } : n));
export const kid = (node: Xml | undefined, tag: string): Xml | undefined => kids(node, tag)[0];
export const text = (node: Xml | undefined): string => (node?._ ?? "").trim();

/** Every element in the tree, with its tag and its parent's tag. */
function* walk(node: Xml, tag: string, parentTag: string): Generator<{ node: Xml; tag: string; parentTag: string }> {
  yield { node, tag, parentTag };
  for (const [childTag, value] of Object.entries(node)) {
    if (childTag === "$" || childTag === "_" || !Array.isArray(value)) continue;
    for (const child of value) if (typeof child === "object") yield* walk(child as Xml, childTag, tag);
  }
}

export async function parseManifest(xml: string): Promise<ParsedManifest> {
  const doc = (await parseStringPromise(xml)) as { OfficeApp: Xml };
  const root = doc.OfficeApp;
  const res = kid(kid(root, "VersionOverrides"), "Resources");
  const resources = new Map<string, { kind: string; value: string }>();
  const add = (group: string, item: string, kind: string) => {
    for (const el of kids(kid(res, group), item)) resources.set(el.$?.id ?? "", { kind, value: el.$?.DefaultValue ?? "" });
  };
  add("bt:Images", "bt:Image", "bt:Image");
  add("bt:Urls", "bt:Url", "bt:Url");
  add("bt:ShortStrings", "bt:String", "ShortString");
  add("bt:LongStrings", "bt:String", "LongString");
  return { root, resources };
}

/** Which kind of resource a resid on this element must name. */
function expectedKind(tag: string, parentTag: string): string {
  if (tag === "bt:Image") return "bt:Image";
  if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(tag)) return "bt:Url";
  if (tag === "Description" && (parentTag === "Supertip" || parentTag === "GetStarted")) return "LongString";
  return "ShortString"; // Label, Title, Namespace
}

export const SHORT_STRING_MAX = 125;
export const LONG_STRING_MAX = 250;
export const RESOURCE_ID_MAX = 32;

/**
 * Problems with the manifest's structure. baseUrl: every URL must start with it. files: where the files the URLs
 * name must exist (the dev manifest's URLs map onto the project: assets/ and the build outputs are not checked there).
 */
export async function manifestProblems(xml: string, baseUrl: string, files?: { dir: string; only?: RegExp }): Promise<string[]> {
  const problems: string[] = [];
  const { root, resources } = await parseManifest(xml);
  const hasFile = (url: string) => {
    if (!files || !url.startsWith(baseUrl)) return;
    const rel = url.slice(baseUrl.length).split(/[?#]/)[0];
    if ((!files.only || files.only.test(rel)) && !fs.existsSync(path.join(files.dir, rel))) problems.push(`${url}: no file ${rel}`);
  };

  if (root.$?.["xsi:type"] !== "TaskPaneApp") problems.push("OfficeApp must be xsi:type TaskPaneApp");
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text(kid(root, "Id")))) problems.push("Id must be a GUID");
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text(kid(root, "Version")))) problems.push(`Version '${text(kid(root, "Version"))}' must be n[.n[.n[.n]]]`);
  if (text(kid(root, "Permissions")) !== "ReadWriteDocument") problems.push("Permissions must be ReadWriteDocument");
  if (!kids(kid(root, "Hosts"), "Host").some((h) => h.$?.Name === "Workbook")) problems.push("Hosts must include Workbook");
  const sets = kids(kid(kid(root, "Requirements"), "Sets"), "Set");
  if (!sets.some((s) => s.$?.Name === "SharedRuntime" && s.$?.MinVersion === "1.1")) problems.push("Requirements must include SharedRuntime 1.1");

  // Resources: ids unique in length, strings within limits, URLs https under baseUrl.
  for (const [id, { kind, value }] of resources) {
    if (id.length === 0 || id.length > RESOURCE_ID_MAX) problems.push(`resource id '${id}' must be 1-${RESOURCE_ID_MAX} characters`);
    if (kind === "ShortString" && value.length > SHORT_STRING_MAX) problems.push(`ShortString ${id} is longer than ${SHORT_STRING_MAX}`);
    if (kind === "LongString" && value.length > LONG_STRING_MAX) problems.push(`LongString ${id} is longer than ${LONG_STRING_MAX}`);
  }
  const urls: string[] = [];
  for (const tag of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) urls.push(kid(root, tag)?.$?.DefaultValue ?? `(missing ${tag})`);
  urls.push(kid(kid(root, "DefaultSettings"), "SourceLocation")?.$?.DefaultValue ?? "(missing DefaultSettings/SourceLocation)");
  for (const { kind, value } of resources.values()) if (kind === "bt:Image" || kind === "bt:Url") urls.push(value);
  for (const url of urls) {
    if (!url.startsWith("https://")) problems.push(`URL ${url} must be https`);
    else if (!url.startsWith(baseUrl)) problems.push(`URL ${url} must start with ${baseUrl}`);
    hasFile(url);
  }

  // Every resid resolves to a resource of the right kind.
  const overrides = kid(root, "VersionOverrides");
  if (!overrides) return [...problems, "VersionOverrides is missing"];
  for (const { node, tag, parentTag } of walk(overrides, "VersionOverrides", "OfficeApp")) {
    const resid = node.$?.resid;
    if (resid === undefined) continue;
    const found = resources.get(resid);
    const kind = expectedKind(tag, parentTag);
    if (!found) problems.push(`${tag} resid '${resid}' does not resolve`);
    else if (found.kind !== kind) problems.push(`${tag} resid '${resid}' names a ${found.kind}, expected a ${kind}`);
    if (resid.length > RESOURCE_ID_MAX) problems.push(`resid '${resid}' is longer than ${RESOURCE_ID_MAX}`);
  }

  // Shared runtime: <Runtimes> directly under the Workbook <Host>, lifetime long, the page every part uses.
  const host = kids(kid(overrides, "Hosts"), "Host").find((h) => h.$?.["xsi:type"] === "Workbook");
  if (!host) return [...problems, "VersionOverrides has no Workbook Host"];
  const runtime = kid(kid(host, "Runtimes"), "Runtime");
  if (!runtime) problems.push("<Runtimes><Runtime> must be a direct child of <Host>");
  else if (runtime.$?.lifetime !== "long") problems.push("Runtime lifetime must be long");
  const page = runtime?.$?.resid;
  const cf = kids(kid(host, "AllFormFactors"), "ExtensionPoint").find((e) => e.$?.["xsi:type"] === "CustomFunctions");
  if (!cf) return [...problems, "no CustomFunctions ExtensionPoint under AllFormFactors"];
  const namespace = resources.get(kid(cf, "Namespace")?.$?.resid ?? "")?.value;
  if (namespace !== "KC") problems.push(`custom functions namespace must be KC, got ${namespace}`);
  if (kid(kid(cf, "Page"), "SourceLocation")?.$?.resid !== page) problems.push("CustomFunctions Page must be the shared runtime page");
  const script = resources.get(kid(kid(cf, "Script"), "SourceLocation")?.$?.resid ?? "")?.value ?? "";
  const metadata = resources.get(kid(kid(cf, "Metadata"), "SourceLocation")?.$?.resid ?? "")?.value ?? "";
  // functions.js in development, functions.<content hash>.js in production.
  if (!/\/functions(\.[0-9a-f]{8})?\.js$/.test(script)) problems.push(`functions script URL ${script} must end with /functions.js or /functions.<hash>.js`);
  if (script.slice(0, script.lastIndexOf("/")) !== metadata.slice(0, metadata.lastIndexOf("/"))) problems.push(`functions script ${script} and metadata ${metadata} must be in one folder`);
  if (!metadata.endsWith("/functions.json")) problems.push(`functions metadata URL ${metadata} must end with /functions.json`);
  const desktop = kid(host, "DesktopFormFactor");
  if (kid(desktop, "FunctionFile")?.$?.resid !== page) problems.push("FunctionFile must be the shared runtime page");
  const home = kids(kid(desktop, "ExtensionPoint"), "OfficeTab").find((t) => t.$?.id === "TabHome");
  const button = kids(kid(home, "Group"), "Control").find((c) => c.$?.["xsi:type"] === "Button");
  const action = kid(button, "Action");
  if (action?.$?.["xsi:type"] !== "ShowTaskpane") problems.push("Home tab must have a button whose action is ShowTaskpane");
  else if (kid(action, "SourceLocation")?.$?.resid !== page) problems.push("the task pane button must open the shared runtime page");
  return problems;
}
