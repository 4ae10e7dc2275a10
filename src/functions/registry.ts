/**
 * The KC functions exactly as the add-in registers them, for Node (kc eval, the HyperFormula proof, tests).
 * In the add-in, CustomFunctionsMetadataPlugin runs custom-functions-metadata on functions.ts to emit functions.json
 * and appends `CustomFunctions.associate(id, fn)` for each function. loadRegistry() does the same two steps with the
 * same generator: it generates the metadata from functions.ts and associates each id with the exported function the
 * generator names, so a function is found by its name in functions.json and is the very function Excel calls.
 * Node only (needs custom-functions-metadata and the TypeScript source); the add-in bundle never imports this file.
 */
import * as path from "path";
import type { IFunction, IFunctionParameter } from "custom-functions-metadata";
import { installNodeRuntime } from "./node-runtime";

export const FUNCTIONS_SOURCE = path.join(__dirname, "functions.ts");
export const NAMESPACE = "KC";

export interface FunctionsMetadata {
  functions: IFunction[];
}

export interface RegisteredFunction {
  meta: IFunction;
  invoke: (...args: unknown[]) => unknown;
}

export interface Registry {
  /** functions.json as generated from functions.ts (the text the build emits). */
  metadataJson: string;
  metadata: FunctionsMetadata;
  /** By function name as typed after "KC." (upper case). */
  byName: Map<string, RegisteredFunction>;
}

let cached: Promise<Registry> | undefined;

/** Generates functions.json from functions.ts, as the build does. Rejects if the generator reports errors. */
export async function generateMetadata(): Promise<{ metadataJson: string; associate: { id: string; functionName: string }[] }> {
  const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  if (result.errors.length > 0) throw new Error(`functions.ts metadata errors:\n${result.errors.join("\n")}`);
  return result;
}

async function build(): Promise<Registry> {
  const { metadataJson, associate } = await generateMetadata();
  installNodeRuntime();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the runtime is installed
  const implementations = require("./functions") as Record<string, unknown>;
  // What the build's loader appends: CustomFunctions.associate(id, functionName) for each generated function.
  const byId = new Map<string, (...args: unknown[]) => unknown>();
  for (const { id, functionName } of associate) {
    const fn = implementations[functionName];
    if (typeof fn !== "function") throw new Error(`functions.ts does not export ${functionName} (id ${id})`);
    byId.set(id, fn as (...args: unknown[]) => unknown);
  }
  const metadata = JSON.parse(metadataJson) as FunctionsMetadata;
  const byName = new Map<string, RegisteredFunction>();
  for (const meta of metadata.functions) {
    const call = byId.get(meta.id);
    if (!call) throw new Error(`no function associated with id ${meta.id}`);
    byName.set(meta.name.toUpperCase(), { meta, invoke: call });
  }
  return { metadataJson, metadata, byName };
}

/** The registry, built once per process. */
export function loadRegistry(): Promise<Registry> {
  cached ??= build();
  return cached;
}

/** A value for a one-value parameter that is an array of more than one cell (Excel would refuse or lift it). */
export class ArgumentShapeError extends Error {}

/**
 * What Excel passes for a parameter of this metadata type, given a value written in a formula or read from cells:
 * null stays null (omitted); a range parameter gets a 2-D array (a single value becomes [[value]]); a one-value
 * parameter gets a one-cell array's value; a `string` parameter gets numbers and booleans as text, a `number`
 * parameter gets numeric text as a number.
 */
export function excelArgument(value: unknown, param: IFunctionParameter): unknown {
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
