/**
 * Adds the layout's native charts to an .xlsx package exceljs wrote (exceljs cannot write charts): for each sheet with
 * charts, a drawing part (xl/drawings/drawingN.xml) anchoring them, a chart part per chart (xl/charts/chartN.xml), the
 * relationships sheet -> drawing -> chart, the sheet's <drawing r:id>, and the content types of the new parts. The XML
 * of the parts is drawingml.ts's.
 */
import JSZip from "jszip";
import { escapeXml, unescapeXml } from "../core";
import type { ChartSpec, SheetLayout } from "./layout";
import { CellAt, chartXml, drawingXml } from "./drawingml";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const TYPES = {
  drawingRel: `${REL}/drawing`,
  chartRel: `${REL}/chart`,
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const RELS_ROOT = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** The package with the charts added; unchanged when there are none. */
export async function addCharts(xlsx: Buffer, charts: readonly ChartSpec[], sheets: readonly SheetLayout[], cached: boolean): Promise<Buffer> {
  if (charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const text = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (!file) throw new Error(`the workbook exceljs wrote has no ${path}`);
    return file.async("string");
  };
  const sheetPaths = worksheetPaths(await text("xl/workbook.xml"), await text("xl/_rels/workbook.xml.rels"));
  let types = await text("[Content_Types].xml");
  const free = (folder: string, stem: string, taken: Set<string>) => {
    let n = 1;
    while (zip.file(`${folder}/${stem}${n}.xml`) || taken.has(`${folder}/${stem}${n}.xml`)) n++;
    taken.add(`${folder}/${stem}${n}.xml`);
    return n;
  };
  const taken = new Set<string>();

  for (const sheetName of [...new Set(charts.map((c) => c.sheet))]) {
    const sheetPath = sheetPaths.get(sheetName);
    const layout = sheets.find((s) => s.name === sheetName);
    if (!sheetPath || !layout) throw new Error(`a chart is on sheet '${sheetName}', which the workbook does not have`);
    const onSheet = charts.filter((c) => c.sheet === sheetName);
    const drawing = `xl/drawings/drawing${free("xl/drawings", "drawing", taken)}.xml`;
    const chartParts = onSheet.map(() => `xl/charts/chart${free("xl/charts", "chart", taken)}.xml`);
    const cell = cellsOf(layout, cached);
    onSheet.forEach((spec, i) => zip.file(chartParts[i], chartXml(spec, cell)));
    zip.file(drawing, drawingXml(onSheet.map((spec, i) => ({ at: spec.at, rId: `rId${i + 1}`, title: spec.title }))));
    zip.file(relsPath(drawing), RELS_ROOT + chartParts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${TYPES.chartRel}" Target="../charts/${basename(p)}"/>`).join("") + "</Relationships>");

    const sheetRels = relsPath(sheetPath);
    const rels = zip.file(sheetRels) ? await text(sheetRels) : `${RELS_ROOT}</Relationships>`;
    const rId = freeRelId(rels);
    zip.file(sheetRels, rels.replace("</Relationships>", `<Relationship Id="${rId}" Type="${TYPES.drawingRel}" Target="../drawings/${basename(drawing)}"/></Relationships>`));
    zip.file(sheetPath, withDrawing(await text(sheetPath), rId));
    types = withOverrides(types, [[drawing, TYPES.drawing], ...chartParts.map((p): [string, string] => [p, TYPES.chart])]);
  }
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The layout's cells by 0-based row and column, as the chart caches them (formulas by their cached result, if any). */
function cellsOf(sheet: SheetLayout, cached: boolean): CellAt {
  const byPosition = new Map(sheet.cells.map((c) => [`${c.row - 1}|${c.col - 1}`, c]));
  return (row, col) => {
    const c = byPosition.get(`${row}|${col}`);
    const value = c?.formula !== undefined ? (cached ? c.result : undefined) : c?.value;
    return value === undefined ? undefined : { value, numFmt: c?.numFmt };
  };
}

/** Sheet name -> its part ("xl/worksheets/sheet3.xml"), from the workbook part and its relationships. */
function worksheetPaths(workbook: string, rels: string): Map<string, string> {
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attribute(m[0], "Id"), attribute(m[0], "Target")]));
  const paths = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(attribute(m[0], "r:id"));
    if (target) paths.set(unescapeXml(attribute(m[0], "name") ?? ""), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return paths;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

const basename = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

/** "xl/worksheets/sheet1.xml" -> "xl/worksheets/_rels/sheet1.xml.rels". */
const relsPath = (part: string): string => `${part.slice(0, part.lastIndexOf("/"))}/_rels/${basename(part)}.rels`;

function freeRelId(rels: string): string {
  const used = new Set([...rels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/**
 * The worksheet with <drawing r:id> where the schema's sequence puts it: after the page setup and before the legacy
 * drawing (exceljs's notes), the tables and the extensions.
 */
function withDrawing(sheet: string, rId: string): string {
  if (/<drawing\b/.test(sheet)) throw new Error("the worksheet exceljs wrote already has a drawing");
  const declared = /<worksheet\b[^>]*\sxmlns:r="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.test(sheet);
  const element = `<drawing${declared ? "" : ` xmlns:r="${REL}"`} r:id="${rId}"/>`;
  const before = /<(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(sheet);
  if (!before) throw new Error("the worksheet exceljs wrote has no end tag");
  return sheet.slice(0, before.index) + element + sheet.slice(before.index);
}

function withOverrides(types: string, parts: Array<[string, string]>): string {
  const overrides = parts.map(([part, type]) => `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/>`).join("");
  return types.replace("</Types>", `${overrides}</Types>`);
}
