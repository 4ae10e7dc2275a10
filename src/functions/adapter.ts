/**
 * The one place where a core call becomes an Excel custom-function result. Every KC function is
 * `return asNumber("margin", ...its arguments)` (or asText / asTable; KC.METRIC has metricNumber, below, which does the
 * same at a call site of its own): the wrapper runs that call of the runtime
 * engine's Excel face, checks that the result has the type Excel was promised in functions.json, and turns any failure
 * into a CustomFunctions.Error:
 *   KcError invalidValue -> #VALUE! with the core's message (what to type instead)
 *   KcError notAvailable -> #N/A with the core's message
 *   anything else        -> #VALUE! with a generic message (never an escaping exception)
 * The call is named and its arguments passed on as they are, not wrapped in a closure: a recalculation runs this for
 * every cell, and nothing it allocates per call is left for the garbage collector.
 * CustomFunctions is the global that Excel's runtime provides (see node-runtime.ts for Node).
 */
import { Cell, Engine, ExcelArg, MESSAGES, isKcError } from "../core";
import { functionsEngine } from "./runtime";

export const UNEXPECTED_MESSAGE = MESSAGES.unexpected.text();

/** Translates anything thrown by the core into the error Excel shows in the cell. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (isKcError(error)) {
    const code = error.kind === "notAvailable" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, UNEXPECTED_MESSAGE);
}

type Face = Engine["excel"];
/** The Excel face's calls, by what they give Excel. */
type NumberCall = "metric" | "margin" | "growth" | "change" | "reported";
type TextCall = "source";
type TableCall = "statement" | "series" | "metrics" | "periods" | "checks";
/** A call of the face, its arguments as Excel passed them (its methods take at most five; asNumber & co. type them). */
type AnyCall = (...args: unknown[]) => unknown;

function run<T>(call: keyof Face, isValid: (value: unknown) => value is T, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown): T {
  let value: unknown;
  try {
    const face = functionsEngine().excel;
    value = (face[call] as AnyCall).call(face, a, b, c, d, e);
  } catch (error) {
    throw toExcelError(error);
  }
  if (!isValid(value)) throw toExcelError(new TypeError("result of the wrong type"));
  return value;
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isText = (value: unknown): value is string => typeof value === "string";
const isCell = (value: unknown): value is Cell => isNumber(value) || isText(value) || typeof value === "boolean";
const isTable = (value: unknown): value is Cell[][] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((row) => Array.isArray(row) && row.length === value[0].length && row.length > 0 && row.every(isCell));

/**
 * A runner of the face's calls of one kind: typed as the call it names (its parameters), made of one function taking up
 * to five arguments, so that no rest array is built per call.
 */
type Runner<C extends keyof Face, R> = <K extends C>(call: K, ...args: Parameters<Face[K]>) => R;
const runner = <C extends keyof Face, R>(isValid: (value: unknown) => value is R) =>
  ((call: C, a?: unknown, b?: unknown, c?: unknown, d?: unknown, e?: unknown) => run(call, isValid, a, b, c, d, e)) as Runner<C, R>;

/** Runs a core call that returns one finite number. */
export const asNumber = runner<NumberCall, number>(isNumber);
/** Runs a core call that returns text. */
export const asText = runner<TextCall, string>(isText);
/** Runs a core call that returns a non-empty rectangular table of numbers, text and booleans (a spill). */
export const asTable = runner<TableCall, Cell[][]>(isTable);

/**
 * KC.METRIC, the call a workbook makes most, runs as asNumber("metric", ...) does but calls the face's method at a call
 * site of its own: run's call through face[call] serves every function, and V8 inlines KC.METRIC's path only sometimes
 * there (bench 1b, twelve processes each: 0.82-1.45 M calls/s through run, 1.06-1.83 M here).
 */
export function metricNumber(a: ExcelArg, b: ExcelArg, c?: ExcelArg, d?: ExcelArg, e?: ExcelArg): number {
  let value: unknown;
  try {
    value = functionsEngine().excel.metric(a, b, c, d, e);
  } catch (error) {
    throw toExcelError(error);
  }
  if (!isNumber(value)) throw toExcelError(new TypeError("result of the wrong type"));
  return value;
}
