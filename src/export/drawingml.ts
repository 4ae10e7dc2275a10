/**
 * A ChartSpec as DrawingML (ECMA-376 Part 1, 21.2 charts and 20.5 spreadsheet drawings), the XML an .xlsx holds for a
 * native chart: the chart part (stacked columns on the primary axes, lines on secondary axes at the right, the legend at
 * the bottom) and the drawing part that anchors it on its sheet. Each series reads the sheet's cells by formula
 * (c:strRef / c:numRef), so the chart follows the analyst's inputs; the cached points are the layout's values, for
 * viewers that draw without recalculating. Pure text: xlsx-charts.ts puts the parts into the package.
 */
import { Block, absoluteA1, escapeXml, sheetPrefix } from "../core";
import type { ChartSpec } from "./layout";

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What a cell of the chart's sheet holds (0-based row and column), as the chart caches it; undefined when empty. */
export type CellAt = (row: number, col: number) => { value: string | number; numFmt?: string } | undefined;

/** Axis ids: the columns' category and value axes, then the lines'. */
const AXES = { columnsCat: 1001, columnsVal: 1002, linesCat: 1003, linesVal: 1004 };

/** The chart part (xl/charts/chartN.xml) of a spec, its series reading `spec.data` on `spec.sheet`. */
export function chartXml(spec: ChartSpec, cell: CellAt): string {
  const { data } = spec;
  const series = Array.from({ length: data.cols - 1 }, (_, i) => i);
  const columns = series.filter((i) => !spec.lines.includes(i));
  const lines = series.filter((i) => spec.lines.includes(i));
  const ser = (i: number, line: boolean) => seriesXml(spec.sheet, data, i, cell, line);
  const barChart =
    `<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>${columns.map((i) => ser(i, false)).join("")}` +
    `<c:gapWidth val="150"/><c:overlap val="100"/><c:axId val="${AXES.columnsCat}"/><c:axId val="${AXES.columnsVal}"/></c:barChart>`;
  const lineChart = lines.length
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines.map((i) => ser(i, true)).join("")}` +
      `<c:marker val="1"/><c:axId val="${AXES.linesCat}"/><c:axId val="${AXES.linesVal}"/></c:lineChart>`
    : "";
  const axes =
    catAx(AXES.columnsCat, AXES.columnsVal, false) +
    valAx(AXES.columnsVal, AXES.columnsCat, "l", spec.axisFormats.primary, "autoZero", true) +
    (lines.length ? catAx(AXES.linesCat, AXES.linesVal, true) + valAx(AXES.linesVal, AXES.linesCat, "r", spec.axisFormats.secondary, "max", false) : "");
  return (
    HEADER +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${escapeXml(spec.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${barChart}${lineChart}${axes}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart></c:chartSpace>`
  );
}

/** Series `i` (0-based after the category column): its name, the categories and its values, each by formula and cached. */
function seriesXml(sheet: string, data: Block, i: number, cell: CellAt, line: boolean): string {
  const col = data.col + 1 + i;
  const first = data.row + 1;
  const last = data.row + data.rows - 1;
  const ref = (c: number, r0: number, r1 = r0) => escapeXml(`${sheetPrefix(sheet)}${absoluteA1(r0, c)}${r1 === r0 ? "" : `:${absoluteA1(r1, c)}`}`);
  const rows = Array.from({ length: data.rows - 1 }, (_, k) => first + k);
  const name = cell(data.row, col);
  const categories = rows.map((r) => cell(r, data.col));
  const values = rows.map((r) => cell(r, col));
  const points = (cached: Array<string | number | undefined>) =>
    `<c:ptCount val="${cached.length}"/>` + cached.map((v, k) => (v === undefined ? "" : `<c:pt idx="${k}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`)).join("");
  const numbers = values.map((v) => (typeof v?.value === "number" && Number.isFinite(v.value) ? v.value : undefined));
  const format = values.find((v) => v?.numFmt)?.numFmt ?? "General";
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${ref(col, data.row)}</c:f><c:strCache>${points([name === undefined ? undefined : String(name.value)])}</c:strCache></c:strRef></c:tx>` +
    (line ? `<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>` : `<c:invertIfNegative val="0"/>`) +
    `<c:cat><c:strRef><c:f>${ref(data.col, first, last)}</c:f><c:strCache>${points(categories.map((v) => (v === undefined ? undefined : String(v.value))))}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${ref(col, first, last)}</c:f><c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode>${points(numbers)}</c:numCache></c:numRef></c:val>` +
    (line ? `<c:smooth val="0"/>` : "") +
    `</c:ser>`
  );
}

/** A category axis; the lines' is hidden (they share the columns' categories). */
function catAx(id: number, cross: number, hidden: boolean): string {
  return (
    `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="${hidden ? 1 : 0}"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/** A value axis with its number format: the columns' at the left with gridlines, the lines' at the right ("max"). */
function valAx(id: number, cross: number, position: "l" | "r", format: string, crosses: "autoZero" | "max", gridlines: boolean): string {
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${position}"/>` +
    (gridlines ? "<c:majorGridlines/>" : "") +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="${crosses}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/** One chart of a drawing: where it sits, and the drawing's relationship id of its chart part. */
export interface Anchor {
  at: Block;
  rId: string;
  title: string;
}

/** The drawing part (xl/drawings/drawingN.xml): each chart anchored from its block's top-left cell to its bottom-right. */
export function drawingXml(anchors: Anchor[]): string {
  const marker = (tag: string, row: number, col: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  const frames = anchors.map(
    (a, i) =>
      `<xdr:twoCellAnchor>${marker("from", a.at.row, a.at.col)}${marker("to", a.at.row + a.at.rows, a.at.col + a.at.cols)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Chart ${i + 1}" descr="${escapeXml(a.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${a.rId}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
      `<xdr:clientData/></xdr:twoCellAnchor>`,
  );
  return HEADER + `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${frames.join("")}</xdr:wsDr>`;
}
