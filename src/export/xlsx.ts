/**
 * Writes a WorkbookLayout to .xlsx with exceljs. Thin on purpose: everything the workbook says is decided by
 * layout.ts; this file only maps cells, formats, notes and styles onto exceljs. exceljs does not calculate: each
 * formula is written with the core's exact value as its cached result, so viewers that do not recalculate (previews,
 * some mobile apps) still show the numbers, and Excel or LibreOffice recalculate from the formulas. exceljs cannot write
 * charts: xlsx-charts.ts adds the layout's to the package exceljs wrote.
 */
import ExcelJS from "exceljs";
import { writeFile } from "fs/promises";
import type { CellStyle, LayoutCell, SheetLayout, WorkbookLayout } from "./layout";
import { addCharts } from "./xlsx-charts";

export interface XlsxOptions {
  /** Write each formula's cached result (default true). Without them a viewer must recalculate to show figures. */
  cachedResults?: boolean;
  /** The workbook's creator property (default: the portable model's). */
  creator?: string;
}

/** What the writer needs of a layout: its sheets and charts (a WorkbookLayout), or sheets only (the acceptance sheet). */
export type SheetsLayout = Pick<WorkbookLayout, "sheets"> & Partial<Pick<WorkbookLayout, "charts">>;

const INPUT_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const THIN_TOP: Partial<ExcelJS.Borders> = { top: { style: "thin" } };
const STYLES: Record<CellStyle, (cell: ExcelJS.Cell) => void> = {
  title: (c) => (c.font = { bold: true, size: 14 }),
  subtitle: (c) => (c.font = { italic: true }),
  header: (c) => {
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.alignment = { horizontal: "center", vertical: "middle" };
  },
  heading: (c) => (c.font = { bold: true }),
  total: (c) => {
    c.font = { bold: true };
    if (c.type !== ExcelJS.ValueType.String) c.border = THIN_TOP;
  },
  input: (c) => {
    c.fill = INPUT_FILL;
    c.font = { color: { argb: "FF0000FF" } };
    c.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
  },
  muted: (c) => (c.font = { color: { argb: "FF808080" } }),
  prose: (c) => (c.alignment = { wrapText: true, vertical: "top" }),
  code: (c) => (c.font = { name: "Consolas", color: { argb: "FF595959" } }),
};

/** The layout as an exceljs workbook (not yet written). */
export function toWorkbook(layout: SheetsLayout, options: XlsxOptions = {}): ExcelJS.Workbook {
  const cached = options.cachedResults ?? true;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = options.creator ?? "KC for Excel (kc export-model)";
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const sheet of layout.sheets) writeSheet(workbook, sheet, cached);
  return workbook;
}

/** Writes the layout to an .xlsx file, its charts included. */
export async function writeXlsx(layout: SheetsLayout, file: string, options: XlsxOptions = {}): Promise<void> {
  const written = Buffer.from(await toWorkbook(layout, options).xlsx.writeBuffer());
  await writeFile(file, await addCharts(written, layout.charts ?? [], layout.sheets, options.cachedResults ?? true));
}

function writeSheet(workbook: ExcelJS.Workbook, layout: SheetLayout, cached: boolean): void {
  const views: Array<Partial<ExcelJS.WorksheetView>> = layout.freeze.rows || layout.freeze.cols
    ? [{ state: "frozen", xSplit: layout.freeze.cols, ySplit: layout.freeze.rows }]
    : [];
  const sheet = workbook.addWorksheet(layout.name, { views });
  layout.widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const cell of layout.cells) writeCell(sheet.getCell(cell.row, cell.col), cell, cached);
}

function writeCell(target: ExcelJS.Cell, cell: LayoutCell, cached: boolean): void {
  if (cell.formula !== undefined) {
    target.value = cached && cell.result !== undefined ? { formula: cell.formula, result: cell.result } : { formula: cell.formula };
  } else if (cell.value !== undefined) {
    target.value = cell.value;
  }
  if (cell.numFmt) target.numFmt = cell.numFmt;
  if (cell.style) STYLES[cell.style](target);
  if (cell.note) target.note = cell.note;
}
