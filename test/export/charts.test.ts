/**
 * The exported workbook's native charts (kc export-model, with and without --forecast), read as a consumer reads the
 * package: every part well-formed XML, every relationship's target present, every part with a content type; each sheet's
 * <drawing> leads to its chart parts, whose series read the sheet's cells by formula. The cells those formulas name,
 * read back with exceljs, hold the figures the chart is about (2026Q1 from the filing: total revenues 2,703,732, line
 * 233; public cloud services 1,996,301, line 231; enterprise cloud services 707,431, line 232; Adjusted EBITDA 747,506,
 * line 305) and are linked to their lines. LibreOffice opening the charts is libreoffice.test.ts's (engines project).
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Block, parseBlock } from "../../src/core";
import { ChartSpec, ForecastLayout, WorkbookLayout, buildWorkbookLayout, renameSheets } from "../../src/export/layout";
import { writeXlsx } from "../../src/export/xlsx";
import { planForecast } from "../../src/taskpane/actions/build-forecast";
import { engine } from "../helpers/engine";
import { El, Package, all, one, relsOf, resolvePart, textOf } from "./xml";

const forecastLayout = buildWorkbookLayout(engine, { forecastQuarters: 4 });
const modelLayout = buildWorkbookLayout(engine);
const forecast = forecastLayout.forecast as ForecastLayout;
let dir: string;
const files = new Map<string, { pkg: Package; book: ExcelJS.Workbook }>();

async function written(name: string, layout: WorkbookLayout) {
  const file = join(dir, `${name}.xlsx`);
  await writeXlsx(layout, file);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file); // exceljs still reads the workbook with the charts added
  files.set(name, { pkg: await Package.load(readFileSync(file)), book });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kc-charts-"));
  await written("forecast", forecastLayout);
  await written("model", modelLayout);
  // A sheet name that must be quoted in a formula and escaped in XML (the Forecast sheet alone: its links dangle).
  const renamed = renameSheets(forecastLayout, { Forecast: "R&D's <forecast>" });
  await written("renamed", { ...renamed, sheets: renamed.sheets.filter((s) => s.name === "R&D's <forecast>"), charts: renamed.charts.filter((c) => c.sheet === "R&D's <forecast>") });
}, 30_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A series of a chart part: its name, category and value formulas, and whether it is drawn as a line. */
interface Series {
  name: string;
  nameRef: Block;
  categories: Block;
  values: Block;
  line: boolean;
  axes: string[];
}

function seriesOf(chart: El): Series[] {
  const plots = [...all(chart, "c:barChart"), ...all(chart, "c:lineChart")];
  return plots.flatMap((plot) =>
    all(plot, "c:ser").map((ser) => ({
      name: textOf(one(one(ser, "c:tx"), "c:v")),
      nameRef: parseBlock(textOf(one(one(ser, "c:tx"), "c:f"))),
      categories: parseBlock(textOf(one(one(ser, "c:cat"), "c:f"))),
      values: parseBlock(textOf(one(one(ser, "c:val"), "c:f"))),
      line: plot.name === "c:lineChart",
      axes: plot.children.filter((c) => c.name === "c:axId").map((c) => c.attrs.val),
    })),
  );
}

/** The value axis of a plot (by its axis ids). */
function valueAxis(chart: El, axes: string[]): El {
  const found = all(chart, "c:valAx").filter((ax) => axes.includes(one(ax, "c:axId").attrs.val));
  expect(found).toHaveLength(1);
  return found[0];
}

/** The cells a block names, read back with exceljs: one per row. */
function cellsOf(book: ExcelJS.Workbook, block: Block): ExcelJS.Cell[] {
  const sheet = book.getWorksheet(block.sheet);
  if (!sheet) throw new Error(`no sheet ${block.sheet}`);
  expect(block.cols).toBe(1);
  return Array.from({ length: block.rows }, (_, i) => sheet.getCell(block.row + i + 1, block.col + 1));
}

const formulaOf = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellFormulaValue | null)?.formula;
const resultOf = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellFormulaValue | null)?.result;

describe("the package", () => {
  test.each(["forecast", "model", "renamed"])("%s: every part is well-formed XML, every relationship's target exists, every part has a content type", async (name) => {
    const { pkg } = files.get(name)!;
    const types = await pkg.xml("[Content_Types].xml");
    const overrides = new Map(all(types, "Override").map((o) => [o.attrs.PartName.slice(1), o.attrs.ContentType]));
    const defaults = new Map(all(types, "Default").map((d) => [d.attrs.Extension, d.attrs.ContentType]));
    const problems: string[] = [];
    for (const part of pkg.parts) {
      if (/\.(xml|rels)$/.test(part)) await pkg.xml(part); // throws if not well-formed
      if (part !== "[Content_Types].xml" && !overrides.has(part) && !defaults.has(part.slice(part.lastIndexOf(".") + 1))) problems.push(`${part}: no content type`);
      if (!part.endsWith(".rels")) continue;
      const source = part === "_rels/.rels" ? "" : part.replace(/_rels\/([^/]+)\.rels$/, "$1");
      expect(relsOf(source)).toBe(part);
      for (const r of all(await pkg.xml(part), "Relationship")) {
        if (r.attrs.TargetMode === "External") continue;
        const target = resolvePart(source || "x", r.attrs.Target);
        if (!pkg.zip.file(target)) problems.push(`${part} ${r.attrs.Id}: ${target} does not exist`);
      }
    }
    for (const [part] of overrides) if (!pkg.zip.file(part)) problems.push(`[Content_Types].xml names ${part}, which does not exist`);
    expect(problems).toEqual([]);
    const charts = pkg.parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    const drawings = pkg.parts.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(charts.map((p) => overrides.get(p))).toEqual(charts.map(() => "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"));
    expect(drawings.map((p) => overrides.get(p))).toEqual(drawings.map(() => "application/vnd.openxmlformats-officedocument.drawing+xml"));
    expect(charts).toHaveLength(name === "forecast" ? 2 : 1);
  });

  test("only the Ratios and Forecast sheets have a drawing; exceljs reads every sheet back", async () => {
    const { pkg, book } = files.get("forecast")!;
    expect(book.worksheets.map((w) => w.name)).toEqual(forecastLayout.sheets.map((s) => s.name));
    const counts = await Promise.all(forecastLayout.sheets.map(async (s) => [s.name, (await pkg.chartsOf(s.name)).length]));
    expect(counts.filter(([, n]) => n)).toEqual([["Ratios", 1], ["Forecast", 1]]);
  });
});

describe("the Forecast sheet's chart", () => {
  let chart: El;
  let anchor: El;
  let series: Series[];
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    const f = files.get("forecast")!;
    [{ chart, anchor }] = await f.pkg.chartsOf("Forecast");
    series = seriesOf(chart);
    book = f.book;
  });

  test("title, and reported and estimated revenues as two stacked column series, the margin as a line", () => {
    expect(textOf(one(chart, "c:title"))).toBe("Total revenues, reported and estimated (RMB thousands), and Adjusted EBITDA margin");
    expect(series.map((s) => [s.name, s.line])).toEqual([
      ["Total revenues (reported)", false],
      ["Total revenues (estimated)", false],
      ["Adjusted EBITDA margin", true],
    ]);
    expect(one(one(chart, "c:barChart"), "c:grouping").attrs.val).toBe("stacked");
    expect(one(one(chart, "c:barChart"), "c:barDir").attrs.val).toBe("col");
    expect(one(chart, "c:legendPos").attrs.val).toBe("b");
  });

  test("each series' name and categories are the sheet's cells: the quarters, reported then estimated", () => {
    for (const s of series) {
      expect(cellsOf(book, { ...s.nameRef, rows: 1 })[0].value).toBe(s.name);
      expect(cellsOf(book, s.categories).map((c) => c.value)).toEqual(["2025Q1", "2025Q4", "2026Q1", "2026Q2E", "2026Q3E", "2026Q4E", "2027Q1E"]);
      expect(s.values.rows).toBe(s.categories.rows);
      expect(s.values.row).toBe(s.categories.row);
    }
  });

  test("revenues: the reported series reads the revenue line of the reported quarters (2026Q1 2,703,732), the estimated one that of the estimates", () => {
    const [reported, estimated] = series;
    const quarters = cellsOf(book, reported.categories).map((c) => String(c.value));
    const rev = cellsOf(book, reported.values);
    const est = cellsOf(book, estimated.values);
    quarters.forEach((q, i) => {
      const [has, empty] = q.endsWith("E") ? [est[i], rev[i]] : [rev[i], est[i]];
      expect({ q, formula: formulaOf(has), empty: empty.value }).toEqual({ q, formula: forecast.lines.TotalRevenues[q], empty: null });
    });
    expect(resultOf(rev[quarters.indexOf("2026Q1")])).toBe(2703732);
    expect(resultOf(est[quarters.indexOf("2026Q2E")])).toBe(2703732); // the defaults repeat 2026Q1
    // The revenue line's 2026Q1 cell is the link to the income statement's printed subtotal.
    const line = book.getWorksheet("Forecast")!.getCell(forecast.lines.TotalRevenues["2026Q1"]);
    expect(formulaOf(line)).toBe(forecastLayout.homes["TotalRevenues|2026Q1"]);
  });

  test("the Adjusted EBITDA margin reads the margin line, on a secondary axis at the right formatted as a percent", () => {
    const margin = series[2];
    const quarters = cellsOf(book, margin.categories).map((c) => String(c.value));
    const cells = cellsOf(book, margin.values);
    quarters.forEach((q, i) => expect({ q, formula: formulaOf(cells[i]) }).toEqual({ q, formula: forecast.lines.AdjustedEBITDAMargin[q] }));
    expect(resultOf(cells[quarters.indexOf("2026Q1")])).toBeCloseTo(747506 / 2703732, 12);
    const secondary = valueAxis(chart, margin.axes);
    expect([one(secondary, "c:axPos").attrs.val, one(secondary, "c:crosses").attrs.val, one(secondary, "c:numFmt").attrs.formatCode]).toEqual(["r", "max", "0%"]);
    const primary = valueAxis(chart, series[0].axes);
    expect([one(primary, "c:axPos").attrs.val, one(primary, "c:numFmt").attrs.formatCode]).toEqual(["l", "#,##0;(#,##0)"]);
    expect(margin.axes).not.toEqual(series[0].axes);
  });

  test("anchored below the data, where the task pane's Build forecast puts it, over no cell of the sheet", () => {
    const at = (tag: string) => ["xdr:row", "xdr:col"].map((n) => Number(textOf(one(one(anchor, tag), n))));
    const [fromRow, fromCol] = at("xdr:from");
    const [toRow, toCol] = at("xdr:to");
    const pane = planForecast(engine, [], 4).batch.charts!.find((c) => c.sheet === "KC Forecast") as ChartSpec;
    expect({ fromRow, fromCol, toRow, toCol }).toEqual({ fromRow: pane.at.row, fromCol: pane.at.col, toRow: pane.at.row + pane.at.rows, toCol: pane.at.col + pane.at.cols });
    expect(fromRow).toBeGreaterThan(series[0].values.row + series[0].values.rows - 1);
    const sheet = forecastLayout.sheets.find((s) => s.name === "Forecast")!;
    expect(sheet.cells.filter((c) => c.row - 1 >= fromRow && c.row - 1 < toRow && c.col - 1 < toCol).map((c) => c.address)).toEqual([]);
  });

  test("the cached points are the layout's values, blanks where a series has no figure", () => {
    const points = (ser: El) => Object.fromEntries(all(one(one(ser, "c:val"), "c:numCache"), "c:pt").map((p) => [p.attrs.idx, Number(textOf(p))]));
    const [reported, estimated] = all(chart, "c:ser");
    expect(points(reported)).toEqual({ 0: 1969977, 1: 2761387, 2: 2703732 }); // total revenues 2025Q1, 2025Q4, 2026Q1 (line 233)
    expect(points(estimated)).toEqual({ 3: 2703732, 4: 2703732, 5: 2703732, 6: 2703732 });
    expect(one(one(reported, "c:val"), "c:ptCount").attrs.val).toBe("7");
  });
});

describe("the Ratios sheet's chart (kc export-model without --forecast)", () => {
  test("the revenue mix as stacked columns, the gross and Adjusted EBITDA margins as lines on the percent axis, each series its home cells", async () => {
    const { pkg, book } = files.get("model")!;
    const [{ chart }] = await pkg.chartsOf("Ratios");
    expect(textOf(one(chart, "c:title"))).toBe("Revenue mix (RMB thousands) and margins");
    const series = seriesOf(chart);
    expect(series.map((s) => [s.name, s.line])).toEqual([
      ["Public cloud services", false],
      ["Enterprise cloud services", false],
      ["Gross margin", true],
      ["Adjusted EBITDA margin (Non-GAAP Financial Measure)", true],
    ]);
    const ids = ["PublicCloudRevenues", "EnterpriseCloudRevenues", "GrossMargin", "AdjustedEBITDAMargin"];
    const periods = cellsOf(book, series[0].categories).map((c) => String(c.value));
    expect(periods).toEqual(["2025Q1", "2025Q4", "2026Q1"]);
    series.forEach((s, i) => {
      const cells = cellsOf(book, s.values);
      periods.forEach((p, k) => {
        const home = parseBlock(modelLayout.homes[`${ids[i]}|${p}`]);
        const formula = formulaOf(cells[k]) ?? "";
        expect({ p, at: parseBlock(formula.includes("!") ? formula : `Ratios!${formula}`) }).toEqual({ p, at: home });
      });
    });
    const q1 = periods.indexOf("2026Q1");
    expect([0, 1].map((i) => resultOf(cellsOf(book, series[i].values)[q1]))).toEqual([1996301, 707431]);
    expect(resultOf(cellsOf(book, series[2].values)[q1])).toBeCloseTo(345748 / 2703732, 12); // gross profit, line 235
    expect(one(valueAxis(chart, series[2].axes), "c:numFmt").attrs.formatCode).toBe("0%");
    expect(one(valueAxis(chart, series[2].axes), "c:axPos").attrs.val).toBe("r");
  });
});

test("sheet names that need quoting: the series formulas quote them, the XML escapes them, exceljs reads them back", async () => {
  const { pkg, book } = files.get("renamed")!;
  const [{ chart }] = await pkg.chartsOf("R&D's <forecast>");
  const [reported] = seriesOf(chart);
  expect(textOf(one(one(all(chart, "c:ser")[0], "c:val"), "c:f"))).toMatch(/^'R&D''s <forecast>'!\$B\$\d+:\$B\$\d+$/);
  const cells = cellsOf(book, reported.values);
  expect(resultOf(cells[2])).toBe(2703732);
});

test("the task pane's Build forecast adds the very charts the file has, over the same cells of its renamed sheets", async () => {
  const plan = planForecast(engine, [], 4);
  expect(plan.batch.charts).toEqual(renameSheets(forecastLayout, plan.names).charts);
  expect(plan.batch.charts!.map((c) => [c.sheet, c.lines])).toEqual([["KC Ratios", [2, 3]], ["KC Forecast", [2]]]);
  // What the task pane writes in each chart's data block is what the file's chart reads: the series names and categories.
  const { pkg } = files.get("forecast")!;
  for (const [sheet, chart] of [["Ratios", plan.batch.charts![0]], ["Forecast", plan.batch.charts![1]]] as const) {
    const write = plan.batch.writes.find((w) => w.sheet === chart.sheet && w.row === 0)!;
    const block = write.cells.slice(chart.data.row, chart.data.row + chart.data.rows).map((r) => r.slice(chart.data.col, chart.data.col + chart.data.cols));
    const [{ chart: part }] = await pkg.chartsOf(sheet);
    const inFile = all(part, "c:ser");
    expect(block[0].slice(1)).toEqual(seriesOf(part).map((x) => x.name));
    expect(block.slice(1).map((r) => r[0])).toEqual(all(one(inFile[0], "c:cat"), "c:v").map(textOf));
  }
});
