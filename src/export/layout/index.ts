/**
 * The portable model's layout: the statement sheets, Ratios, Scenario and About, built from the engine. Each sheet has
 * its own builder (statements.ts, ratios.ts, scenario.ts, about.ts); emit.ts makes a planned sheet's cells and
 * formulas.ts turns the model's formulas into cell formulas; charts.ts declares the native charts. kc export-model writes
 * it with exceljs and DrawingML (../xlsx.ts), the task pane's Build model through Office.js.
 */
import { Engine, PeriodKey, TABLE_STATEMENTS, sheetPrefix } from "../../core";
import { FILING_NAME, FILING_SHA256 } from "../../data/filing.generated";
import { buildAbout } from "./about";
import { addModelChart } from "./charts";
import { buildForecast } from "./forecast";
import { emitSheet } from "./emit";
import { PlannedSheet, periodCol } from "./plan";
import { planRatios } from "./ratios";
import { buildScenario } from "./scenario";
import { planStatement } from "./statements";
import { DEFAULT_SCENARIO_INPUTS, Home, LayoutOptions, SHEET_NAMES, SheetLayout, WorkbookLayout, cellAddress } from "./types";

export * from "./types";
export { render, translate } from "./formulas";
export { FORECAST_SHEET, MAX_FORECAST_QUARTERS } from "./forecast";
export type { ForecastColumn, ForecastLayout } from "./forecast";
export { renameSheets, sheetGrid } from "./rename";

/** Builds the whole workbook's layout from the engine's release. */
export function buildWorkbookLayout(engine: Engine, options: LayoutOptions = {}): WorkbookLayout {
  const filing = options.filing ?? { name: FILING_NAME, sha256: FILING_SHA256 };
  const latest = engine.latest;
  const homes = new Map<string, Home>();
  const key = (id: string, period: PeriodKey) => `${id}|${period}`;

  const planned: PlannedSheet[] = TABLE_STATEMENTS.map((kind) => planStatement(engine, kind));
  planned.push(planRatios(engine, planned));
  for (const sheet of planned) {
    for (const row of sheet.rows) {
      if (!row.metric) continue;
      for (const period of row.periods) {
        const k = key(row.metric, period);
        if (!homes.has(k)) homes.set(k, { sheet: sheet.name, address: cellAddress(row.row, periodCol(sheet, period)) });
      }
    }
  }
  const resolveHome = (id: string, period: PeriodKey): Home | undefined => homes.get(key(id, period));

  const sheets: SheetLayout[] = planned.map((p) => emitSheet(engine, p, resolveHome));
  const charts = [addModelChart(engine, sheets.find((s) => s.name === SHEET_NAMES.ratios)!, resolveHome)];
  const scenarioSheet = buildScenario(engine, latest, options.scenarioInputs ?? DEFAULT_SCENARIO_INPUTS, resolveHome, sheets);
  sheets.push(scenarioSheet.sheet);
  const forecast = options.forecastQuarters ? buildForecast(engine, options.forecastQuarters, resolveHome) : null;
  if (forecast) {
    sheets.push(forecast.sheet);
    charts.push(forecast.chart);
  }
  sheets.unshift(buildAbout(engine, filing, sheets, scenarioSheet.scenario));

  const homeRecord: Record<string, string> = {};
  for (const [k, h] of homes) homeRecord[k] = `${sheetPrefix(h.sheet)}${h.address}`;
  return { sheets, latest, homes: homeRecord, scenario: scenarioSheet.scenario, ...(forecast ? { forecast: forecast.forecast } : {}), charts };
}
