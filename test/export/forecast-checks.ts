/**
 * The Forecast sheet's checks in LibreOffice (forced recalculation), run by libreoffice.test.ts in its one LibreOffice
 * run: with the defaults every estimated quarter is 2026Q1 again, line by line; a scenario worked out by hand here
 * (public cloud +5% a quarter, cost of revenues 85% of revenues, every other driver at its default) gives the hand's
 * figures for every quarter and FY2026E; the reported quarters' growth, change and margin rows agree with KC.GROWTH,
 * KC.CHANGE and KC.MARGIN. 2026Q1 figures from the filing (lines 231-325), RMB thousands.
 */
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { join } from "path";
import { ForecastLayout, WorkbookLayout } from "../../src/export";
import { writeXlsx } from "../../src/export/xlsx";
import { excel } from "../helpers/engine";
import { Grid } from "./libreoffice";

const X = Decimal.clone({ precision: 60 });
const ESTIMATES = ["2026Q2E", "2026Q3E", "2026Q4E", "2027Q1E"];

/** The hand's figures for one quarter, from its revenues, with 2026Q1's ratios and amounts for everything else. */
function quarterByHand(publicCloud: Decimal, corShare: Decimal) {
  const revenues = publicCloud.plus(707431);
  const gross = revenues.times(new X(1).minus(corShare));
  const opex = revenues.times(511856).div(2703732).neg(); // (123,776 + 194,765 + 193,315) / 2,703,732 of revenues
  const operating = gross.plus(opex);
  const beforeTax = operating.plus(32030 - 153595 - 44006 - 6588 - 372);
  const tax = beforeTax.times(5081).div(338639); // 2026Q1's rate: an expense of 5,081 on a loss of 338,639
  const netLoss = beforeTax.plus(tax);
  const ebitda = netLoss.plus(62571).plus(44006).minus(32030).plus(153595).minus(tax).plus(858003);
  return { TotalRevenues: revenues, GrossProfit: gross, OperatingLoss: operating, NetLoss: netLoss, AdjustedEBITDA: ebitda, AdjustedEBITDAMargin: ebitda.div(revenues) };
}

/** Writes the forecast's two workbooks into dir: the layout as given (with wrong cached results, so LibreOffice must
 * recalculate to pass), and the hand's scenario. */
export async function writeForecastWorkbooks(layout: WorkbookLayout, dir: string): Promise<{ defaults: string; scenario: string }> {
  const forecast = layout.forecast as ForecastLayout;
  const defaults = join(dir, "forecast.xlsx");
  const scenario = join(dir, "forecast-scenario.xlsx");
  await writeXlsx(layout, defaults);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(defaults);
  const sheet = workbook.getWorksheet(forecast.sheet)!;
  for (const q of ESTIMATES) {
    sheet.getCell(forecast.drivers.PublicCloudGrowth[q]).value = 0.05;
    sheet.getCell(forecast.drivers.CostOfRevenuesShare[q]).value = 0.85;
  }
  await workbook.xlsx.writeFile(scenario);
  return { defaults, scenario };
}

/** The tests, over LibreOffice's grids of the two workbooks (given once they are recalculated). */
export function forecastChecks(layout: WorkbookLayout, files: () => { defaults: string; scenario: string; grids: Map<string, Map<string, Grid>> }): void {
  const forecast = layout.forecast as ForecastLayout;
  const valueAt = (which: "defaults" | "scenario", address: string): number => {
    const f = files();
    const grid = f.grids.get(f[which])!.get(forecast.sheet)!;
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const text = (grid[Number(m[2]) - 1]?.[col] ?? "").trim();
    const n = /^(-?[0-9.]+(?:E[-+]?[0-9]+)?)(%?)$/i.exec(text);
    if (!n) throw new Error(`${address}: LibreOffice shows '${text}'`);
    return n[2] ? Number(n[1]) / 100 : Number(n[1]);
  };
  const close = (got: number, want: Decimal.Value, what: string) => {
    const expected = new X(want);
    expect({ what, ok: new X(got).minus(expected).abs().lte(expected.abs().times("1e-9").plus("1e-6")), got, want: expected.toNumber() }).toMatchObject({ what, ok: true });
  };

  test.each([
    ["TotalRevenues", 2703732], // 233
    ["CostOfRevenues", -2357984], // 234
    ["GrossProfit", 345748], // 235
    ["TotalOperatingExpenses", -511856], // 240
    ["OperatingLoss", -166108], // 241
    ["LossBeforeIncomeTaxes", -338639], // 247
    ["NetLoss", -343720], // 249
    ["NetLossAttributableToShareholders", -343820], // 251
    ["AdjustedGrossProfit", 351406], // 273
    ["AdjustedNetLoss", -237143], // 299
    ["AdjustedEBITDA", 747506], // 305
    ["AdjustedOperatingLoss", -59817], // 322
  ])("Forecast defaults: %s is %p in every estimated quarter, and four times it in FY2026E", (id, printed) => {
    for (const q of ESTIMATES) close(valueAt("defaults", forecast.lines[id][q]), printed, `${id} ${q}`);
    close(valueAt("defaults", forecast.lines[id].FY2026E), printed * 4, `${id} FY2026E`);
  });

  test("Forecast defaults: margins and the loss per share are 2026Q1's", () => {
    for (const q of ESTIMATES) {
      close(valueAt("defaults", forecast.lines.AdjustedEBITDAMargin[q]), new X(747506).div(2703732), `margin ${q}`);
      close(valueAt("defaults", forecast.lines.NetLossPerShare[q]), new X(-343820).times(1000).div(4555310453), `EPS ${q}`);
    }
  });

  test("Forecast: public cloud +5% a quarter and cost of revenues 85% of revenues, every quarter and FY2026E as worked out by hand", () => {
    let publicCloud = new X(1996301);
    const year = { TotalRevenues: new X(2703732), NetLoss: new X(-343720), AdjustedEBITDA: new X(747506) };
    for (const q of ESTIMATES) {
      publicCloud = publicCloud.times("1.05");
      const hand = quarterByHand(publicCloud, new X("0.85"));
      for (const [id, want] of Object.entries(hand)) close(valueAt("scenario", forecast.lines[id][q]), want, `${id} ${q}`);
      if (q.startsWith("2026")) for (const id of Object.keys(year) as Array<keyof typeof year>) year[id] = year[id].plus(hand[id]);
    }
    for (const [id, want] of Object.entries(year)) close(valueAt("scenario", forecast.lines[id].FY2026E), want, `${id} FY2026E`);
    // The reported quarters do not move.
    close(valueAt("scenario", forecast.lines.TotalRevenues["2026Q1"]), 2703732, "2026Q1 as reported");
  });

  test("Forecast: the reported quarters' growth, change and margin rows agree with KC.GROWTH, KC.CHANGE and KC.MARGIN", () => {
    close(valueAt("defaults", forecast.growth["TotalRevenues YoY"]["2026Q1"]), excel.growth("TotalRevenues", "2026Q1"), "revenues YoY");
    close(valueAt("defaults", forecast.growth["TotalRevenues QoQ"]["2026Q1"]), excel.growth("TotalRevenues", "2026Q1", "QoQ"), "revenues QoQ");
    close(valueAt("defaults", forecast.growth["AdjustedEBITDA QoQ"]["2026Q1"]), excel.growth("AdjustedEBITDA", "2026Q1", "QoQ"), "EBITDA QoQ");
    close(valueAt("defaults", forecast.growth["NetLoss YoY"]["2026Q1"]), excel.growth("NetLoss", "2026Q1"), "net loss YoY");
    close(valueAt("defaults", forecast.growth["AdjustedEBITDAMargin change YoY"]["2026Q1"]), excel.change("AdjustedEBITDAMargin", "2026Q1"), "margin change");
    for (const p of ["2025Q1", "2025Q4", "2026Q1"]) {
      close(valueAt("defaults", forecast.lines.GrossMargin[p]), excel.margin("GrossProfit", p), `gross margin ${p}`);
      close(valueAt("defaults", forecast.lines.AdjustedEBITDAMargin[p]), excel.margin("AdjustedEBITDA", p), `EBITDA margin ${p}`);
    }
    // No quarter before 2025Q4 in the filing: its QoQ row is empty, not a made-up figure.
    expect(forecast.growth["TotalRevenues QoQ"]["2025Q4"]).toBeUndefined();
  });
}
