/**
 * Freeze to values. A cell whose whole formula is one KC call (`=KC.METRIC(...)`, or the anchor of a KC spill such as
 * `=KC.STATEMENT("IS")`) becomes its current value (a spill its whole block of values); each is noted (cell, formula,
 * value, the filing line it comes from) on the "KC frozen" sheet, in the same batch. A formula that mixes a KC call with
 * other logic (`=D1*KC.METRIC(...)`) is left as it is and listed; freezing those is a second, explicit step that keeps
 * each formula on KC frozen. Text that only mentions a KC call inside a string is never touched, nor is any other cell.
 */
import { Block, CellRef, Currency, Engine, mentionsKcCall, qualifiedA1, wholeKcCall } from "../../core";
import { BlockWrite, CellValue, SHEET_PREFIX, Workbook } from "../workbook";

export const FROZEN_SHEET = `${SHEET_PREFIX}frozen`;
export const FROZEN_HEADER = ["Frozen at", "Cell", "Formula (as it was)", "Value", "Source"];
const EXCEL_ERROR = /^#(N\/A|VALUE!|REF!|NAME\?|DIV\/0!|NUM!|NULL!|SPILL!|CALC!|BUSY!|GETTING_DATA|CONNECT!|BLOCKED!|FIELD!|UNKNOWN!)/;

/** How a cell's formula stands with KC: one KC call, KC mixed with other logic, or no KC call (a mention in text is none). */
export function kcKind(formula: unknown): "whole" | "mixed" | null {
  if (!mentionsKcCall(formula)) return null;
  return wholeKcCall(formula) ? "whole" : "mixed";
}

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

/** What to freeze: the selection, the active sheet's used range, or (the second step) the cells the first step left. */
export type FreezeScope = "selection" | "sheet" | { cells: CellRef[] };

export interface FreezeResult {
  /** Cells (or spilled blocks) turned into values, as "Sheet1!B2" / "Sheet1!B2:E33". */
  frozen: string[];
  /** KC formulas left as they are because they show an error. */
  skipped: string[];
  /** Formulas that mix KC with other logic, left as they are (the first step only): what the second step freezes. */
  mixed: CellRef[];
  /** Where the notes went, e.g. "'KC frozen'!A2:E3"; "" when nothing was frozen. */
  record: string;
  scope: string;
}

/** Text as text: a leading apostrophe keeps Excel from reading "=..." as a formula or "1/2" as a date. */
const asText = (x: CellValue): CellValue => (typeof x === "string" && x !== "" ? `'${x}` : x);

/**
 * Freezes the KC formulas in the scope: whole KC calls in the first step; with `mixed` (the second step) every formula
 * with a KC call, the formula kept on KC frozen. One batch: the values and the notes, appended to KC frozen below what
 * it holds when the batch runs. A cell whose formula changed since it was read is not overwritten (the batch is refused).
 */
export async function freezeToValues(engine: Engine, workbook: Workbook, scope: FreezeScope, { mixed = false, now = new Date() }: { mixed?: boolean; now?: Date } = {}): Promise<FreezeResult> {
  const blocks = await scopeBlocks(workbook, scope);
  const where = typeof scope === "object" ? scope.cells.map((c) => qualifiedA1(c)).join(", ") : blocks[0] ? qualifiedA1(blocks[0].block) : "the active sheet";
  const result: FreezeResult = { frozen: [], skipped: [], mixed: [], record: "", scope: where };
  const writes: BlockWrite[] = [];
  const notes: CellValue[][] = [];
  const stamp = now.toISOString().replace("T", " ").slice(0, 19);
  for (const { block, only } of blocks) {
    const content = await workbook.read(block);
    content.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        const at = { sheet: block.sheet, row: block.row + r, col: block.col + c };
        if (only && !only.some((o) => o.row === at.row && o.col === at.col)) return;
        const kind = kcKind(formula);
        if (!kind) return;
        if (kind === "mixed" && !mixed) {
          result.mixed.push(at);
          return;
        }
        const spill = content.spills.find((s) => s.row === at.row && s.col === at.col);
        const values = spill ? spill.values : [[content.values[r][c]]];
        const address = qualifiedA1({ ...at, rows: values.length, cols: values[0].length });
        if (values.some((v) => v.some((x) => typeof x === "string" && EXCEL_ERROR.test(x)))) {
          result.skipped.push(address);
          return;
        }
        writes.push({ ...at, cells: values.map((v) => v.map(asText)), expect: formula as string });
        result.frozen.push(address);
        const first = values[0][0];
        notes.push([stamp, address, `'${formula}`, spill ? `${values.length} x ${values[0].length} values` : asText(first), formulaSource(engine, formula as string)]);
      }),
    );
  }
  if (!writes.length) return result;
  const written = await workbook.write({ writes, log: { sheet: FROZEN_SHEET, header: FROZEN_HEADER, rows: notes } });
  return { ...result, record: written.log ? qualifiedA1(written.log) : "" };
}

/** The blocks to read: the selection or used range, or for listed cells one block per sheet around them. */
async function scopeBlocks(workbook: Workbook, scope: FreezeScope): Promise<Array<{ block: Block; only: CellRef[] | null }>> {
  if (scope === "selection") return [{ block: await workbook.selection(), only: null }];
  if (scope === "sheet") {
    const used = await workbook.usedRange((await workbook.activeCell()).sheet);
    return used ? [{ block: used, only: null }] : [];
  }
  const bySheet = new Map<string, CellRef[]>();
  for (const cell of scope.cells) bySheet.set(cell.sheet, [...(bySheet.get(cell.sheet) ?? []), cell]);
  return [...bySheet].map(([sheet, cells]) => {
    const top = Math.min(...cells.map((c) => c.row));
    const left = Math.min(...cells.map((c) => c.col));
    const block = { sheet, row: top, col: left, rows: Math.max(...cells.map((c) => c.row)) - top + 1, cols: Math.max(...cells.map((c) => c.col)) - left + 1 };
    return { block, only: cells };
  });
}
