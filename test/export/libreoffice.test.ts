/**
 * The exported workbook, recalculated by a second, independent engine (LibreOffice Calc, headless).
 *
 * To prove LibreOffice computes the figures rather than showing what exceljs stored, the workbook is written with a
 * deliberately wrong cached result in every formula cell. Then every formula cell must equal the core's exact value
 * (amounts exactly, ratios and per-share amounts to 1e-12), reproduce the printed figure on its row (amounts exactly,
 * margins and per-share amounts to their printed rounding, e.g. 12.8%), and a Scenario input changed with exceljs must
 * move every dependent cell as the core's overrides predict (KC.METRIC(id, period, , , overrides)). The Forecast sheet's
 * checks are forecast-checks.ts's; LibreOffice reading the charts, chart-checks.ts's.
 *
 * Needs `soffice` (apt-get install -y --no-install-recommends libreoffice-calc). Without it the suite fails when CI is
 * set and is skipped, with a note, otherwise.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { engine, excel } from "../helpers/engine";
import { D, Dec } from "../../src/core/decimal";
import { Unit, parseBlock } from "../../src/core";
import { LayoutCell, WorkbookLayout, buildWorkbookLayout } from "../../src/export/layout";
import { writeXlsx } from "../../src/export/xlsx";
import { chartChecks } from "./chart-checks";
import { forecastChecks, writeForecastWorkbooks } from "./forecast-checks";
import { Grid, findSoffice, recalculateToCsv, recalculateToOds } from "./libreoffice";

const INSTALL = "apt-get install -y --no-install-recommends libreoffice-calc";
const WRONG_CACHED_RESULT = 987654321;
const soffice = findSoffice();
const layout = buildWorkbookLayout(engine);
const forecastLayout = buildWorkbookLayout(engine, { forecastQuarters: 4 });
const sheetNames = (l: WorkbookLayout) => l.sheets.map((s) => s.name);

/** Scenarios: input changes on the Scenario sheet, as (metric, value in RMB thousands). */
const SCENARIOS: Array<Array<[string, number]>> = [
  [["PublicCloudRevenues", 2_500_000]],
  [["CostOfRevenues", -2_000_000], ["SellingAndMarketingExpenses", -100_000], ["ResearchAndDevelopmentExpenses", -250_000]],
  [["EnterpriseCloudRevenues", 400_000], ["ShareBasedCompensation", 10_000], ["DepreciationAndAmortization", 1_000_000]],
];

/** The layout with every formula's cached result replaced by a value no formula computes. */
function withWrongCachedResults(l: WorkbookLayout): WorkbookLayout {
  return { ...l, sheets: l.sheets.map((s) => ({ ...s, cells: s.cells.map((c) => (c.formula === undefined ? c : { ...c, result: WRONG_CACHED_RESULT })) })) };
}

function unitOf(cell: LayoutCell): Unit | null {
  return cell.metric ? engine.metric(cell.metric).unit : null;
}

/** A CSV field LibreOffice wrote for a number ("-1651671", "12.7878058920041%", "1.2E-05") as an exact decimal. */
function numberAt(grid: Grid, cell: LayoutCell, where: string): Dec {
  const text = (grid[cell.row - 1]?.[cell.col - 1] ?? "").trim();
  const m = /^(-?[0-9]+(?:\.[0-9]+)?(?:[Ee][-+]?[0-9]+)?)(%?)$/.exec(text);
  if (!m) throw new Error(`${where}: LibreOffice shows '${text}', not a number`);
  return m[2] ? D(m[1]).div(100) : D(m[1]);
}

/** Exact for amounts and share counts (LibreOffice prints 15 significant digits, more than any figure here). */
function agrees(unit: Unit | null, got: Dec, expected: number | Dec): boolean {
  const want = D(expected);
  if (unit === "amount" || unit === "shares") return got.eq(want);
  return got.minus(want).abs().lte(D("1e-12").times(D.max(1, want.abs())));
}

if (!soffice) {
  const message = `LibreOffice (soffice) is not installed, so the exported workbook cannot be recalculated by a second engine. Install it: ${INSTALL}`;
  if (process.env.CI) {
    test("LibreOffice is installed", () => {
      throw new Error(message);
    });
  } else {
    console.log(`Skipping the LibreOffice check of kc export-model. ${message}`);
    test.skip("LibreOffice recalculates the exported workbook (soffice not installed)", () => undefined);
  }
} else {
  describe("LibreOffice recalculates the exported workbook", () => {
    const dir = mkdtempSync(join(tmpdir(), "kc-export-"));
    const base = join(dir, "model.xlsx");
    const scenarioFiles = SCENARIOS.map((_, i) => join(dir, `scenario${i + 1}.xlsx`));
    let sheets: Map<string, Map<string, Grid>>;
    let ods: Map<string, Buffer>;
    let forecastFiles: { defaults: string; scenario: string };

    beforeAll(async () => {
      await writeXlsx(withWrongCachedResults(layout), base);
      forecastFiles = await writeForecastWorkbooks(withWrongCachedResults(forecastLayout), dir);
      for (const [i, changes] of SCENARIOS.entries()) {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(base);
        const sheet = workbook.getWorksheet(layout.scenario.sheet);
        if (!sheet) throw new Error("no Scenario sheet in the exported file");
        for (const [metric, value] of changes) {
          const input = layout.scenario.inputs.find((x) => x.metric === metric);
          if (!input) throw new Error(`${metric} is not a scenario input`);
          sheet.getCell(input.address).value = value;
        }
        await workbook.xlsx.writeFile(scenarioFiles[i]);
      }
      // One LibreOffice run for every workbook's CSV (starting soffice is most of the cost), and beside it one that saves
      // the model and the forecast as .ods, charts included (a conversion takes one filter).
      const modelFiles = [base, ...scenarioFiles].map((file) => [file, sheetNames(layout)] as const);
      const forecastWorkbooks = [forecastFiles.defaults, forecastFiles.scenario].map((file) => [file, sheetNames(forecastLayout)] as const);
      [sheets, ods] = await Promise.all([recalculateToCsv(soffice, new Map([...modelFiles, ...forecastWorkbooks])), recalculateToOds(soffice, [base, forecastFiles.defaults])]);
    }, 90_000);

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    forecastChecks(forecastLayout, () => ({ ...forecastFiles, grids: sheets }));
    describe("the charts", () => chartChecks(WRONG_CACHED_RESULT, () => ({ model: base, forecast: forecastFiles.defaults, ods, grids: sheets })));

    const formulaCells = () => layout.sheets.flatMap((s) => s.cells.filter((c) => c.formula !== undefined).map((cell) => ({ sheet: s.name, cell })));

    test("every formula cell is recalculated (no wrong cached result survives) to the core's exact value", () => {
      const grids = sheets.get(base) as Map<string, Grid>;
      const problems: string[] = [];
      for (const { sheet, cell } of formulaCells()) {
        const where = `${sheet}!${cell.address} =${cell.formula}`;
        const got = numberAt(grids.get(sheet) as Grid, cell, where);
        if (got.eq(WRONG_CACHED_RESULT)) problems.push(`${where}: still the cached ${WRONG_CACHED_RESULT}: LibreOffice did not recalculate`);
        else if (!agrees(unitOf(cell), got, cell.result as number)) problems.push(`${where}: LibreOffice ${got.toFixed()}, core ${cell.result}`);
      }
      expect(problems).toEqual([]);
      expect(formulaCells().length).toBeGreaterThan(250);
    });

    test("every formula cell on a printed row reproduces the filing: amounts exactly, margins and per-share amounts to the printed rounding", () => {
      const grids = sheets.get(base) as Map<string, Grid>;
      const problems: string[] = [];
      let checked = 0;
      for (const { sheet, cell } of formulaCells()) {
        if (!cell.printed) continue;
        const where = `${sheet}!${cell.address} (${cell.metric} ${cell.period}, line ${cell.printed.line}: ${cell.printed.text})`;
        const got = numberAt(grids.get(sheet) as Grid, cell, where);
        const unit = unitOf(cell);
        const shown = unit === "amount" || unit === "shares" ? got : got.toDecimalPlaces(cell.printed.decimals, D.ROUND_HALF_UP);
        if (!shown.eq(D(cell.printed.value))) problems.push(`${where}: LibreOffice ${got.toFixed()}`);
        checked++;
      }
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(120);
    });

    test.each([
      // Figures typed from the filing (line), each a formula in the workbook that LibreOffice computed.
      ["GrossProfit", "2026Q1", 345748], // 235
      ["TotalRevenues", "2026Q1", 2703732], // 233
      ["OperatingLoss", "2026Q1", -166108], // 241
      ["NetLoss", "2026Q1", -343720], // 249
      ["TotalAssets", "2026Q1", 28456254], // 194
      ["TotalLiabilitiesAndEquity", "2025Q4", 26729189], // 222
      ["AdjustedNetLoss", "2026Q1", -237143], // 299
      ["AdjustedEBITDA", "2026Q1", 747506], // 305
      ["AdjustedEBITDA", "2025Q4", 785248], // 305
      ["NormalizedAdjustedEBITDA", "2025Q4", 712586], // 308
      ["AdjustedOperatingLoss", "2025Q4", 54586], // 322
      ["CashAtEndOfPeriod", "2026Q1", 4950694], // 354
    ])("the workbook computes %s %s = %p, as the filing prints it", (id, period, printed) => {
      const grids = sheets.get(base) as Map<string, Grid>;
      const home = parseBlock(layout.homes[`${id}|${period}`]);
      const cell = layout.sheets.find((x) => x.name === home.sheet)?.cells.find((c) => c.row === home.row + 1 && c.col === home.col + 1) as LayoutCell;
      expect(cell.formula).toBeDefined();
      expect(numberAt(grids.get(home.sheet) as Grid, cell, `${id} ${period}`).toNumber()).toBe(printed);
    });

    test("every printed figure reads back as printed", () => {
      const grids = sheets.get(base) as Map<string, Grid>;
      for (const s of layout.sheets) {
        for (const cell of s.cells) {
          if (cell.role !== "printed" || !cell.printed) continue;
          expect({ at: `${s.name}!${cell.address}`, value: numberAt(grids.get(s.name) as Grid, cell, s.name).toFixed() }).toEqual({ at: `${s.name}!${cell.address}`, value: D(cell.printed.value).toFixed() });
        }
      }
    });

    test.each(SCENARIOS.map((changes, i) => [JSON.stringify(changes), i] as const))(
      "Scenario inputs %s, typed in with exceljs, move every result as the core's overrides predict; the statements stay as reported",
      (_, i) => {
        const changes = SCENARIOS[i];
        const grids = sheets.get(scenarioFiles[i]) as Map<string, Grid>;
        const sc = layout.scenario;
        const scenarioGrid = grids.get(sc.sheet) as Grid;
        const cellAt = (address: string) => layout.sheets.find((s) => s.name === sc.sheet)?.cells.find((c) => c.address === address) as LayoutCell;
        const problems: string[] = [];
        let moved = 0;
        for (const r of sc.results) {
          const expected = excel.metric(r.metric, sc.period, null, null, changes);
          const got = numberAt(scenarioGrid, cellAt(r.address), r.metric);
          if (!agrees(engine.metric(r.metric).unit, got, expected)) problems.push(`${r.metric} (${sc.sheet}!${r.address}): LibreOffice ${got.toFixed()}, core ${expected}`);
          if (expected !== excel.metric(r.metric, sc.period)) moved++;
        }
        for (const [metric, value] of changes) {
          const input = sc.inputs.find((x) => x.metric === metric) as { address: string };
          expect(numberAt(scenarioGrid, cellAt(input.address), metric).toNumber()).toBe(value);
        }
        for (const { sheet, cell } of formulaCells()) {
          if (sheet === sc.sheet && cell.role !== "reference") continue;
          const got = numberAt(grids.get(sheet) as Grid, cell, `${sheet}!${cell.address}`);
          if (!agrees(unitOf(cell), got, cell.result as number)) problems.push(`${sheet}!${cell.address} changed to ${got.toFixed()}: the statements must stay as reported`);
        }
        expect(problems).toEqual([]);
        expect(moved).toBeGreaterThanOrEqual(10);
        for (const margin of ["GrossMargin", "NetLossMargin", "AdjustedEBITDAMargin"]) {
          const r = sc.results.find((x) => x.metric === margin) as { address: string };
          expect(numberAt(scenarioGrid, cellAt(r.address), margin).toNumber()).not.toBeCloseTo(excel.metric(margin, sc.period), 6);
        }
      },
    );
  });
}
