/**
 * The KC functions exactly as the add-in registers them, for Node (kc eval, the HyperFormula proof, tests).
 * In the add-in, CustomFunctionsMetadataPlugin runs custom-functions-metadata on functions.ts to emit functions.json
 * and appends `CustomFunctions.associate(id, fn)` for each function. loadRegistry() does the same two steps with the
 * same generator: it generates the metadata from functions.ts and associates each id with the exported function the
 * generator names, so a function is found by its name in functions.json and is the very function Excel calls.
 * Node only (needs custom-functions-metadata and the TypeScript source); the add-in bundle never imports this file.
 */
import * as path from "path";
import type { IFunction } from "custom-functions-metadata";
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
