/**
 * `kc eval [--json] FORMULA...`: evaluates calls of the KC functions with literal arguments, through the very functions
 * the add-in registers (found by name in the functions.json generated from src/functions/functions.ts).
 *
 *   kc eval '=KC.METRIC("AdjustedEBITDA","2026Q1")'                         -> 747506
 *   kc eval --json 'KC.GROWTH("NetLoss","2026Q1",,{"TotalRevenues",3000000})' -> [0.0873...]
 *
 * Arguments: strings ("" escapes a quote), numbers, TRUE/FALSE, omitted arguments (null, as Excel passes them) and
 * array constants ({1,2;3,4}: "," between columns, ";" between rows). No cell references, no nested calls.
 * Exit codes: 0 every formula gave a value; 1 at least one gave an Excel error (#N/A, #VALUE!); 2 usage or syntax error.
 */
import { isCustomFunctionError } from "../functions/node-runtime";
import { ArgumentShapeError, excelArgument, loadRegistry, NAMESPACE, RegisteredFunction } from "../functions/registry";

export type Literal = string | number | boolean;
/** One argument as written: a literal, an array constant, or null when omitted. */
export type Arg = Literal | Literal[][] | null;
export interface ParsedFormula {
  name: string;
  args: Arg[];
}
export type EvalResult = Literal | Literal[][] | { error: string; message: string };

export class FormulaSyntaxError extends Error {
  constructor(formula: string, position: number, problem: string) {
    super(`${problem} at position ${position + 1} of ${formula}`);
    this.name = "FormulaSyntaxError";
  }
}

const USAGE = "usage: kc eval [--json] FORMULA...   e.g. kc eval '=KC.METRIC(\"AdjustedEBITDA\",\"2026Q1\")'";

/** Parses `=NAME(arg, ...)`; throws FormulaSyntaxError with the position of the problem. */
export function parseFormula(formula: string): ParsedFormula {
  let pos = 0;
  const fail = (problem: string): never => {
    throw new FormulaSyntaxError(formula, pos, problem);
  };
  const skipSpace = () => {
    while (pos < formula.length && /\s/.test(formula[pos])) pos++;
  };
  const peek = () => formula[pos];

  const parseString = (): string => {
    pos++; // opening quote
    let text = "";
    for (;;) {
      if (pos >= formula.length) fail("unterminated string");
      if (formula[pos] === '"') {
        if (formula[pos + 1] === '"') {
          text += '"';
          pos += 2;
          continue;
        }
        pos++;
        return text;
      }
      text += formula[pos++];
    }
  };

  const parseLiteral = (): Literal => {
    skipSpace();
    const c = peek();
    if (c === '"') return parseString();
    const number = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?/.exec(formula.slice(pos));
    if (number) {
      pos += number[0].length;
      const text = number[0];
      return text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
    }
    const bool = /^(TRUE|FALSE)\b/i.exec(formula.slice(pos));
    if (bool) {
      pos += bool[0].length;
      return bool[0].toUpperCase() === "TRUE";
    }
    return fail(c === undefined ? "unexpected end of formula" : `unexpected '${c}'`);
  };

  const parseArray = (): Literal[][] => {
    pos++; // {
    const rows: Literal[][] = [[]];
    for (;;) {
      rows[rows.length - 1].push(parseLiteral());
      skipSpace();
      const c = peek();
      pos++;
      if (c === ",") continue;
      if (c === ";") {
        rows.push([]);
        continue;
      }
      if (c === "}") break;
      pos--;
      fail(c === undefined ? "unterminated array constant" : `expected ',', ';' or '}' but found '${c}'`);
    }
    if (rows.some((row) => row.length !== rows[0].length)) fail("array constant rows have different lengths");
    return rows;
  };

  const parseArg = (): Arg => {
    skipSpace();
    const c = peek();
    if (c === "," || c === ")") return null;
    if (c === "{") return parseArray();
    return parseLiteral();
  };

  skipSpace();
  if (peek() === "=") pos++;
  skipSpace();
  const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(formula.slice(pos));
  if (!name) fail("expected a function name such as KC.METRIC");
  pos += name![0].length;
  skipSpace();
  if (peek() !== "(") fail("expected '('");
  pos++;
  const args: Arg[] = [];
  skipSpace();
  if (peek() === ")") {
    pos++;
  } else {
    for (;;) {
      args.push(parseArg());
      skipSpace();
      const c = peek();
      pos++;
      if (c === ",") continue;
      if (c === ")") break;
      pos--;
      fail(c === undefined ? "missing ')'" : `expected ',' or ')' but found '${c}'`);
    }
  }
  skipSpace();
  if (pos < formula.length) fail(`unexpected '${peek()}' after the closing ')'`);
  return { name: name![0], args };
}

class UsageError extends Error {}

/** Calls one registered function the way Excel would, and returns its value or the Excel error it produced. */
export function callRegistered(fn: RegisteredFunction, args: Arg[]): EvalResult {
  const params = fn.meta.parameters;
  const label = `${NAMESPACE}.${fn.meta.name}`;
  if (args.length > params.length) throw new UsageError(`${label} takes at most ${params.length} arguments, got ${args.length}`);
  const required = params.filter((p) => !p.optional).length;
  if (args.length < required) throw new UsageError(`${label} needs at least ${required} arguments, got ${args.length}`);
  const excelArgs = params.map((param, i) => {
    try {
      return excelArgument(i < args.length ? args[i] : null, param);
    } catch (error) {
      throw error instanceof ArgumentShapeError ? new UsageError(`${label}: ${error.message} constant`) : error;
    }
  });
  try {
    return fn.invoke(...excelArgs) as Literal | Literal[][];
  } catch (error) {
    if (isCustomFunctionError(error)) return { error: error.code, message: error.message ?? "" };
    return { error: "#VALUE!", message: String(error) }; // the adapter never lets this happen; kept as a safety net
  }
}

function formatText(result: EvalResult): string {
  const cell = (value: Literal) => (typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value));
  if (Array.isArray(result)) return result.map((row) => row.map(cell).join("\t")).join("\n");
  if (typeof result === "object") return `${result.error} ${result.message}`;
  return cell(result);
}

/**
 * Runs `kc eval`. `out` receives the results (one call per result; a matrix is one call with rows separated by "\n"),
 * `err` the usage and syntax messages (default: out). Returns the exit code.
 */
export async function runEval(args: string[], out: (s: string) => void, err: (s: string) => void = out): Promise<number> {
  const json = args.includes("--json");
  const formulas = args.filter((a) => a !== "--json");
  const unknownOption = formulas.find((a) => a.startsWith("--"));
  if (unknownOption || formulas.length === 0) {
    err(unknownOption ? `kc eval: unknown option ${unknownOption}\n${USAGE}` : USAGE);
    return 2;
  }
  const registry = await loadRegistry();
  const results: EvalResult[] = [];
  try {
    for (const formula of formulas) {
      const parsed = parseFormula(formula);
      const [namespace, name, extra] = parsed.name.split(".");
      const fn = name !== undefined && extra === undefined && namespace.toUpperCase() === NAMESPACE ? registry.byName.get(name.toUpperCase()) : undefined;
      if (!fn) {
        const known = [...registry.byName.keys()].map((n) => `${NAMESPACE}.${n}`).join(", ");
        throw new UsageError(`unknown function ${parsed.name}; the functions are ${known}`);
      }
      results.push(callRegistered(fn, parsed.args));
    }
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError || error instanceof UsageError)) throw error;
    err(`kc eval: ${error.message}`);
    return 2;
  }
  if (json) out(JSON.stringify(results));
  else results.forEach((result) => out(formatText(result)));
  return results.some((r) => typeof r === "object" && !Array.isArray(r)) ? 1 : 0;
}
