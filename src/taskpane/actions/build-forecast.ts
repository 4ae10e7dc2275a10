/**
 * Build forecast: the model's sheets (as Build model writes them) and a Forecast sheet of the next quarters and full
 * years, driven by yellow inputs, in native formulas only (the layout is kc export-model --forecast's, its chart of
 * total revenues, reported and estimated told apart, and the Adjusted EBITDA margin included). One batch, on new sheets
 * only.
 */
import { Engine } from "../../core";
import { ForecastLayout, MAX_FORECAST_QUARTERS } from "../../export";
import { Workbook } from "../workbook";
import { ModelPlan, planModel } from "./build-model";

export const DEFAULT_FORECAST_QUARTERS = 4;
export { MAX_FORECAST_QUARTERS };

export interface ForecastPlan extends ModelPlan {
  forecast: ForecastLayout;
  /** The Forecast sheet's name in the workbook ("KC Forecast", or with a suffix when a name is taken). */
  forecastSheet: string;
  /** The first driver the user types over: public cloud growth in the first estimated quarter. */
  firstDriver: string;
}

export function planForecast(engine: Engine, existing: readonly string[], quarters = DEFAULT_FORECAST_QUARTERS): ForecastPlan {
  const plan = planModel(engine, existing, { forecastQuarters: quarters });
  const forecast = plan.forecast as ForecastLayout;
  const sheet = forecast.sheet;
  const firstEstimate = forecast.columns.find((c) => c.kind === "estimate")!.label;
  const firstDriver = forecast.drivers.PublicCloudGrowth[firstEstimate];
  return {
    ...plan,
    forecast,
    forecastSheet: sheet,
    firstDriver,
    batch: { ...plan.batch, activate: sheet, select: firstDriver },
  };
}

/** Builds the model and its forecast in the workbook: new sheets whose names collide with none. */
export async function buildForecast(engine: Engine, workbook: Workbook, quarters: number): Promise<ForecastPlan> {
  const plan = planForecast(engine, await workbook.sheetNames(), quarters);
  await workbook.write(plan.batch);
  return plan;
}
