/**
 * The one place KC formula text is made and read.
 *
 * Making: kcFormula("METRIC", ["AdjustedEBITDA", "2026Q1"]) is `=KC.METRIC("AdjustedEBITDA","2026Q1")`; omitted
 * arguments are empty (`,,`), trailing ones dropped; a reference (`{ ref: "$B$54:$C$61" }`) is written as it is.
 *
 * Reading: parseCall reads one call of literal arguments (`kc eval`): strings ("" escapes a quote), numbers (1.5e3,
 * 12%), TRUE/FALSE, omitted arguments (null) and array constants ({1,2;3,4}). wholeKcCall tells whether a cell's
 * formula is exactly one KC call (its arguments may be references or expressions), and mentionsKcCall whether a KC
 * call appears anywhere in it outside string literals: `="see KC.METRIC("` mentions none.
 */

export const KC_NAMESPACE = "KC";

export type Literal = string | number | boolean;
/** An argument as written: a literal, an array constant, null when omitted, or any other expression as its text. */
export type Arg = Literal | Literal[][] | null | { expr: string };

export interface ParsedCall {
  /** The function's name as written, namespace included: "KC.METRIC", "kc.source". */
  name: string;
  args: Arg[];
}

export class FormulaSyntaxError extends Error {
  constructor(formula: string, position: number, problem: string) {
    super(`${problem} at position ${position + 1} of ${formula}`);
    this.name = "FormulaSyntaxError";
  }
}

/** What kcFormula takes for one argument: a literal, null (omitted), or a reference or expression written as it is. */
export type ArgText = Literal | null | undefined | { ref: string };

/** The formula text of one KC call, with its leading "=". */
export function kcFormula(name: string, args: readonly ArgText[] = []): string {
  const written = args.map(argText);
  while (written.length && written[written.length - 1] === "") written.pop();
  return `=${KC_NAMESPACE}.${name.toUpperCase()}(${written.join(",")})`;
}

function argText(arg: ArgText): string {
  if (arg === null || arg === undefined) return "";
  if (typeof arg === "object") return arg.ref;
  if (typeof arg === "string") return `"${arg.replace(/"/g, '""')}"`;
  if (typeof arg === "boolean") return arg ? "TRUE" : "FALSE";
  return String(arg);
}

/**
 * Reads `=NAME(arg, ...)` with literal arguments only; throws FormulaSyntaxError with the position of the problem.
 * With `expressions`, an argument that is not a literal is kept as its text ({ expr }), as far as its closing comma.
 */
export function parseCall(formula: string, expressions = false): ParsedCall {
  return new CallReader(formula, expressions).call();
}

/** The KC call a formula consists of (`=KC.METRIC(A1,"2026Q1")`), or null when it is anything else or more. */
export function wholeKcCall(formula: unknown): ParsedCall | null {
  if (typeof formula !== "string" || !/^\s*=/.test(formula)) return null;
  let call: ParsedCall;
  try {
    call = parseCall(formula, true);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return null;
    throw error;
  }
  return isKcName(call.name) ? call : null;
}

const KC_CALL = new RegExp(String.raw`(^|[^A-Za-z0-9_.])${KC_NAMESPACE}\.[A-Za-z][A-Za-z0-9_]*\s*\(`, "i");

/** True when a formula calls a KC function anywhere outside its string literals. */
export function mentionsKcCall(formula: unknown): boolean {
  if (typeof formula !== "string" || !/^\s*=/.test(formula)) return false;
  return KC_CALL.test(withoutStrings(formula));
}

/** The formula with every string literal's content blanked out (quotes kept), so a search sees only the formula. */
function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"?/g, (s) => `"${" ".repeat(Math.max(0, s.length - 2))}"`);
}

/** "KC.METRIC" -> "METRIC"; null for a name outside the KC namespace. */
export function kcFunctionName(name: string): string | null {
  const [namespace, fn, extra] = name.split(".");
  return fn !== undefined && extra === undefined && namespace.toUpperCase() === KC_NAMESPACE ? fn.toUpperCase() : null;
}

const isKcName = (name: string): boolean => kcFunctionName(name) !== null;

class CallReader {
  private pos = 0;

  constructor(
    private readonly formula: string,
    private readonly expressions: boolean,
  ) {}

  call(): ParsedCall {
    this.skipSpace();
    if (this.peek() === "=") this.pos++;
    this.skipSpace();
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(this.formula.slice(this.pos));
    if (!name) this.fail("expected a function name such as KC.METRIC");
    this.pos += name![0].length;
    this.skipSpace();
    if (this.peek() !== "(") this.fail("expected '('");
    this.pos++;
    const args: Arg[] = [];
    this.skipSpace();
    if (this.peek() === ")") {
      this.pos++;
    } else {
      for (;;) {
        args.push(this.arg());
        this.skipSpace();
        const c = this.peek();
        this.pos++;
        if (c === ",") continue;
        if (c === ")") break;
        this.pos--;
        this.fail(c === undefined ? "missing ')'" : `expected ',' or ')' but found '${c}'`);
      }
    }
    this.skipSpace();
    if (this.pos < this.formula.length) this.fail(`unexpected '${this.peek()}' after the closing ')'`);
    return { name: name![0], args };
  }

  private fail(problem: string): never {
    throw new FormulaSyntaxError(this.formula, this.pos, problem);
  }

  private skipSpace(): void {
    while (this.pos < this.formula.length && /\s/.test(this.formula[this.pos])) this.pos++;
  }

  private peek(): string | undefined {
    return this.formula[this.pos];
  }

  private arg(): Arg {
    this.skipSpace();
    const c = this.peek();
    if (c === "," || c === ")") return null;
    const start = this.pos;
    try {
      const value = c === "{" ? this.array() : this.literal();
      this.skipSpace();
      const next = this.peek();
      if (!this.expressions || next === "," || next === ")") return value;
    } catch (error) {
      if (!this.expressions || !(error instanceof FormulaSyntaxError)) throw error;
    }
    this.pos = start;
    return { expr: this.expression() };
  }

  /** Any expression up to the next comma or closing parenthesis at its own level, strings and brackets respected. */
  private expression(): string {
    const start = this.pos;
    let depth = 0;
    while (this.pos < this.formula.length) {
      const c = this.formula[this.pos];
      if (c === '"') {
        this.string();
        continue;
      }
      if (c === "(" || c === "{" || c === "[") depth++;
      else if (c === ")" || c === "}" || c === "]") {
        if (depth === 0) break;
        depth--;
      } else if ((c === "," || c === ";") && depth === 0) break;
      this.pos++;
    }
    const text = this.formula.slice(start, this.pos).trim();
    if (!text) this.fail("expected an argument");
    return text;
  }

  private string(): string {
    this.pos++; // opening quote
    let text = "";
    for (;;) {
      if (this.pos >= this.formula.length) this.fail("unterminated string");
      if (this.formula[this.pos] === '"') {
        if (this.formula[this.pos + 1] === '"') {
          text += '"';
          this.pos += 2;
          continue;
        }
        this.pos++;
        return text;
      }
      text += this.formula[this.pos++];
    }
  }

  private literal(): Literal {
    this.skipSpace();
    const c = this.peek();
    if (c === '"') return this.string();
    const rest = this.formula.slice(this.pos);
    const number = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?/.exec(rest);
    if (number) {
      this.pos += number[0].length;
      const text = number[0];
      return text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
    }
    const bool = /^(TRUE|FALSE)\b/i.exec(rest);
    if (bool) {
      this.pos += bool[0].length;
      return bool[0].toUpperCase() === "TRUE";
    }
    return this.fail(c === undefined ? "unexpected end of formula" : `unexpected '${c}'`);
  }

  private array(): Literal[][] {
    this.pos++; // {
    const rows: Literal[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(this.literal());
      this.skipSpace();
      const c = this.peek();
      this.pos++;
      if (c === ",") continue;
      if (c === ";") {
        rows.push([]);
        continue;
      }
      if (c === "}") break;
      this.pos--;
      this.fail(c === undefined ? "unterminated array constant" : `expected ',', ';' or '}' but found '${c}'`);
    }
    if (rows.some((row) => row.length !== rows[0].length)) this.fail("array constant rows have different lengths");
    return rows;
  }
}
