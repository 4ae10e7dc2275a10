/**
 * Bench-only HyperFormula bridge: registers the KC functions that return one value (METRIC, MARGIN, GROWTH, ...) as a
 * FunctionPlugin keyed "KC.<name>", each calling the very function loadRegistry() associates with that name in the
 * generated functions.json (src/functions/registry.ts). Arguments are passed as Excel passes them: omitted or empty
 * arguments are null, range parameters get 2-D arrays (a single value becomes [[value]]), one-value parameters get
 * the cell's value. A thrown CustomFunctions.Error becomes a HyperFormula error of the same kind.
 * Also registers BENCH.GET(key...), a bare Map lookup: the spec's reference point for what a custom function costs.
 * (Spilling functions such as KC.STATEMENT are timed directly in throughput.ts, not in the recalculation model.)
 */
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionMetadata } from "hyperformula";
import { isCustomFunctionError } from "../src/functions/node-runtime";
import { NAMESPACE, Registry } from "../src/functions/registry";

type Value = string | number | boolean | null;

function plain(value: unknown): Value {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === "object" && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return value as Value;
}

function fromEngine(value: unknown, matrix: boolean): Value | Value[][] {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(plain));
  const v = plain(value);
  return matrix && v !== null ? [[v]] : v;
}

type RunFunction = (args: unknown, state: unknown, metadata: unknown, fn: (...a: unknown[]) => unknown) => unknown;

/** A HyperFormula engine class with KC.* (scalar results) and BENCH.GET registered; `bare` is BENCH.GET's Map. */
export function registerKc(registry: Registry, bare: Map<string, number>): typeof HyperFormula {
  class KcBenchPlugin extends FunctionPlugin {
    static implementedFunctions: Record<string, FunctionMetadata> = {};
  }
  const proto = KcBenchPlugin.prototype as unknown as Record<string, unknown>;
  const call = (self: unknown, key: string, ast: { args: unknown }, state: unknown, fn: (...a: unknown[]) => unknown) => {
    const plugin = self as { runFunction: RunFunction; metadata(n: string): unknown };
    return plugin.runFunction(ast.args, state, plugin.metadata(key), fn);
  };
  for (const [name, fn] of registry.byName) {
    if (fn.meta.result?.dimensionality === "matrix") continue;
    const key = `${NAMESPACE}.${name}`;
    const method = `kc_${name}`;
    const params = fn.meta.parameters;
    KcBenchPlugin.implementedFunctions[key] = {
      method,
      parameters: params.map((p) => ({
        argumentType: p.dimensionality === "matrix" ? FunctionArgumentType.RANGE : FunctionArgumentType.SCALAR,
        optionalArg: Boolean(p.optional),
      })),
    };
    const matrix = params.map((p) => p.dimensionality === "matrix");
    proto[method] = function (this: unknown, ast: { args: unknown }, state: unknown) {
      return call(this, key, ast, state, (...raw: unknown[]) => {
        const args = params.map((_, i) => fromEngine(raw[i], matrix[i]));
        try {
          return fn.invoke(...args);
        } catch (error) {
          if (isCustomFunctionError(error)) return new CellError(error.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, error.message ?? "");
          throw error;
        }
      });
    };
  }
  KcBenchPlugin.implementedFunctions["BENCH.GET"] = {
    method: "bench_get",
    parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.STRING }],
  };
  proto.bench_get = function (this: unknown, ast: { args: unknown }, state: unknown) {
    return call(this, "BENCH.GET", ast, state, (id: unknown, period: unknown, variant: unknown) => {
      const v = bare.get(`${id}|${period}|${variant}`);
      return v === undefined ? new CellError(ErrorType.NA) : v;
    });
  };
  const names = Object.keys(KcBenchPlugin.implementedFunctions);
  HyperFormula.registerFunctionPlugin(KcBenchPlugin, { enGB: Object.fromEntries(names.map((n) => [n, n])) });
  return HyperFormula;
}
