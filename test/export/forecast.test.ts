/**
 * The Forecast sheet's layout (kc export-model --forecast 4): its columns, years, links and inputs. Its figures, as
 * LibreOffice recalculates them, are checked in libreoffice.test.ts's one LibreOffice run (forecast-checks.ts).
 */
import Decimal from "decimal.js";
import { a1 } from "../../src/core";
import { ForecastLayout, LayoutCell, buildWorkbookLayout } from "../../src/export";
import { engine } from "../helpers/engine";

const X = Decimal.clone({ precision: 60 });
const layout = buildWorkbookLayout(engine, { forecastQuarters: 4 });
const forecast = layout.forecast as ForecastLayout;
const ESTIMATES = ["2026Q2E", "2026Q3E", "2026Q4E", "2027Q1E"];

test("the layout: the reported quarters, four estimated ones, and the years, each complete or saying what it lacks", () => {
  expect(forecast.columns.map((c) => c.label)).toEqual(["2025Q1", "2025Q4", "2026Q1", ...ESTIMATES, "FY2025", "FY2026E", "FY2027E"]);
  expect(forecast.years).toEqual([
    { label: "FY2025", year: 2025, quarters: ["2025Q1", "2025Q2", "2025Q3", "2025Q4"], missing: ["2025Q2", "2025Q3"] },
    { label: "FY2026E", year: 2026, quarters: ["2026Q1", "2026Q2", "2026Q3", "2026Q4"], missing: [] },
    { label: "FY2027E", year: 2027, quarters: ["2027Q1", "2027Q2", "2027Q3", "2027Q4"], missing: ["2027Q2", "2027Q3", "2027Q4"] },
  ]);
  const sheet = layout.sheets.find((s) => s.name === forecast.sheet)!;
  const text = (address: string) => sheet.cells.find((c) => c.address === address)?.value;
  const fy2025 = forecast.columns.find((c) => c.label === "FY2025")!;
  expect(text(a1(5, fy2025.col - 1))).toBe("needs 2025Q2, 2025Q3");
  // The reported quarters are links to the statement sheets; the drivers of the estimates are yellow inputs.
  expect(sheet.cells.find((c) => c.address === forecast.lines.TotalRevenues["2026Q1"])?.formula).toBe(layout.homes["TotalRevenues|2026Q1"]);
  const driver = sheet.cells.find((c) => c.address === forecast.drivers.CostOfRevenuesShare["2026Q2E"]) as LayoutCell;
  expect(driver).toMatchObject({ role: "input", style: "input", value: new X(2357984).div(2703732).toNumber() });
  // Only native functions: no KC function anywhere.
  expect(sheet.cells.some((c) => c.formula?.includes("KC."))).toBe(false);
});
