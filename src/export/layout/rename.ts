/** For other writers: the task pane's "Build model" writes through Office.js, whose sheets may get other names. */
import { renameSheetReferences } from "../../core";
import { ChartSpec, SheetLayout, WorkbookLayout } from "./types";

/**
 * The layout with sheets renamed (e.g. when "IS" is taken in the user's workbook): sheet names, every cross-sheet
 * reference in the formulas, the homes, the scenario, the forecast and the charts follow. Names not in the map are kept.
 */
export function renameSheets(layout: WorkbookLayout, names: Readonly<Record<string, string>>): WorkbookLayout {
  const rename = (name: string) => names[name] ?? name;
  const rewrite = (text: string) => renameSheetReferences(text, rename);
  const homes: Record<string, string> = {};
  for (const [key, ref] of Object.entries(layout.homes)) homes[key] = rewrite(ref);
  return {
    ...layout,
    homes,
    sheets: layout.sheets.map((s) => ({ ...s, name: rename(s.name), cells: s.cells.map((c) => (c.formula === undefined ? c : { ...c, formula: rewrite(c.formula) })) })),
    scenario: { ...layout.scenario, sheet: rename(layout.scenario.sheet) },
    ...(layout.forecast ? { forecast: { ...layout.forecast, sheet: rename(layout.forecast.sheet) } } : {}),
    charts: layout.charts.map((c): ChartSpec => ({ ...c, sheet: rename(c.sheet), data: { ...c.data, sheet: rename(c.data.sheet) }, at: { ...c.at, sheet: rename(c.at.sheet) } })),
  };
}

/**
 * A sheet as dense rows from A1, the shape Office.js takes (`range.formulas`, `range.numberFormat`): formulas with
 * their "=", constants as they are, "" for empty cells; "General" where no format is set.
 */
export function sheetGrid(sheet: SheetLayout): { formulas: Array<Array<string | number>>; formats: string[][] } {
  const rows = Math.max(0, ...sheet.cells.map((c) => c.row));
  const cols = Math.max(0, ...sheet.cells.map((c) => c.col));
  const formulas = Array.from({ length: rows }, () => Array<string | number>(cols).fill(""));
  const formats = Array.from({ length: rows }, () => Array<string>(cols).fill("General"));
  for (const c of sheet.cells) {
    formulas[c.row - 1][c.col - 1] = c.formula !== undefined ? `=${c.formula}` : c.value ?? "";
    if (c.numFmt) formats[c.row - 1][c.col - 1] = c.numFmt;
  }
  return { formulas, formats };
}