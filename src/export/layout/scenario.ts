/**
 * The Scenario sheet: the latest quarter's chain. Its input cells are values; everything that depends on them is
 * recomputed there by formulas; everything else is read from the statements, which stay as reported. That is the
 * core's override rule (`KC.METRIC(..., overrides)`), so a changed input moves every margin exactly as the core does.
 */
import { Engine, Expr, Metric, PeriodKey, UNITS, numberFormat, sheetPrefix, shiftPeriod, toNumber } from "../../core";
import { qualified, render } from "./formulas";
import { HEADER_ROW, Home, HomeOf, LayoutCell, SHEET_NAMES, ScenarioLayout, SheetLayout, cellAddress } from "./types";

const SC = { label: 1, metric: 2, reported: 3, scenario: 4, change: 5, how: 6 } as const;

export function buildScenario(
  engine: Engine,
  period: PeriodKey,
  inputIds: readonly string[],
  home: HomeOf,
  sheets: SheetLayout[],
): { sheet: SheetLayout; scenario: ScenarioLayout } {
  const name = SHEET_NAMES.scenario;
  const inputs = [...new Set(inputIds)];
  for (const id of inputs) {
    if (!home(engine.metric(id).id, period)) throw new Error(`scenario input ${id} has no cell for ${period}`);
  }
  const inputSet = new Set(inputs);
  // Every metric with a cell for the period whose formula reads an input: in the statements' order, each once.
  const dependents: string[] = [];
  const seen = new Set<string>();
  for (const sheet of sheets) {
    for (const cell of sheet.cells) {
      if (cell.role !== "computed" || cell.period !== period || !cell.metric || seen.has(cell.metric)) continue;
      seen.add(cell.metric);
      const m = engine.metric(cell.metric);
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
    const metric = engine.metric(id);
    const numFmt = numberFormat(metric.unit);
    const h = home(id, period) as Home;
    const exact = toNumber(engine.exact(id, period));
    const reported = cellAddress(r, SC.reported);
    const scenario = cellAddress(r, SC.scenario);
    put({ row: r, col: SC.label, role: "text", value: standaloneLabel(engine, metric) });
    put({ row: r, col: SC.metric, role: "text", value: id, style: "code" });
    put({ row: r, col: SC.reported, role: "reference", formula: qualified(h, name), result: exact, numFmt, metric: id, period, note: `The statements' figure: ${sheetPrefix(h.sheet)}${h.address}.` });
    if (isInput) {
      put({ row: r, col: SC.scenario, role: "input", value: exact, numFmt, style: "input", metric: id, period, note: `Scenario input: type a figure in RMB thousands. Reported: ${reportedText(engine, metric, period)}.` });
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
function standaloneLabel(engine: Engine, metric: Metric): string {
  const label = metric.label.replace(/^[–-]\s*/, "");
  if (!/^basic and diluted$/i.test(label)) return label;
  for (const table of engine.tables()) {
    for (const row of table.rows) if (row.section && engine.rowMetric(row) === metric.id) return `${row.section} ${label.toLowerCase()}`;
  }
  return `${metric.id}: ${label.toLowerCase()}`;
}

function reportedText(engine: Engine, metric: Metric, period: PeriodKey): string {
  const f = engine.printed(metric.id, period, UNITS[metric.unit].currency ? "RMB" : "")[0];
  return f ? `${f.provenance.text} (line ${f.provenance.line})` : `${toNumber(engine.exact(metric.id, period))}`;
}
