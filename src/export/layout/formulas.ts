/** The statement model's formulas as Excel formulas over the workbook's cells. */
import { Expr, PeriodKey, sheetPrefix, shiftPeriod } from "../../core";
import { Home, HomeOf } from "./types";

export function translate(expr: Expr, period: PeriodKey, onSheet: string, home: HomeOf): string | null {
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

/** A home cell as a reference from `onSheet`: "C7" on the same sheet, "IS!C7" from another. */
export function qualified(h: Home, onSheet: string): string {
  return h.sheet === onSheet ? h.address : `${sheetPrefix(h.sheet)}${h.address}`;
}

