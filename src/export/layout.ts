/**
 * The portable model as data: which cell holds what, on which sheet, with which number format and note. Pure (no
 * exceljs, no Office.js), so `kc export-model` and the task pane's "Build model" lay out the same workbook; each has
 * its own thin writer.
 *
 * Printed figures are constant values with the filing line they come from beside them. Every metric the catalog
 * computes (subtotals, non-GAAP measures, margins, per-share amounts) is a native Excel formula: the catalog formula
 * with each metric id replaced by the cell that holds that metric for that period, on whichever sheet. A metric printed
 * twice (gross profit on the income statement and in the bridge) has one home cell; its other rows reference it.
 * The Scenario sheet copies the latest quarter's chain: its input cells are values, everything that depends on them is
 * recomputed there by formulas, and everything else is read from the statements, which stay as reported. That is the
 * core's override rule (`KC.METRIC(..., overrides)`), so a changed input moves every margin exactly as the core does.
 */
import type { Table } from "../core/dataset";
import { Expr, references } from "../core/formula";
import { CURRENCYLESS, Metric, Model, PrintedFigure } from "../core/model";
import { NUMBER_FORMATS, toNumber } from "../core/options";
import { PeriodKey, comparePeriods, shiftPeriod } from "../core/periods";
import { STATEMENTS } from "../core/statements";
import { FILING_NAME, FILING_SHA256 } from "../data/filing.generated";

export const LINE_FORMAT = "0";

/** What a cell is, so writers and tests need not guess from its content. */
export type CellRole =
  | "text" // titles, labels, prose
  | "header" // column headers
  | "printed" // a figure as printed (a constant)
  | "computed" // a metric the catalog computes, as a formula over other metric cells
  | "reference" // a metric printed again elsewhere: a formula pointing at its home cell
  | "line" // the filing line a row's figures are printed on
  | "input" // a scenario input (a constant the user types over)
  | "change"; // scenario minus reported

export type CellStyle = "title" | "subtitle" | "header" | "heading" | "total" | "input" | "muted" | "prose" | "code";

/** The figure as the filing prints it on this cell's row. `value` is exact (a decimal string, "0.128" for 12.8%). */
export interface PrintedRef {
  value: string;
  decimals: number;
  text: string;
  line: number;
}

export interface LayoutCell {
  /** 1-based row and column; `address` is the same in A1 form ("C7"). */
  row: number;
  col: number;
  address: string;
  role: CellRole;
  /** A constant; absent for formula cells. */
  value?: string | number;
  /** An Excel formula without the leading "=", e.g. "C5+C6" or "IS!C9/IS!C7". */
  formula?: string;
  /** The core's exact value of the formula, for viewers that show cached results without recalculating. */
  result?: number;
  numFmt?: string;
  note?: string;
  style?: CellStyle;
  metric?: string;
  period?: PeriodKey;
  /** The figure the filing prints for this cell, which its value or formula must reproduce. */
  printed?: PrintedRef;
}

export interface SheetLayout {
  name: string;
  /** Column widths in characters, column A first. */
  widths: number[];
  /** Rows and columns kept in view when scrolling. */
  freeze: { rows: number; cols: number };
  cells: LayoutCell[];
}

export interface ScenarioLayout {
  sheet: string;
  period: PeriodKey;
  /** Input cells (constants) by metric id: "D7". */
  inputs: Array<{ metric: string; address: string }>;
  /** Recomputed cells by metric id, each a formula that reads the inputs directly or through other results. */
  results: Array<{ metric: string; address: string }>;
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
  latest: PeriodKey;
  /** The home cell of each metric and period, "Sheet!C7" (sheet name quoted when needed), keyed "Metric|2026Q1". */
  homes: Record<string, string>;
  scenario: ScenarioLayout;
}

export interface LayoutOptions {
  /** Metrics the Scenario sheet lets the user change for the latest quarter. */
  scenarioInputs?: readonly string[];
  filing?: { name: string; sha256: string };
}

export const DEFAULT_SCENARIO_INPUTS: readonly string[] = [
  "PublicCloudRevenues",
  "EnterpriseCloudRevenues",
  "CostOfRevenues",
  "SellingAndMarketingExpenses",
  "GeneralAndAdministrativeExpenses",
  "ResearchAndDevelopmentExpenses",
  "ShareBasedCompensation",
  "DepreciationAndAmortization",
];

export const SHEET_NAMES = {
  about: "About",
  IS: "IS",
  BS: "BS",
  CF: "CF",
  NONGAAP: "Non-GAAP",
  ratios: "Ratios",
  scenario: "Scenario",
} as const;

const STATEMENT_ORDER = ["IS", "BS", "CF", "NONGAAP"] as const;
type SheetKind = (typeof STATEMENT_ORDER)[number];

const LABEL_COL = 1;
const FIRST_PERIOD_COL = 2;
const HEADER_ROW = 5;

/** "A", "B", ..., "Z", "AA". */
export function columnLetter(col: number): string {
  let letters = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row}`;

/** A sheet name as a formula reference prefix: IS!, 'Non-GAAP'!. */
export function sheetPrefix(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$/.test(name) && !/^[RrCc]$/.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

/** Splits "Sheet!C7" / "'Non-GAAP'!C7" into sheet name and address. */
export function splitReference(ref: string): { sheet: string; address: string } {
  const m = /^(?:'((?:[^']|'')+)'|([^!']+))!(\$?[A-Z]+\$?[0-9]+)$/.exec(ref);
  if (!m) throw new Error(`not a cell reference: ${ref}`);
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), address: m[3].replace(/\$/g, "") };
}

interface Home {
  sheet: string;
  address: string;
}

/** One planned row of a sheet: a heading or a metric's row, with the periods it holds. */
interface PlannedRow {
  row: number;
  label: string;
  metric: string | null;
  line: number | null;
  bold: boolean;
  style?: CellStyle;
  /** Periods this row holds a figure for (the printed table's columns, or the computable periods). */
  periods: PeriodKey[];
}

interface PlannedSheet {
  name: string;
  kind: SheetKind | "ratios";
  periods: PeriodKey[];
  title: string;
  subtitle: string;
  source: string;
  rows: PlannedRow[];
}

/** Builds the whole workbook's layout from the model. */
export function buildWorkbookLayout(model: Model, options: LayoutOptions = {}): WorkbookLayout {
  const filing = options.filing ?? { name: FILING_NAME, sha256: FILING_SHA256 };
  const latest = model.dataset.latest;
  const homes = new Map<string, Home>();
  const key = (id: string, period: PeriodKey) => `${id}|${period}`;

  const planned: PlannedSheet[] = STATEMENT_ORDER.map((kind) => planStatement(model, kind));
  planned.push(planRatios(model, planned));
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

  const sheets: SheetLayout[] = planned.map((p) => emitSheet(model, p, resolveHome));
  const scenarioSheet = buildScenario(model, latest, options.scenarioInputs ?? DEFAULT_SCENARIO_INPUTS, resolveHome, sheets);
  sheets.push(scenarioSheet.sheet);
  sheets.unshift(buildAbout(model, filing, sheets, scenarioSheet.scenario));

  const homeRecord: Record<string, string> = {};
  for (const [k, h] of homes) homeRecord[k] = `${sheetPrefix(h.sheet)}${h.address}`;
  return { sheets, latest, homes: homeRecord, scenario: scenarioSheet.scenario };
}

// ---------------------------------------------------------------------------------------------------------------
// Planning: which row holds what

function planStatement(model: Model, kind: SheetKind): PlannedSheet {
  const tables = model.dataset.tables.filter((t) => t.kind === kind);
  const periods = sortedUnique(tables.flatMap((t) => ownColumns(t).map((c) => c.period)));
  const first = tables[0];
  const lines = tables.flatMap((t) => [t.titleLine, ...t.rows.map((r) => r.line)]);
  const sheet: PlannedSheet = {
    name: SHEET_NAMES[kind],
    kind,
    periods,
    title: `Kingsoft Cloud Holdings Limited: ${STATEMENTS[kind].name}`,
    subtitle: first ? `${first.title} ${first.unitsNote}`.trim() : STATEMENTS[kind].name,
    source: lines.length ? `Source: ${model.dataset.sourceName}, lines ${Math.min(...lines)}-${Math.max(...lines)}.` : "",
    rows: [],
  };
  let row = HEADER_ROW + 1;
  for (const table of tables) {
    const tablePeriods = ownColumns(table).map((c) => c.period);
    if (tables.length > 1) {
      if (row > HEADER_ROW + 1) row++;
      sheet.rows.push({ row: row++, label: tableHeading(table), metric: null, line: table.titleLine, bold: true, style: "heading", periods: [] });
    }
    let section: string | null = null;
    for (const r of table.rows) {
      if (r.section && r.section !== section) {
        sheet.rows.push({ row: row++, label: r.section, metric: null, line: null, bold: true, style: "heading", periods: [] });
      }
      section = r.section;
      const metric = model.rowMetric.get(r) ?? null;
      sheet.rows.push({ row: row++, label: r.label, metric, line: r.line, bold: r.bold, periods: metric ? tablePeriods : [] });
    }
  }
  return sheet;
}

/** The derived measures (margins, expense ratios, leverage) the catalog computes from statement metrics. */
function planRatios(model: Model, statements: PlannedSheet[]): PlannedSheet {
  const available = new Set<string>();
  for (const s of statements) for (const r of s.rows) if (r.metric) for (const p of r.periods) available.add(`${r.metric}|${p}`);
  const rows: PlannedRow[] = [];
  let row = HEADER_ROW + 1;
  for (const metric of model.metrics.values()) {
    if (metric.statement !== "DERIVED" || !metric.expr) continue;
    const refs = references(metric.expr);
    const periods = model.periods(metric.id).filter((p) => refs.every((r) => available.has(`${r.id}|${shiftPeriod(p, r.offset)}`)));
    if (periods.length === 0) continue;
    periods.forEach((p) => available.add(`${metric.id}|${p}`));
    rows.push({ row: row++, label: metric.label, metric: metric.id, line: null, bold: false, periods });
  }
  return {
    name: SHEET_NAMES.ratios,
    kind: "ratios",
    periods: sortedUnique(rows.flatMap((r) => r.periods)),
    title: "Kingsoft Cloud Holdings Limited: derived measures",
    subtitle: "Margins, expense ratios and leverage an analyst derives from the statements (not printed in the filing).",
    source: "Every figure is a formula over the statement sheets.",
    rows,
  };
}

/** The table's own-currency columns: RMB, or no currency for the margin tables (the US$ translation is left out). */
function ownColumns(table: Table) {
  return table.columns.filter((c) => c.currency !== "USD");
}

function tableHeading(table: Table): string {
  return `Reconciliation: ${table.anchor.replace(/^Net Loss$/, "Net loss")}`;
}

function sortedUnique(periods: PeriodKey[]): PeriodKey[] {
  return [...new Set(periods)].sort(comparePeriods);
}

function periodCol(sheet: { periods: PeriodKey[] }, period: PeriodKey): number {
  const i = sheet.periods.indexOf(period);
  if (i < 0) throw new Error(`period ${period} is not a column of this sheet`);
  return FIRST_PERIOD_COL + i;
}

// ---------------------------------------------------------------------------------------------------------------
// Emitting cells

function emitSheet(model: Model, plan: PlannedSheet, home: (id: string, p: PeriodKey) => Home | undefined): SheetLayout {
  const cells: LayoutCell[] = [];
  const lineCol = FIRST_PERIOD_COL + plan.periods.length;
  const idCol = lineCol + 1;
  const howCol = idCol + 1;
  const put = (cell: Omit<LayoutCell, "address">) => cells.push({ ...cell, address: cellAddress(cell.row, cell.col) });

  put({ row: 1, col: 1, role: "text", value: plan.title, style: "title" });
  put({ row: 2, col: 1, role: "text", value: plan.subtitle, style: "subtitle" });
  if (plan.source) put({ row: 3, col: 1, role: "text", value: plan.source, style: "muted" });
  const corner = plan.kind === "BS" ? "As of" : plan.kind === "ratios" ? "Period" : "Three months ended";
  put({ row: HEADER_ROW, col: LABEL_COL, role: "header", value: corner, style: "header" });
  plan.periods.forEach((p, i) => put({ row: HEADER_ROW, col: FIRST_PERIOD_COL + i, role: "header", value: p, style: "header", note: periodNote(model, plan, p) }));
  put({ row: HEADER_ROW, col: lineCol, role: "header", value: "Line", style: "header", note: `Line of ${model.dataset.sourceName} the row's figures are printed on.` });
  put({ row: HEADER_ROW, col: idCol, role: "header", value: "Metric", style: "header", note: "The KC metric id (as in =KC.METRIC(\"id\", period) in the add-in)." });
  put({ row: HEADER_ROW, col: howCol, role: "header", value: "How", style: "header" });

  for (const r of plan.rows) {
    put({ row: r.row, col: LABEL_COL, role: "text", value: r.label, style: r.style ?? (r.bold ? "total" : undefined) });
    if (!r.metric) continue;
    const metric = model.metric(r.metric);
    if (r.line !== null) put({ row: r.row, col: lineCol, role: "line", value: r.line, numFmt: LINE_FORMAT, style: "muted" });
    put({ row: r.row, col: idCol, role: "text", value: metric.id, style: "code" });
    let how = "As printed";
    for (const period of r.periods) {
      const col = periodCol(plan, period);
      const address = cellAddress(r.row, col);
      const printed = r.line === null ? undefined : printedOnLine(model, metric, period, r.line);
      const numFmt = NUMBER_FORMATS[metric.unit];
      const style = r.bold ? "total" : undefined;
      const own = home(metric.id, period);
      const exact = toNumber(model.value(metric.id, period, "RMB"));
      const base = { row: r.row, col, metric: metric.id, period, numFmt, style, printed: printed && printedRef(printed) } as const;
      if (own && (own.sheet !== plan.name || own.address !== address)) {
        put({ ...base, role: "reference", formula: `${qualified(own, plan.name)}`, result: exact, note: referenceNote(printed, own) });
        how = `Same figure as ${own.sheet === plan.name ? "" : `${own.sheet} `}row ${rowOf(own.address)}`;
        continue;
      }
      const formula = metric.expr ? translate(metric.expr, period, plan.name, home) : null;
      if (formula !== null) {
        put({ ...base, role: "computed", formula, result: exact, note: computedNote(metric, printed) });
        how = `Formula: ${metric.formula}`;
      } else if (printed) {
        put({ ...base, role: "printed", value: toNumber(printed.value), note: printedNote(printed) });
      }
    }
    put({ row: r.row, col: howCol, role: "text", value: how, style: "code" });
  }
  return {
    name: plan.name,
    widths: [62, ...plan.periods.map(() => 14), 7, 34, 60],
    freeze: { rows: HEADER_ROW, cols: 1 },
    cells,
  };
}

/** The catalog formula as an Excel formula: each metric id becomes the cell holding it for the period. Null when an input has no cell. */
export function translate(expr: Expr, period: PeriodKey, onSheet: string, home: (id: string, p: PeriodKey) => Home | undefined): string | null {
  try {
    return render(expr, (id, offset) => {
      const h = home(id, offset ? shiftPeriod(period, offset) : period);
      if (!h) throw new MissingCell();
      return qualified(h, onSheet);
    });
  } catch (error) {
    if (error instanceof MissingCell) return null;
    throw error;
  }
}

class MissingCell extends Error {}

const PRECEDENCE: Record<string, number> = { "+": 1, "-": 1, "*": 2, "/": 2 };

/** Renders an expression tree as formula text with only the parentheses it needs. */
export function render(expr: Expr, cell: (id: string, offset: number) => string): string {
  switch (expr.op) {
    case "num":
      return expr.value;
    case "ref":
      return cell(expr.id, expr.offset);
    case "neg": {
      const inner = render(expr.arg, cell);
      return expr.arg.op in PRECEDENCE ? `-(${inner})` : `-${inner}`;
    }
    default: {
      const p = PRECEDENCE[expr.op];
      const left = render(expr.left, cell);
      const right = render(expr.right, cell);
      const lp = expr.left.op in PRECEDENCE && PRECEDENCE[expr.left.op] < p;
      // a-(b+c), a/(b*c): the right side needs parentheses at equal precedence unless the operator is associative.
      const rp = expr.right.op in PRECEDENCE && (PRECEDENCE[expr.right.op] < p || (PRECEDENCE[expr.right.op] === p && (expr.op === "-" || expr.op === "/")));
      return `${lp ? `(${left})` : left}${expr.op}${rp ? `(${right})` : right}`;
    }
  }
}

function qualified(h: Home, onSheet: string): string {
  return h.sheet === onSheet ? h.address : `${sheetPrefix(h.sheet)}${h.address}`;
}

function rowOf(address: string): number {
  return Number(/[0-9]+$/.exec(address)?.[0]);
}

function printedOnLine(model: Model, metric: Metric, period: PeriodKey, line: number): PrintedFigure | undefined {
  const currency = CURRENCYLESS.has(metric.unit) ? "" : "RMB";
  return model.printed(metric.id, period, currency).find((f) => f.provenance.line === line);
}

function printedRef(f: PrintedFigure): PrintedRef {
  return { value: f.value.toFixed(), decimals: f.decimals, text: f.provenance.text, line: f.provenance.line };
}

function printedNote(f: PrintedFigure): string {
  const p = f.provenance;
  return `As printed: ${p.text}\n${p.statement}\n${p.row} · ${p.column}\nLine ${p.line}`;
}

function computedNote(metric: Metric, printed: PrintedFigure | undefined): string {
  const tie = printed
    ? `\nThe filing prints ${printed.provenance.text} (line ${printed.provenance.line})${metric.alwaysComputed ? ", rounded" : ""}.`
    : "\nNot printed in the filing.";
  return `Formula: ${metric.id} = ${metric.formula}${tie}`;
}

function referenceNote(printed: PrintedFigure | undefined, own: Home): string {
  const where = `${sheetPrefix(own.sheet)}${own.address}`;
  return printed ? `Printed again here: ${printed.provenance.text} (line ${printed.provenance.line}). The model's figure is ${where}.` : `Same figure as ${where}.`;
}

function periodNote(model: Model, plan: PlannedSheet, period: PeriodKey): string | undefined {
  if (plan.kind === "ratios") return undefined;
  const column = model.dataset.tables.filter((t) => t.kind === plan.kind).flatMap(ownColumns).find((c) => c.period === period);
  return column ? `As printed: ${column.header}` : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Scenario

const SC = { label: 1, metric: 2, reported: 3, scenario: 4, change: 5, how: 6 } as const;

function buildScenario(
  model: Model,
  period: PeriodKey,
  inputIds: readonly string[],
  home: (id: string, p: PeriodKey) => Home | undefined,
  sheets: SheetLayout[],
): { sheet: SheetLayout; scenario: ScenarioLayout } {
  const name = SHEET_NAMES.scenario;
  const inputs = [...new Set(inputIds)];
  for (const id of inputs) {
    if (!home(model.metric(id).id, period)) throw new Error(`scenario input ${id} has no cell for ${period}`);
  }
  const inputSet = new Set(inputs);
  // Every metric with a cell for the period whose formula reads an input: in the statements' order, each once.
  const dependents: string[] = [];
  const seen = new Set<string>();
  for (const sheet of sheets) {
    for (const cell of sheet.cells) {
      if (cell.role !== "computed" || cell.period !== period || !cell.metric || seen.has(cell.metric)) continue;
      seen.add(cell.metric);
      const m = model.metric(cell.metric);
      if (!inputSet.has(m.id) && [...m.dependsOn].some((d) => inputSet.has(d))) dependents.push(m.id);
    }
  }

  const cells: LayoutCell[] = [];
  const put = (cell: Omit<LayoutCell, "address">) => cells.push({ ...cell, address: cellAddress(cell.row, cell.col) });
  put({ row: 1, col: 1, role: "text", value: `Scenario for ${period}: type over a yellow input, watch every margin move`, style: "title" });
  put({
    row: 2,
    col: 1,
    role: "text",
    style: "subtitle",
    value:
      "Inputs are RMB thousands, as printed (costs and expenses negative). Scenario recomputes every subtotal, non-GAAP measure and margin that depends on them with ordinary formulas; all else is read from the statement sheets, which stay as reported.",
  });
  put({ row: 3, col: 1, role: "text", style: "muted", value: "To undo a change, type the Reported figure back into the input cell." });
  const headers = ["Line item", "Metric", `Reported ${period}`, `Scenario ${period}`, "Change", "How"];
  headers.forEach((h, i) => put({ row: HEADER_ROW, col: i + 1, role: "header", value: h, style: "header" }));

  const at = new Map<string, string>();
  let row = HEADER_ROW + 1;
  put({ row: row++, col: 1, role: "text", value: "Inputs (type here)", style: "heading" });
  const inputRows: Array<[string, number]> = inputs.map((id) => [id, row++]);
  row++;
  put({ row: row++, col: 1, role: "text", value: "Recomputed from the inputs", style: "heading" });
  const resultRows: Array<[string, number]> = dependents.map((id) => [id, row++]);
  for (const [id, r] of [...inputRows, ...resultRows]) at.set(id, cellAddress(r, SC.scenario));

  const scenarioCell = (id: string, offset: number): string => {
    // Overrides are a scenario for one period: other quarters keep their reported figures, as in the core.
    if (offset === 0 && at.has(id)) return at.get(id) as string;
    const h = home(id, offset ? shiftPeriod(period, offset) : period);
    if (!h) throw new Error(`scenario: ${id} has no cell for ${shiftPeriod(period, offset)}`);
    return qualified(h, name);
  };

  const rowCells = (id: string, r: number, isInput: boolean) => {
    const metric = model.metric(id);
    const numFmt = NUMBER_FORMATS[metric.unit];
    const h = home(id, period) as Home;
    const exact = toNumber(model.value(id, period, "RMB"));
    const reported = cellAddress(r, SC.reported);
    const scenario = cellAddress(r, SC.scenario);
    put({ row: r, col: SC.label, role: "text", value: standaloneLabel(model, metric) });
    put({ row: r, col: SC.metric, role: "text", value: id, style: "code" });
    put({ row: r, col: SC.reported, role: "reference", formula: qualified(h, name), result: exact, numFmt, metric: id, period, note: `The statements' figure: ${sheetPrefix(h.sheet)}${h.address}.` });
    if (isInput) {
      put({ row: r, col: SC.scenario, role: "input", value: exact, numFmt, style: "input", metric: id, period, note: `Scenario input: type a figure in RMB thousands. Reported: ${reportedText(model, metric, period)}.` });
      put({ row: r, col: SC.how, role: "text", value: "Input", style: "code" });
    } else {
      const formula = render(metric.expr as Expr, scenarioCell);
      put({ row: r, col: SC.scenario, role: "computed", formula, result: exact, numFmt, metric: id, period, note: `Formula: ${id} = ${metric.formula}` });
      put({ row: r, col: SC.how, role: "text", value: `Formula: ${metric.formula}`, style: "code" });
    }
    put({ row: r, col: SC.change, role: "change", formula: `${scenario}-${reported}`, result: 0, numFmt, metric: id, period });
  };
  inputRows.forEach(([id, r]) => rowCells(id, r, true));
  resultRows.forEach(([id, r]) => rowCells(id, r, false));

  return {
    sheet: { name, widths: [62, 34, 16, 16, 14, 70], freeze: { rows: HEADER_ROW, cols: 1 }, cells },
    scenario: {
      sheet: name,
      period,
      inputs: inputRows.map(([metric, r]) => ({ metric, address: cellAddress(r, SC.scenario) })),
      results: resultRows.map(([metric, r]) => ({ metric, address: cellAddress(r, SC.scenario) })),
    },
  };
}

/** A label that reads alone, off its statement: "Net loss per share: basic and diluted", "Share-based compensation expenses". */
function standaloneLabel(model: Model, metric: Metric): string {
  const label = metric.label.replace(/^[–-]\s*/, "");
  if (!/^basic and diluted$/i.test(label)) return label;
  for (const [row, id] of model.rowMetric) if (id === metric.id && row.section) return `${row.section} ${label.toLowerCase()}`;
  return `${metric.id}: ${label.toLowerCase()}`;
}

function reportedText(model: Model, metric: Metric, period: PeriodKey): string {
  const f = model.printed(metric.id, period, CURRENCYLESS.has(metric.unit) ? "" : "RMB")[0];
  return f ? `${f.provenance.text} (line ${f.provenance.line})` : `${toNumber(model.value(metric.id, period, "RMB"))}`;
}

// ---------------------------------------------------------------------------------------------------------------
// About

function buildAbout(model: Model, filing: { name: string; sha256: string }, sheets: SheetLayout[], scenario: ScenarioLayout): SheetLayout {
  const cells: LayoutCell[] = [];
  let row = 1;
  const put = (col: number, value: string, style?: CellStyle) => cells.push({ row, col, address: cellAddress(row, col), role: "text", value, style });
  const item = (label: string, text: string, style: CellStyle = "prose") => {
    put(1, label, "total");
    put(2, text, style);
    row++;
  };
  const count = (role: CellRole) => sheets.reduce((n, s) => n + s.cells.filter((c) => c.role === role).length, 0);
  const rateFigure = model.printed("ExchangeRateRMBPerUSD", model.dataset.latest, "")[0];

  put(1, `Kingsoft Cloud Holdings Limited (NASDAQ: KC, HKEX: 3896): financial statements for ${model.dataset.latest}, as a portable model`, "title");
  row += 2;
  item(
    "What this is",
    `The balance sheet, statement of comprehensive loss, cash flow statement and reconciliations of GAAP and non-GAAP results from the company's unaudited ${model.dataset.latest} earnings release, with derived ratios and a scenario sheet. Exported by KC for Excel (kc export-model).`,
  );
  item(
    "No add-in needed",
    "Every figure is either a constant or an ordinary Excel formula (+ - * / and cell references). The workbook calculates in Excel, Excel on the web, LibreOffice Calc or Google Sheets without the KC add-in and without a network connection; send it to anyone.",
  );
  item("Source filing", filing.name, "code");
  item("SHA-256 of the filing", filing.sha256, "code");
  item(
    "Where figures come from",
    `Constant figures are typed exactly as printed, in RMB thousands (share counts in shares, per-share amounts in RMB). The Line column gives the line of ${filing.name} each row is printed on, and each figure's note quotes the printed text. The release's US$ columns are convenience translations at ${rateFigure ? rateFigure.provenance.text : "the release's rate"} and are left out.`,
  );
  item(
    "What is computed",
    "Every subtotal, non-GAAP measure, margin and per-share amount is a formula over the printed figures, following the statement model of KC for Excel (the How column gives the formula). The subtotals and non-GAAP measures recompute to the printed figures exactly; margins and per-share amounts are unrounded (the filing prints them rounded, e.g. 12.8%).",
  );
  item(
    "Scenario",
    `On the ${scenario.sheet} sheet, type over a yellow input (${scenario.inputs.map((i) => i.metric).join(", ")}) for ${scenario.period}: the ${scenario.results.length} dependent subtotals, non-GAAP measures and margins recompute beside their reported figures. The statement sheets stay as reported.`,
  );
  item("Contents", `${count("printed")} printed figures, ${count("computed")} computed cells, ${count("reference")} cross-references.`);
  row++;
  put(1, "Sheets", "heading");
  row++;
  const describe: Record<string, string> = {
    [SHEET_NAMES.IS]: "Unaudited condensed consolidated statements of comprehensive loss",
    [SHEET_NAMES.BS]: "Unaudited condensed consolidated balance sheets",
    [SHEET_NAMES.CF]: "Unaudited condensed consolidated statement of cash flows (summary as printed)",
    [SHEET_NAMES.NONGAAP]: "Reconciliations of GAAP and non-GAAP results: the bridges and their margins",
    [SHEET_NAMES.ratios]: "Derived measures: margins, expense ratios, per-ADS loss, leverage",
    [SHEET_NAMES.scenario]: `What-if for ${scenario.period}: inputs flow through native formulas to every margin`,
  };
  for (const s of sheets) {
    put(1, s.name, "code");
    put(2, describe[s.name] ?? "", "prose");
    row++;
  }
  row++;
  item("Caution", "Unaudited figures as released by the company. Not investment advice. Check the filing before relying on any figure.", "muted");
  return { name: SHEET_NAMES.about, widths: [28, 120], freeze: { rows: 0, cols: 0 }, cells };
}

// ---------------------------------------------------------------------------------------------------------------
// For other writers (the task pane's "Build model" writes through Office.js, whose sheets may get other names)

/**
 * The layout with sheets renamed (e.g. when "IS" is taken in the user's workbook): sheet names, every cross-sheet
 * reference in the formulas, the homes and the scenario follow. Names not in the map are kept.
 */
export function renameSheets(layout: WorkbookLayout, names: Readonly<Record<string, string>>): WorkbookLayout {
  const rename = (name: string) => names[name] ?? name;
  const PREFIX = /(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_]*))!/g;
  const rewrite = (text: string) => text.replace(PREFIX, (_, quoted: string | undefined, plain: string | undefined) => sheetPrefix(rename(quoted !== undefined ? quoted.replace(/''/g, "'") : (plain as string))));
  const homes: Record<string, string> = {};
  for (const [key, ref] of Object.entries(layout.homes)) homes[key] = rewrite(ref);
  return {
    ...layout,
    homes,
    sheets: layout.sheets.map((s) => ({ ...s, name: rename(s.name), cells: s.cells.map((c) => (c.formula === undefined ? c : { ...c, formula: rewrite(c.formula) })) })),
    scenario: { ...layout.scenario, sheet: rename(layout.scenario.sheet) },
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
