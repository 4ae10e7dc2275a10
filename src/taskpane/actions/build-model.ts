/**
 * Build model: the export layout (the same as `kc export-model`: printed figures as values, every subtotal and margin a
 * native formula) on new sheets, a scenario block where KC.METRIC reads the scenario inputs as its overrides range,
 * and the layout's charts (the revenue mix and margins; the forecast's); one batch.
 */
import { Engine, absoluteA1, kcFormula, numberFormat, sheetPrefix, uniqueSheetNames } from "../../core";
import { ForecastLayout, LayoutOptions, buildWorkbookLayout, renameSheets, sheetGrid } from "../../export";
import { plainLabel } from "../view-model";
import { Batch, BlockWrite, CellValue, ChartSpec, SHEET_PREFIX, Workbook } from "../workbook";

export interface ModelPlan {
  batch: Batch;
  /** Layout sheet name -> the name it gets in the workbook. */
  names: Record<string, string>;
  /** Home cell of each metric and period in the workbook ("'KC IS'!D11"), keyed "Metric|2026Q1". */
  homes: Record<string, string>;
  scenario: {
    sheet: string;
    period: string;
    /** The yellow input cells (native scenario) by metric, and all of them ("D7:D14"). */
    inputs: Record<string, string>;
    inputRange: string;
    /** The KC.METRIC(..., overrides) cells by metric, and the overrides range they read. */
    kc: Record<string, string>;
    overrides: string;
  };
  chart: ChartSpec;
  /** The Forecast sheet, when the layout has one (see build-forecast.ts). */
  forecast?: ForecastLayout;
}

/** Names for the model's sheets ("KC IS", ...), with one suffix for all of them when any is taken. */
export function modelSheetNames(layoutNames: readonly string[], existing: readonly string[]): Record<string, string> {
  return uniqueSheetNames(layoutNames, existing, SHEET_PREFIX);
}

/**
 * The model as one batch: the export layout (the same as `kc export-model`: printed figures as values, every subtotal
 * and margin a native formula) on new sheets, a block on the scenario sheet where KC.METRIC reads the scenario inputs as
 * its overrides range, and the layout's charts (the revenue mix and margins across the periods on the Ratios sheet).
 */
export function planModel(engine: Engine, existing: readonly string[], options: LayoutOptions = {}): ModelPlan {
  const base = buildWorkbookLayout(engine, options);
  const names = modelSheetNames(
    base.sheets.map((s) => s.name),
    existing,
  );
  const layout = renameSheets(base, names);
  const writes: BlockWrite[] = layout.sheets.map((sheet) => {
    const grid = sheetGrid(sheet);
    return { sheet: sheet.name, row: 0, col: 0, cells: grid.formulas, formats: grid.formats };
  });

  // The scenario through the add-in: below the native scenario, an overrides range (metric, value) that follows the
  // yellow inputs, and KC.METRIC(..., overrides) beside the native formula's result for each dependent metric. Each
  // value cell always holds its input (the reported figure until typed over); the metric cell is the on/off switch,
  // blank while the input equals the reported figure. Desktop Excel passes an empty cell as 0, so a value cell must
  // never be what turns an override off (a blank metric cell is skipped on every host).
  const sc = layout.scenario;
  const scSheet = layout.sheets.find((s) => s.name === sc.sheet)!;
  const period = sc.period;
  const metricLabel = (id: string) => plainLabel(engine.metric(id).label);
  const row = Math.max(...scSheet.cells.map((c) => c.row)) + 1; // 0-based: one blank row after the last
  const block: CellValue[][] = [];
  const formats: string[][] = [];
  const push = (cells: CellValue[], f: string[] = cells.map(() => "General")) => {
    const padded = [...cells, ...Array(5 - cells.length).fill("")];
    block.push(padded);
    formats.push([...f, ...Array(5 - f.length).fill("General")]);
  };
  const top = row;
  push(["Through the add-in: KC.METRIC with the inputs above as its overrides range (needs KC for Excel; elsewhere these show #NAME?)"]);
  push(["Overrides", "Metric (blank while the input is the reported figure)", "Value (RMB thousands)"]);
  const overridesStart = top + block.length;
  for (const input of sc.inputs) {
    const r = Number(/\d+$/.exec(input.address)![0]);
    push([metricLabel(input.metric), overrideSwitch(input.metric, `D${r}`, `C${r}`), `=D${r}`], ["General", "General", numberFormat(engine.metric(input.metric).unit)]);
  }
  const overridesEnd = top + block.length - 1;
  const overrides = `${absoluteA1(overridesStart, 1)}:${absoluteA1(overridesEnd, 2)}`;
  push([]);
  push(["Recomputed by the add-in", "Metric", `KC.METRIC ${period} with overrides`, "Scenario (native formula)", "Difference"]);
  const kcCells: Record<string, string> = {};
  for (const result of sc.results) {
    const r = top + block.length + 1; // 1-based row of this line
    const format = numberFormat(engine.metric(result.metric).unit);
    kcCells[result.metric] = `${sheetPrefix(sc.sheet)}C${r}`;
    push([metricLabel(result.metric), result.metric, kcFormula("METRIC", [result.metric, period, null, null, { ref: overrides }]), `=${result.address}`, `=C${r}-D${r}`], ["General", "General", format, format, format]);
  }
  writes.push({ sheet: sc.sheet, row, col: 0, cells: block, formats });

  return {
    batch: {
      newSheets: layout.sheets.map((s) => s.name),
      writes,
      // The layout's charts (Ratios' revenue mix and margins, and the Forecast sheet's), as kc export-model writes them.
      charts: layout.charts,
      looks: layout.sheets.map((s) => ({
        sheet: s.name,
        widths: s.widths,
        freeze: s.freeze,
        bold: s.cells.filter((c) => c.style === "title" || c.style === "header" || c.style === "heading" || c.style === "total").map((c) => c.address),
        inputs: s.cells.filter((c) => c.role === "input").map((c) => c.address),
      })),
      activate: sc.sheet,
      select: sc.inputs[0]?.address,
    },
    names,
    homes: layout.homes,
    scenario: {
      sheet: sc.sheet,
      period,
      inputs: Object.fromEntries(sc.inputs.map((i) => [i.metric, `${sheetPrefix(sc.sheet)}${i.address}`])),
      inputRange: sc.inputs.length ? `${sc.inputs[0].address}:${sc.inputs[sc.inputs.length - 1].address}` : "",
      kc: kcCells,
      overrides: `${sheetPrefix(sc.sheet)}${overrides.replace(/\$/g, "")}`,
    },
    chart: layout.charts[0],
    ...(layout.forecast ? { forecast: layout.forecast } : {}),
  };
}

/** An overrides row's metric cell: the metric while its input differs from the reported figure, else blank (no override). */
const overrideSwitch = (metric: string, input: string, reported: string): string => `=IF(${input}=${reported},"","${metric}")`;

/** Builds the model in the workbook: new sheets whose names collide with none. */
export async function buildModel(engine: Engine, workbook: Workbook): Promise<ModelPlan> {
  const plan = planModel(engine, await workbook.sheetNames());
  await workbook.write(plan.batch);
  return plan;
}
