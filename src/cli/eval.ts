/**
 * `kc eval [--json] FORMULA...`: evaluates calls of the KC functions with literal arguments, through the very functions
 * the add-in registers (found by name in the functions.json generated from src/functions/functions.ts).
 *
 *   kc eval '=KC.METRIC("AdjustedEBITDA","2026Q1")'                         -> 747506
 *   kc eval --json 'KC.GROWTH("NetLoss","2026Q1",,{"TotalRevenues",3000000})' -> [-0.8498...] (the loss narrows to 47,452)
 *
 * Arguments: strings ("" escapes a quote), numbers, TRUE/FALSE, omitted arguments (null, as Excel passes them) and
 * array constants ({1,2;3,4}: "," between columns, ";" between rows). No cell references, no nested calls.
 * Exit codes: 0 every formula gave a value; 1 at least one gave an Excel error (#N/A, #VALUE!); 2 usage or syntax error.
 */
import { FormulaSyntaxError, Literal, ParsedCall, kcFunctionName, parseCall } from "../core";
import { isCustomFunctionError } from "../dev/custom-functions";
import { ArgumentShapeError, NAMESPACE, RegisteredFunction, excelArgument, functionRegistry } from "../dev/registry";

/** One argument as written: a literal, an array constant, or null when omitted. */
export type Arg = ParsedCall["args"][number];
export type EvalResult = Literal | Literal[][] | { error: string; message: string };

const USAGE = "usage: kc eval [--json] FORMULA...   e.g. kc eval '=KC.METRIC(\"AdjustedEBITDA\",\"2026Q1\")'";

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
  const registry = functionRegistry();
  const results: EvalResult[] = [];
  try {
    for (const formula of formulas) {
      const parsed = parseCall(formula);
      const name = kcFunctionName(parsed.name);
      const fn = name === null ? undefined : registry.byName.get(name);
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
