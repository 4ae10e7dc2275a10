/**
 * The KC functions exactly as the add-in registers them, outside Excel (kc eval, the HyperFormula bridge of the preview,
 * the tests and the bench). functions.json beside this file is the metadata the build generates from
 * src/functions/functions.ts (test/functions/golden.test.ts proves them equal, and that each id's function is the
 * export of the same name in lower case, which is what the build's CustomFunctions.associate calls name).
 * A function is found by its name in functions.json and is the very function Excel calls.
 */
import * as implementations from "../functions/functions";
import { installCustomFunctionsRuntime } from "./custom-functions";
import metadataJson from "./functions.json";

export const NAMESPACE = "KC";

export interface FunctionParameter {
  name: string;
  type?: string;
  optional?: boolean;
  dimensionality?: string;
}

export interface FunctionMeta {
  id: string;
  name: string;
  parameters: FunctionParameter[];
  result?: { dimensionality?: string; type?: string };
}

export interface FunctionsMetadata {
  functions: FunctionMeta[];
}

export interface RegisteredFunction {
  meta: FunctionMeta;
  invoke: (...args: unknown[]) => unknown;
}

export interface Registry {
  metadata: FunctionsMetadata;
  /** By function name as typed after "KC." (upper case). */
  byName: Map<string, RegisteredFunction>;
}

/** The associate step of the build: each id to the export named after it, found by name in functions.json. */
export function functionRegistry(): Registry {
  installCustomFunctionsRuntime();
  const metadata = metadataJson as FunctionsMetadata;
  const exports = implementations as unknown as Record<string, unknown>;
  const byName = new Map<string, RegisteredFunction>();
  for (const meta of metadata.functions) {
    const fn = exports[meta.id.toLowerCase()];
    if (typeof fn !== "function") throw new Error(`functions.ts does not export ${meta.id.toLowerCase()} (id ${meta.id})`);
    byName.set(meta.name.toUpperCase(), { meta, invoke: fn as (...args: unknown[]) => unknown });
  }
  return { metadata, byName };
}

/** A value for a one-value parameter that is an array of more than one cell (Excel would refuse or lift it). */
export class ArgumentShapeError extends Error {}

/**
 * What Excel passes for a parameter of this metadata type, given a value written in a formula or read from cells:
 * null stays null (omitted); a range parameter gets a 2-D array (a single value becomes [[value]]); a one-value
 * parameter gets a one-cell array's value; a `string` parameter gets numbers and booleans as text, a `number`
 * parameter gets numeric text as a number.
 */
export function excelArgument(value: unknown, param: FunctionParameter): unknown {
  if (value === null || value === undefined) return null;
  if (param.dimensionality === "matrix") return Array.isArray(value) ? value : [[value]];
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return excelArgument(value[0][0], param);
    throw new ArgumentShapeError(`argument '${param.name}' takes one value, not an array`);
  }
  if (param.type === "string" && (typeof value === "number" || typeof value === "boolean")) {
    return typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
  }
  if (param.type === "number" && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return value;
}
