/**
 * Test helpers over a WorkbookLayout: the references a formula reads, and a small exact evaluator of the layout's
 * formulas (cell references, numbers, + - * / and parentheses: all the exported workbook uses), so the layout can be
 * checked against the core without a spreadsheet engine. The LibreOffice test checks the same with a real one.
 */
import { D, Dec } from "../../src/core/decimal";
import type { LayoutCell, SheetLayout, WorkbookLayout } from "../../src/export/layout";

export interface CellRef {
  sheet: string;
  address: string;
}

const REF = /(?:'((?:[^']|'')+)'!|([A-Za-z_][A-Za-z0-9_]*)!)?(\$?[A-Z]{1,3}\$?[0-9]+)/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?/y;

type Token = { ref: CellRef } | { num: string } | { sym: string };

export function tokenize(formula: string, onSheet: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < formula.length) {
    const ch = formula[pos];
    if (ch === " ") {
      pos++;
      continue;
    }
    if ("+-*/()".includes(ch)) {
      tokens.push({ sym: ch });
      pos++;
      continue;
    }
    REF.lastIndex = pos;
    const ref = REF.exec(formula);
    if (ref) {
      const sheet = ref[1] !== undefined ? ref[1].replace(/''/g, "'") : ref[2] ?? onSheet;
      tokens.push({ ref: { sheet, address: ref[3].replace(/\$/g, "") } });
      pos = REF.lastIndex;
      continue;
    }
    NUMBER.lastIndex = pos;
    const num = NUMBER.exec(formula);
    if (num) {
      tokens.push({ num: num[0] });
      pos = NUMBER.lastIndex;
      continue;
    }
    throw new Error(`formula '${formula}': unexpected '${formula.slice(pos)}' (only cell references, numbers and + - * / are expected)`);
  }
  return tokens;
}

export function formulaReferences(formula: string, onSheet: string): CellRef[] {
  return tokenize(formula, onSheet).flatMap((t) => ("ref" in t ? [t.ref] : []));
}

export const cellKey = (sheet: string, address: string): string => `${sheet}!${address}`;

export function cellIndex(layout: WorkbookLayout): Map<string, { sheet: SheetLayout; cell: LayoutCell }> {
  const index = new Map<string, { sheet: SheetLayout; cell: LayoutCell }>();
  for (const sheet of layout.sheets) for (const cell of sheet.cells) index.set(cellKey(sheet.name, cell.address), { sheet, cell });
  return index;
}

/**
 * Every numeric cell's value: constants as they are (or as overridden, keyed "Sheet!D7"), formulas evaluated exactly.
 */
export function evaluateLayout(layout: WorkbookLayout, overrides: ReadonlyMap<string, number> = new Map()): Map<string, Dec> {
  const index = cellIndex(layout);
  const values = new Map<string, Dec>();
  const visiting = new Set<string>();

  const valueOf = (key: string): Dec => {
    const known = values.get(key);
    if (known) return known;
    const entry = index.get(key);
    if (!entry) throw new Error(`${key} is referenced but holds nothing`);
    const { sheet, cell } = entry;
    let value: Dec;
    if (overrides.has(key)) value = D(overrides.get(key) as number);
    else if (cell.formula !== undefined) {
      if (visiting.has(key)) throw new Error(`circular reference through ${key}`);
      visiting.add(key);
      value = evaluate(tokenize(cell.formula, sheet.name), valueOf, `${key}: =${cell.formula}`);
      visiting.delete(key);
    } else if (typeof cell.value === "number") value = D(cell.value);
    else throw new Error(`${key} is referenced but holds text '${String(cell.value)}'`);
    values.set(key, value);
    return value;
  };

  for (const sheet of layout.sheets) {
    for (const cell of sheet.cells) if (cell.formula !== undefined || typeof cell.value === "number") valueOf(cellKey(sheet.name, cell.address));
  }
  return values;
}

function evaluate(tokens: Token[], valueOf: (key: string) => Dec, what: string): Dec {
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${what}: ${why}`);
  };
  const sym = () => {
    const t = tokens[pos];
    return t && "sym" in t ? t.sym : undefined;
  };
  const primary = (): Dec => {
    const t = tokens[pos++] ?? fail("ends too early");
    if ("ref" in t) return valueOf(cellKey(t.ref.sheet, t.ref.address));
    if ("num" in t) return D(t.num);
    if (t.sym === "-") return primary().neg();
    if (t.sym === "(") {
      const inner = sum();
      if (sym() !== ")") fail("unclosed (");
      pos++;
      return inner;
    }
    return fail(`unexpected ${t.sym}`);
  };
  const product = (): Dec => {
    let left = primary();
    while (sym() === "*" || sym() === "/") {
      const op = (tokens[pos++] as { sym: string }).sym;
      const right = primary();
      left = op === "*" ? left.times(right) : right.isZero() ? fail("divides by zero") : left.div(right);
    }
    return left;
  };
  const sum = (): Dec => {
    let left = product();
    while (sym() === "+" || sym() === "-") {
      const op = (tokens[pos++] as { sym: string }).sym;
      const right = product();
      left = op === "+" ? left.plus(right) : left.minus(right);
    }
    return left;
  };
  const result = sum();
  if (pos !== tokens.length) fail("trailing tokens");
  return result;
}
