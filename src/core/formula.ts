/**
 * The statement model's formula language: metric ids, decimal numbers, + - * / and parentheses. `Id[-1]` reads the
 * metric one quarter earlier. Parsed once into a tree that the model evaluates with exact decimals.
 */

export type Expr =
  | { op: "num"; value: string }
  | { op: "ref"; id: string; offset: number }
  | { op: "neg"; arg: Expr }
  | { op: "+" | "-" | "*" | "/"; left: Expr; right: Expr };

/** One token at a position; a sticky regex keeps its position in lastIndex, so each parse makes its own. */
const TOKEN_SOURCE = String.raw`\s*(?:(\d+(?:\.\d+)?)|([A-Za-z][A-Za-z0-9]*)(?:\[(-?\d+)\])?|([-+*/()]))`;

export function parseFormula(text: string): Expr {
  const tokens: Array<{ num?: string; id?: string; offset?: number; sym?: string }> = [];
  const TOKEN = new RegExp(TOKEN_SOURCE, "y");
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`formula '${text}': cannot read '${text.slice(at)}'`);
    if (m[1]) tokens.push({ num: m[1] });
    else if (m[2]) tokens.push({ id: m[2], offset: m[3] ? Number(m[3]) : 0 });
    else tokens.push({ sym: m[4] });
  }
  let pos = 0;
  const peek = () => tokens[pos]?.sym;
  const fail = (why: string): never => {
    throw new Error(`formula '${text}': ${why}`);
  };

  const primary = (): Expr => {
    const token = tokens[pos++] ?? fail("ends too early");
    if (token.num !== undefined) return { op: "num", value: token.num };
    if (token.id !== undefined) return { op: "ref", id: token.id, offset: token.offset ?? 0 };
    if (token.sym === "-") return { op: "neg", arg: primary() };
    if (token.sym === "(") {
      const inner = sum();
      if (tokens[pos++]?.sym !== ")") fail("a '(' is not closed");
      return inner;
    }
    return fail(`unexpected '${token.sym}'`);
  };
  /** One precedence level: operands from `next`, joined left to right by any of `ops`. */
  const level = (next: () => Expr, ops: ReadonlyArray<"+" | "-" | "*" | "/">) => (): Expr => {
    let left = next();
    while (ops.includes(peek() as never)) {
      const op = tokens[pos++].sym as (typeof ops)[number];
      left = { op, left, right: next() };
    }
    return left;
  };
  const product = level(primary, ["*", "/"]);
  const sum = level(product, ["+", "-"]);

  const tree = sum();
  if (pos !== tokens.length) fail(`unexpected '${tokens[pos].sym ?? tokens[pos].id ?? tokens[pos].num}'`);
  return tree;
}

/** Every metric a formula reads, with its quarter offset. */
export function references(expr: Expr, out: Array<{ id: string; offset: number }> = []): Array<{ id: string; offset: number }> {
  switch (expr.op) {
    case "num":
      break;
    case "ref":
      out.push({ id: expr.id, offset: expr.offset });
      break;
    case "neg":
      references(expr.arg, out);
      break;
    default:
      references(expr.left, out);
      references(expr.right, out);
  }
  return out;
}
