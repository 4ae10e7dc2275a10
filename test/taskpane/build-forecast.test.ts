/**
 * Build forecast from the task pane: the plan (the model's sheets and a Forecast sheet, new sheets only, the forecast's
 * chart), the preview's workbook computing it in HyperFormula (defaults repeat 2026Q1, a driver moves the estimates
 * and the full year), and the Office.js writes through office-addin-mock (new sheets only, nothing over the user's
 * data). Figures from the filing: total revenues 2026Q1 2,703,732 (line 233), public cloud services 1,996,301 (231),
 * enterprise cloud services 707,431 (232), Adjusted EBITDA 747,506 (305).
 */
import { GridWorkbook } from "../../src/dev/preview/grid";
import { buildForecast, planForecast } from "../../src/taskpane/actions/build-forecast";
import { OfficeWorkbook } from "../../src/taskpane/workbook";
import { engine } from "../helpers/engine";
import { mockExcel } from "./excel-mock";

describe("planForecast", () => {
  const plan = planForecast(engine, ["Sheet1", "KC Forecast"], 4);

  test("the model's sheets and the Forecast sheet, one free suffix for all, written on new sheets only", () => {
    expect(plan.batch.newSheets).toEqual(["KC About (2)", "KC IS (2)", "KC BS (2)", "KC CF (2)", "KC Non-GAAP (2)", "KC Ratios (2)", "KC Scenario (2)", "KC Forecast (2)"]);
    expect(plan.forecastSheet).toBe("KC Forecast (2)");
    for (const w of plan.batch.writes) expect(plan.batch.newSheets).toContain(w.sheet);
    expect(plan.batch.activate).toBe("KC Forecast (2)");
    expect(plan.batch.select).toBe(plan.firstDriver);
  });

  test("the forecast's links point at the renamed statement sheets; a chart of revenues and the EBITDA margin", () => {
    const sheet = plan.batch.writes.find((w) => w.sheet === "KC Forecast (2)")!;
    const flat = sheet.cells.flat().filter((c): c is string => typeof c === "string" && c.startsWith("="));
    expect(flat).toContain(`=${plan.homes["TotalRevenues|2026Q1"]}`);
    expect(plan.homes["TotalRevenues|2026Q1"]).toMatch(/^'KC IS \(2\)'!/);
    expect(flat.some((f) => /KC\./.test(f.replace(/'KC [^']*'!/g, "")))).toBe(false); // native formulas only
    expect(plan.batch.charts!.map((c) => [c.sheet, c.lines])).toEqual([["KC Ratios (2)", [2, 3]], ["KC Forecast (2)", [2]]]);
  });
});

describe("the preview's workbook computes the forecast (HyperFormula)", () => {
  const grid = new GridWorkbook();
  let plan: Awaited<ReturnType<typeof buildForecast>>;
  const valueAt = (address: string) => grid.engine.getCellValue(grid.engine.simpleCellAddressFromString(address, grid.sheetId(plan.forecastSheet))!) as number;

  beforeAll(async () => {
    plan = await buildForecast(engine, grid, 4);
  });

  test("defaults: every estimated quarter repeats 2026Q1, and FY2026E is four of it", () => {
    for (const q of ["2026Q2E", "2026Q3E", "2026Q4E", "2027Q1E"]) {
      expect(valueAt(plan.forecast.lines.TotalRevenues[q])).toBeCloseTo(2703732, 6);
      expect(valueAt(plan.forecast.lines.AdjustedEBITDA[q])).toBeCloseTo(747506, 6);
    }
    expect(valueAt(plan.forecast.lines.TotalRevenues.FY2026E)).toBeCloseTo(4 * 2703732, 6);
  });

  test("a driver typed over moves its quarter, the next ones and the full year", () => {
    grid.engine.setCellContents(grid.engine.simpleCellAddressFromString(plan.forecast.drivers.PublicCloudGrowth["2026Q2E"], grid.sheetId(plan.forecastSheet))!, [[0.05]]);
    const q2 = 1996301 * 1.05 + 707431;
    expect(valueAt(plan.forecast.lines.TotalRevenues["2026Q2E"])).toBeCloseTo(q2, 6);
    expect(valueAt(plan.forecast.lines.TotalRevenues["2026Q3E"])).toBeCloseTo(q2, 6); // zero growth after Q2E
    expect(valueAt(plan.forecast.lines.TotalRevenues.FY2026E)).toBeCloseTo(2703732 + 3 * q2, 6);
  });
});

describe("Office.js: the forecast is written on new sheets, never over the user's data", () => {
  afterEach(() => delete (globalThis as { Excel?: unknown }).Excel);

  test("with a sheet named KC Forecast already there, every sheet gets the suffix and no existing range is written", async () => {
    const { calls, sheets } = mockExcel({ sheets: { Sheet1: { used: "A1:C3" }, "KC Forecast": { used: "A1:B2" } } });
    const plan = await buildForecast(engine, new OfficeWorkbook(), 2);
    expect(plan.forecastSheet).toBe("KC Forecast (2)");
    expect([...sheets.keys()]).toEqual(["Sheet1", "KC Forecast", ...plan.batch.newSheets!]);
    const written = calls.log.filter((l) => l.startsWith("range ")).map((l) => l.slice(6));
    expect(written.some((r) => r.startsWith("Sheet1!") || r.startsWith("KC Forecast!"))).toBe(false);
    expect(calls.log).toContain(`activate KC Forecast (2)`);
  });
});
