/**
 * The exported charts as a real consumer reads them, run by libreoffice.test.ts in its one LibreOffice run: LibreOffice
 * opens the .xlsx files (written with a wrong cached result in every formula cell and so in every chart point) and
 * saves them as .ods, where each chart it read is an embedded chart object: its class, title, legend, axes and series,
 * each series with the cell range it reads, and the chart's own table of the figures it draws. The figures must be
 * LibreOffice's recalculated cells (2026Q1 from the filing: total revenues 2,703,732, line 233; public cloud services
 * 1,996,301, line 231; enterprise cloud services 707,431, line 232; gross profit 345,748, line 235; Adjusted EBITDA
 * 747,506, line 305), not the file's cached points.
 */
import JSZip from "jszip";
import { parseA1 } from "../../src/core";
import { Grid } from "./libreoffice";
import { El, all, one, parseXml, textOf } from "./xml";

interface OdsSeries {
  name: string;
  /** "Forecast.B88:Forecast.B94" */
  values: string;
  chartClass: string;
  axis: string;
}

interface OdsChart {
  sheet: string;
  title: string;
  chartClass: string;
  stacked: boolean;
  legend: string;
  /** The category range. */
  categories: string;
  series: OdsSeries[];
  /** Axis name ("primary-y") -> the kind of its number style ("percentage-style", "number-style"). */
  axisStyles: Record<string, string>;
  /** The chart's own table: category -> one figure per series (null where the series has none). */
  table: Map<string, Array<number | null>>;
}

/** The charts of an .ods, in sheet order, as LibreOffice saved them. */
export async function odsCharts(ods: Buffer): Promise<OdsChart[]> {
  const zip = await JSZip.loadAsync(ods);
  const xml = async (part: string) => parseXml(await zip.file(part)!.async("string"), part);
  const content = await xml("content.xml");
  const charts: OdsChart[] = [];
  for (const table of all(content, "table:table")) {
    for (const object of all(table, "draw:object")) {
      const dir = object.attrs["xlink:href"].replace(/^\.\//, "");
      charts.push(readChart(table.attrs["table:name"], await xml(`${dir}/content.xml`)));
    }
  }
  return charts;
}

function readChart(sheet: string, doc: El): OdsChart {
  const chart = one(doc, "chart:chart");
  const styles = new Map(all(doc, "style:style").map((s) => [s.attrs["style:name"], s]));
  const numberStyles = new Map(one(doc, "office:automatic-styles").children.filter((c) => c.name.startsWith("number:")).map((n) => [n.attrs["style:name"], n.name.slice("number:".length)]));
  const plotArea = one(chart, "chart:plot-area");
  const plotProps = styles.get(plotArea.attrs["chart:style-name"])?.children.find((c) => c.name === "style:chart-properties");
  const axisStyles: Record<string, string> = {};
  for (const axis of all(plotArea, "chart:axis")) axisStyles[axis.attrs["chart:name"]] = numberStyles.get(styles.get(axis.attrs["chart:style-name"])?.attrs["style:data-style-name"] ?? "") ?? "";
  const local = one(chart, "table:table");
  const names = all(one(local, "table:table-header-rows"), "table:table-cell").slice(1).map((c) => textOf(one(c, "text:p")));
  const table = new Map(
    all(one(local, "table:table-rows"), "table:table-row").map((row) => {
      const [category, ...cells] = all(row, "table:table-cell");
      return [textOf(one(category, "text:p")), cells.map((c) => (c.attrs["office:value"] === undefined || c.attrs["office:value"] === "NaN" ? null : Number(c.attrs["office:value"])))] as const;
    }),
  );
  return {
    sheet,
    title: textOf(one(one(chart, "chart:title"), "text:p")),
    chartClass: chart.attrs["chart:class"],
    stacked: plotProps?.attrs["chart:stacked"] === "true",
    legend: one(chart, "chart:legend").attrs["chart:legend-position"],
    categories: one(plotArea, "chart:categories").attrs["table:cell-range-address"],
    series: all(plotArea, "chart:series").map((s, i) => ({ name: names[i], values: s.attrs["chart:values-cell-range-address"], chartClass: s.attrs["chart:class"], axis: s.attrs["chart:attached-axis"] })),
    axisStyles,
    table,
  };
}

/** The cells of a one-column range "Forecast.B88:Forecast.B94" in LibreOffice's CSV grid of its sheet. */
function rangeCells(range: string, grids: Map<string, Grid>): string[] {
  const m = /^(\w+)\.(\$?[A-Z]+\$?\d+):\1\.(\$?[A-Z]+\$?\d+)$/.exec(range);
  if (!m) throw new Error(`not a range on a plain-named sheet: ${range}`);
  const [first, last] = [parseA1(m[2]), parseA1(m[3])];
  if (first.col !== last.col) throw new Error(`not one column: ${range}`);
  const grid = grids.get(m[1])!;
  return Array.from({ length: last.row - first.row + 1 }, (_, i) => grid[first.row + i]?.[first.col] ?? "");
}

const figure = (text: string): number | null => (text.trim() === "" ? null : text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text));

/** Each series draws exactly the cells its range names, as LibreOffice computed the sheet (an empty cell, no point). */
function expectDrawsItsCells(c: OdsChart, grids: Map<string, Grid>): void {
  const drawnRows = [...c.table.values()];
  c.series.forEach((s, i) => {
    const cells = rangeCells(s.values, grids).map(figure);
    expect(cells).toHaveLength(drawnRows.length);
    cells.forEach((v, k) => (v === null ? expect(drawnRows[k][i]).toBeNull() : expect(drawnRows[k][i]).toBeCloseTo(v, 9)));
  });
}

export interface ChartFiles {
  model: string;
  forecast: string;
  ods: Map<string, Buffer>;
  grids: Map<string, Map<string, Grid>>;
}

/** The tests, over LibreOffice's .ods and CSV grids of the model and forecast workbooks (given once converted). */
export function chartChecks(wrongCachedResult: number, files: () => ChartFiles): void {
  const read = new Map<string, Promise<OdsChart[]>>();
  const charts = (which: "model" | "forecast") => {
    const file = files()[which];
    if (!read.has(file)) read.set(file, odsCharts(files().ods.get(file)!));
    return read.get(file)!;
  };
  const find = (list: OdsChart[], sheet: string) => list.find((c) => c.sheet === sheet) as OdsChart;

  test("LibreOffice opens the charts: Ratios' without --forecast, Ratios' and Forecast's with it, each titled, stacked columns with the legend at the bottom", async () => {
    const model = await charts("model");
    const forecast = await charts("forecast");
    expect(model.map((c) => [c.sheet, c.title])).toEqual([["Ratios", "Revenue mix (RMB thousands) and margins"]]);
    expect(forecast.map((c) => [c.sheet, c.title])).toEqual([
      ["Ratios", "Revenue mix (RMB thousands) and margins"],
      ["Forecast", "Total revenues, reported and estimated (RMB thousands), and Adjusted EBITDA margin"],
    ]);
    for (const c of [...model, ...forecast]) expect({ sheet: c.sheet, chartClass: c.chartClass, stacked: c.stacked, legend: c.legend }).toEqual({ sheet: c.sheet, chartClass: "chart:bar", stacked: true, legend: "bottom" });
  });

  test("Forecast: reported and estimated revenues are two column series, the Adjusted EBITDA margin a line on the secondary, percent axis", async () => {
    const c = find(await charts("forecast"), "Forecast");
    expect(c.series.map((s) => [s.name, s.chartClass, s.axis])).toEqual([
      ["Total revenues (reported)", "chart:bar", "primary-y"],
      ["Total revenues (estimated)", "chart:bar", "primary-y"],
      ["Adjusted EBITDA margin", "chart:line", "secondary-y"],
    ]);
    expect([c.axisStyles["primary-y"], c.axisStyles["secondary-y"]]).toEqual(["number-style", "percentage-style"]);
  });

  test("Forecast: the chart draws LibreOffice's recalculated cells (2026Q1 revenues 2,703,732, each estimate repeating it), not the file's cached points", async () => {
    const c = find(await charts("forecast"), "Forecast");
    const grids = files().grids.get(files().forecast)!;
    const margin = 747506 / 2703732;
    expect([...c.table.keys()]).toEqual(["2025Q1", "2025Q4", "2026Q1", "2026Q2E", "2026Q3E", "2026Q4E", "2027Q1E"]);
    expect(c.table.get("2026Q1")!.slice(0, 2)).toEqual([2703732, null]); // line 233
    for (const q of ["2026Q2E", "2026Q3E", "2026Q4E", "2027Q1E"]) expect(c.table.get(q)!.slice(0, 2)).toEqual([null, 2703732]);
    for (const q of ["2026Q1", "2026Q2E", "2027Q1E"]) expect(c.table.get(q)![2]).toBeCloseTo(margin, 12);
    expect([...c.table.values()].flat()).not.toContain(wrongCachedResult);
    // Its ranges are the sheet's cells that hold those figures, as LibreOffice computed the sheet.
    expect(rangeCells(c.categories, grids)).toEqual([...c.table.keys()]);
    expectDrawsItsCells(c, grids);
  });

  test("Ratios: the revenue mix as stacked columns of LibreOffice's figures, the gross and Adjusted EBITDA margins as lines on the secondary, percent axis", async () => {
    const c = find(await charts("model"), "Ratios");
    expect(c.series.map((s) => [s.name, s.chartClass, s.axis])).toEqual([
      ["Public cloud services", "chart:bar", "primary-y"],
      ["Enterprise cloud services", "chart:bar", "primary-y"],
      ["Gross margin", "chart:line", "secondary-y"],
      ["Adjusted EBITDA margin (Non-GAAP Financial Measure)", "chart:line", "secondary-y"],
    ]);
    expect(c.axisStyles["secondary-y"]).toBe("percentage-style");
    expect([...c.table.keys()]).toEqual(["2025Q1", "2025Q4", "2026Q1"]);
    const q1 = c.table.get("2026Q1")!;
    expect(q1.slice(0, 2)).toEqual([1996301, 707431]);
    expect(q1[2]).toBeCloseTo(345748 / 2703732, 12);
    expect(q1[3]).toBeCloseTo(747506 / 2703732, 12);
    expect([...c.table.values()].flat()).not.toContain(wrongCachedResult);
    // Every period has all four figures, each the cell its series' range names.
    expect([...c.table.values()].flat()).not.toContain(null);
    expectDrawsItsCells(c, files().grids.get(files().model)!);
  });
}
