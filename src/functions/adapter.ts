/**
 * The one place where a core call becomes an Excel custom-function result. Every KC function is
 * `return asNumber(() => coreCall(...))` (or asText / asTable): the wrapper runs the core, checks that the result has
 * the type Excel was promised in functions.json, and turns any failure into a CustomFunctions.Error:
 *   KcError invalidValue -> #VALUE! with the core's message (what to type instead)
 *   KcError notAvailable -> #N/A with the core's message
 *   anything else        -> #VALUE! with a generic message (never an escaping exception)
 * CustomFunctions is the global that Excel's runtime provides (see node-runtime.ts for Node).
 */
import { Cell, MESSAGES, isKcError } from "../core";

export const UNEXPECTED_MESSAGE = MESSAGES.unexpected.text();

/** Translates anything thrown by the core into the error Excel shows in the cell. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (isKcError(error)) {
    const code = error.kind === "notAvailable" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, UNEXPECTED_MESSAGE);
}

function run<T>(compute: () => unknown, isValid: (value: unknown) => value is T): T {
  let value: unknown;
  try {
    value = compute();
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

/** Runs a core call that returns one finite number. */
export const asNumber = (compute: () => unknown): number => run(compute, isNumber);
/** Runs a core call that returns text. */
export const asText = (compute: () => unknown): string => run(compute, isText);
/** Runs a core call that returns a non-empty rectangular table of numbers, text and booleans (a spill). */
export const asTable = (compute: () => unknown): Cell[][] => run(compute, isTable);
