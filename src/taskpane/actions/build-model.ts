/**
 * What the task pane's buttons do, over the Workbook interface only (no DOM): insert a statement or bridge, build the
 * model, freeze KC formulas to values, and the tie-out table. Each action checks first and then writes one batch, so a
 * refusal leaves the workbook as it was (Workbook.write is all or nothing).
 */
import {
  CheckRow,
  Currency,
  Engine,
  STATEMENTS,
  StatementKind,
  TABLE_STATEMENTS,
  absoluteA1,
  kcFormula,
  mentionsKcCall,
  numberFormat,
  qualifiedA1,
  sheetPrefix,
  uniqueSheetName,
  uniqueSheetNames,
  wholeKcCall,
} from "../core";
import { buildWorkbookLayout, renameSheets, sheetGrid } from "../export";
import { Batch, Block, BlockWrite, CellRef, CellValue, ChartSpec, Workbook, checkFits } from "./workbook";

// ---------------------------------------------------------------------------------------------------------------
// Insert a statement or bridge

export const TABLE_KINDS = TABLE_STATEMENTS;

export interface TableContent {
  /** A KC.STATEMENT formula at the top-left and "" where it spills, or the values themselves. */
  cells: CellValue[][];
  formats: string[][];
  rows: number;
  cols: number;
  /** What is written, for messages: =KC.STATEMENT("IS") or "values". */
  what: string;
}

/** The KC.STATEMENT formula for a statement (currency given only when not RMB). */
export function statementFormula(kind: StatementKind, currency: Currency): string {
  return kcFormula("STATEMENT", [kind, null, currency === "RMB" ? null : currency]);
}

/**
 * A statement as a table: a header row (title, periods), then the filing's rows. Amounts `#,##0;(#,##0)`, margins
 * and ratios `0.0%`, per-share amounts two decimals; labels and headings General.
 */
export function statementContent(engine: Engine, kind: StatementKind, mode: "formula" | "values", currency: Currency): TableContent {
  const table = engine.excel.statement(kind, null, currency);
  const rows = engine.statementRows(kind);
  const cols = table[0].length;
  const formats = table.map((_, r) => {
    const metric = r === 0 ? null : rows[r - 1].metric;
    const format = metric ? numberFormat(engine.metric(metric).unit) : "General";
    return Array.from({ length: cols }, (_, c) => (c === 0 ? "General" : format));
  });
  const cells: CellValue[][] =
    mode === "values" ? table.map((row) => [...row]) : table.map((row, r) => row.map((_, c) => (r === 0 && c === 0 ? statementFormula(kind, currency) : "")));
  return { cells, formats, rows: table.length, cols, what: mode === "values" ? `the ${STATEMENTS[kind].name.replace(/^[A-Z](?=[a-z]+ )/, (w) => w.toLowerCase())} as values` : statementFormula(kind, currency) };
}

export type InsertCheck = { ok: true; at: CellRef } | { ok: false; at: CellRef; where: string };

/** Where the table would go (the active cell) and whether that block is empty. Throws WorkbookError when it cannot fit. */
export async function checkInsert(workbook: Workbook, content: Pick<TableContent, "rows" | "cols">): Promise<InsertCheck> {
  const at = await workbook.activeCell();
  const block = { ...at, rows: content.rows, cols: content.cols };
  checkFits(block);
  if (await workbook.isRangeEmpty(at, content.rows, content.cols)) return { ok: true, at };
  return { ok: false, at, where: qualifiedA1(block) };
}

/** Writes the table at `at` (one batch: cells and formats). */
export async function writeTable(workbook: Workbook, at: CellRef, content: Pick<TableContent, "cells" | "formats" | "rows" | "cols">): Promise<string> {
  await workbook.write({ writes: [{ ...at, cells: content.cells, formats: content.formats }] });
  return qualifiedA1({ ...at, rows: content.rows, cols: content.cols });
}

/** Sheets the task pane adds start with this: "KC IS", "KC Non-GAAP", "KC frozen". */
export const SHEET_PREFIX = "KC ";

/** The new sheet's name for a statement: "KC IS", "KC Non-GAAP". */
export const tableSheetName = (kind: StatementKind): string => `${SHEET_PREFIX}${STATEMENTS[kind].sheet}`;

/** Writes the table at A1 of a new sheet named `baseName` (or a free variant: "KC IS (2)"), and shows that sheet. */
export async function writeTableOnNewSheet(workbook: Workbook, baseName: string, content: Pick<TableContent, "cells" | "formats" | "rows" | "cols">): Promise<string> {
  const name = uniqueSheetName(baseName, await workbook.sheetNames());
  await workbook.write({ newSheets: [name], writes: [{ sheet: name, row: 0, col: 0, cells: content.cells, formats: content.formats }], activate: name });
  return qualifiedA1({ sheet: name, row: 0, col: 0, rows: content.rows, cols: content.cols });
}

// ---------------------------------------------------------------------------------------------------------------
// Build model

export const MODEL_CHART_METRICS = {
  mix: ["PublicCloudRevenues", "EnterpriseCloudRevenues"],
  margins: ["GrossMargin", "AdjustedEBITDAMargin"],
} as const;

export interface ModelPlan {
  batch: Batch;
  /** Layout sheet name -> the name it gets in the workbook. */
  names: Record<string, string>;
  /** Home cell of each metric and period in the workbook ("'KC IS'!D11"), keyed "Metric|2026Q1". */
  homes: Record<string, string>;
  scenario: {
    sheet: string;
    period: string;
    /** The yellow input cells (native scenario) by metric. */
    inputs: Record<string, string>;
    /** The KC.METRIC(..., overrides) cells by metric, and the overrides range they read. */
    kc: Record<string, string>;
    overrides: string;
  };
  chart: ChartSpec;
}

/** Names for the model's sheets ("KC IS", ...), with one suffix for all of them when any is taken. */
export function modelSheetNames(layoutNames: readonly string[], existing: readonly string[]): Record<string, string> {
  return uniqueSheetNames(layoutNames, existing, SHEET_PREFIX);
}

/**
 * The model as one batch: the export layout (the same as `kc export-model`: printed figures as values, every subtotal
 * and margin a native formula) on new sheets, a block on the scenario sheet where KC.METRIC reads the scenario inputs as
 * its overrides range, and a chart of the revenue mix and margins across the periods.
 */
export function planModel(engine: Engine, existing: readonly string[]): ModelPlan {
  const base = buildWorkbookLayout(engine);
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
  // yellow inputs, and KC.METRIC(..., overrides) beside the native formula's result for each dependent metric.
  const sc = layout.scenario;
  const scSheet = layout.sheets.find((s) => s.name === sc.sheet)!;
  const period = sc.period;
  const metricLabel = (id: string) => engine.metric(id).label.replace(/^[–-]\s*/, "");
  let row = Math.max(...scSheet.cells.map((c) => c.row)) + 1; // 0-based: one blank row after the last
  const block: CellValue[][] = [];
  const formats: string[][] = [];
  const push = (cells: CellValue[], f: string[] = cells.map(() => "General")) => {
    const padded = [...cells, ...Array(5 - cells.length).fill("")];
    block.push(padded);
    formats.push([...f, ...Array(5 - f.length).fill("General")]);
  };
  const top = row;
  push(["Through the add-in: KC.METRIC with the inputs above as its overrides range (needs KC for Excel; elsewhere these show #NAME?)"]);
  push(["Overrides", "Metric", "Value (RMB thousands)"]);
  const overridesStart = top + block.length;
  for (const input of sc.inputs) {
    const r = Number(/\d+$/.exec(input.address)![0]);
    push([metricLabel(input.metric), input.metric, `=D${r}`], ["General", "General", numberFormat(engine.metric(input.metric).unit)]);
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
  row += block.length;

  // Chart data: the periods down, revenue mix and margins across, each a reference to its home cell.
  const ratios = layout.sheets.find((s) => s.name === names.Ratios)!;
  const chartTop = Math.max(...ratios.cells.map((c) => c.row)) + 1;
  const series = [...MODEL_CHART_METRICS.mix, ...MODEL_CHART_METRICS.margins];
  const periods = engine.periods("GrossMargin").filter((p) => series.every((id) => layout.homes[`${id}|${p}`]));
  const chartCells: CellValue[][] = [["Period", ...series.map(metricLabel)], ...periods.map((p) => [p, ...series.map((id) => `=${layout.homes[`${id}|${p}`]}`)])];
  const chartFormats = chartCells.map((r, i) => r.map((_, c) => (i === 0 || c === 0 ? "General" : numberFormat(c <= MODEL_CHART_METRICS.mix.length ? "amount" : "ratio"))));
  writes.push({ sheet: ratios.name, row: chartTop, col: 0, cells: [["Chart data: revenue mix and margins", ...Array(series.length).fill("")], ...chartCells], formats: [Array(series.length + 1).fill("General"), ...chartFormats] });
  const data: Block = { sheet: ratios.name, row: chartTop + 1, col: 0, rows: chartCells.length, cols: series.length + 1 };
  const chart: ChartSpec = {
    sheet: ratios.name,
    title: "Revenue mix (RMB thousands) and margins",
    data,
    lines: MODEL_CHART_METRICS.mix.length === 2 ? [2, 3] : [],
    at: { sheet: ratios.name, row: chartTop + chartCells.length + 2, col: 0, rows: 18, cols: 5 },
  };

  return {
    batch: {
      newSheets: layout.sheets.map((s) => s.name),
      writes,
      charts: [chart],
      looks: layout.sheets.map((s) => ({
        sheet: s.name,
        widths: s.widths,
        freeze: s.freeze,
        bold: s.cells.filter((c) => c.style === "title" || c.style === "header" || c.style === "heading" || c.style === "total").map((c) => c.address),
        inputs: s.cells.filter((c) => c.role === "input").map((c) => c.address),
      })),
      activate: sc.sheet,
    },
    names,
    homes: layout.homes,
    scenario: {
      sheet: sc.sheet,
      period,
      inputs: Object.fromEntries(sc.inputs.map((i) => [i.metric, `${sheetPrefix(sc.sheet)}${i.address}`])),
      kc: kcCells,
      overrides: `${sheetPrefix(sc.sheet)}${overrides.replace(/\$/g, "")}`,
    },
    chart,
  };
}

/** Builds the model in the workbook: new sheets whose names collide with none. */
export async function buildModel(engine: Engine, workbook: Workbook): Promise<ModelPlan> {
  const plan = planModel(engine, await workbook.sheetNames());
  await workbook.write(plan.batch);
  return plan;
}

// ---------------------------------------------------------------------------------------------------------------
// Freeze to values

export const FROZEN_SHEET = `${SHEET_PREFIX}frozen`;
const FROZEN_HEADER = ["Frozen at", "Cell", "Formula (as it was)", "Value", "Source"];
const EXCEL_ERROR = /^#(N\/A|VALUE!|REF!|NAME\?|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|CONNECT!|BLOCKED!|FIELD!|UNKNOWN!)/;

export const isKcFormula = (cell: unknown): cell is string => mentionsKcCall(cell);

const SOURCED_FUNCTIONS = new Set(["METRIC", "REPORTED", "SOURCE"]);

/** KC.SOURCE's description for a KC.METRIC / KC.REPORTED / KC.SOURCE with literal metric, period (and currency); "" otherwise. */
export function formulaSource(engine: Engine, formula: string): string {
  const call = wholeKcCall(formula);
  const name = call ? call.name.slice(call.name.indexOf(".") + 1).toUpperCase() : "";
  if (!call || !SOURCED_FUNCTIONS.has(name)) return "";
  const [metric, period, currency = null] = call.args;
  if (typeof metric !== "string" || typeof period !== "string" || !(currency === null || typeof currency === "string")) return "";
  const id = engine.resolveMetric(metric);
  const key = engine.resolvePeriod(period);
  if (!id.ok || !key.ok || (currency !== null && !/^(RMB|USD)$/i.test(currency))) return "";
  const text = engine.source(id.value, key.value, currency === null ? "RMB" : (currency.toUpperCase() as Currency));
  return text.ok ? text.value : "";
}

export interface FreezeResult {
  /** Cells (or spilled blocks) turned into values, as "Sheet1!B2" / "Sheet1!B2:E33". */
  frozen: string[];
  /** KC formulas left as they are because they show an error. */
  skipped: string[];
  /** Where the note of their sources went, e.g. "'KC frozen'!A2:E3"; "" when nothing was frozen. */
  record: string;
  scope: string;
}

/**
 * Turns the KC formulas in the selection (or the used range of the active sheet) into their current values, a
 * spilled table into its whole block of values, and appends a note of each (cell, formula, value, the filing line it
 * comes from) to the "KC frozen" sheet. Nothing else changes; KC formulas that show an error are left as they are.
 */
export async function freezeToValues(engine: Engine, workbook: Workbook, scope: "selection" | "sheet", now = new Date()): Promise<FreezeResult> {
  let block: Block | null;
  if (scope === "selection") block = await workbook.selection();
  else block = await workbook.usedRange((await workbook.activeCell()).sheet);
  const where = block ? qualifiedA1(block) : "the active sheet";
  if (!block) return { frozen: [], skipped: [], record: "", scope: where };
  const content = await workbook.read(block);
  const writes: BlockWrite[] = [];
  const notes: CellValue[][] = [];
  const frozen: string[] = [];
  const skipped: string[] = [];
  const stamp = now.toISOString().replace("T", " ").slice(0, 19);
  content.formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (!isKcFormula(formula)) return;
      const at = { sheet: block!.sheet, row: block!.row + r, col: block!.col + c };
      const spill = content.spills.find((s) => s.row === at.row && s.col === at.col);
      const values = spill ? spill.values : [[content.values[r][c]]];
      const address = qualifiedA1({ ...at, rows: values.length, cols: values[0].length });
      if (values.some((v) => v.some((x) => typeof x === "string" && EXCEL_ERROR.test(x)))) {
        skipped.push(address);
        return;
      }
      // Text as text: a leading apostrophe keeps Excel from reading "=..." as a formula or "1/2" as a date.
      writes.push({ ...at, cells: values.map((v) => v.map((x) => (typeof x === "string" && x !== "" ? `'${x}` : x))) });
      frozen.push(address);
      const first = values[0][0];
      notes.push([stamp, address, `'${formula}`, spill ? `${values.length} x ${values[0].length} values` : typeof first === "string" ? `'${first}` : first, formulaSource(engine, formula)]);
    }),
  );
  if (!writes.length) return { frozen, skipped, record: "", scope: where };

  const names = await workbook.sheetNames();
  const existing = names.find((n) => n.toLowerCase() === FROZEN_SHEET.toLowerCase());
  let recordRow = 1;
  const batch: Batch = { writes };
  if (existing) {
    const used = await workbook.usedRange(existing);
    recordRow = used ? used.row + used.rows : 0;
    if (recordRow === 0) notes.unshift(FROZEN_HEADER);
  } else {
    batch.newSheets = [FROZEN_SHEET];
    notes.unshift(FROZEN_HEADER);
    recordRow = 0;
  }
  const sheet = existing ?? FROZEN_SHEET;
  batch.writes = [...writes, { sheet, row: recordRow, col: 0, cells: notes }];
  await workbook.write(batch);
  return { frozen, skipped, record: qualifiedA1({ sheet, row: recordRow, col: 0, rows: notes.length, cols: FROZEN_HEADER.length }), scope: where };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks

export interface ChecksView {
  rows: CheckRow[];
  ok: number;
  noted: CheckRow[];
  failed: CheckRow[];
  summary: string;
}

/** The tie-out table (KC.CHECKS), with the filing's own inconsistencies ("noted") and any failure picked out. */
export function checksView(engine: Engine): ChecksView {
  const rows = engine.checkRows();
  const noted = rows.filter((r) => r.status === "noted");
  const failed = rows.filter((r) => r.status === "FAIL");
  const ok = rows.length - noted.length - failed.length;
  const summary =
    `${rows.length} tie-outs: ${ok} agree exactly or to the printed rounding, ${noted.length} are the filing's own inconsistencies (noted below), ` +
    (failed.length ? `${failed.length} FAIL: the data disagrees with the filing.` : "none fails.");
  return { rows, ok, noted, failed, summary };
}
