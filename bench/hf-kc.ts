/**
 * HyperFormula with the KC functions registered for the recalculation bench. The KC functions come from the one
 * bridge the preview and the tests use (src/dev/hyperformula-kc.ts: one plugin keyed "KC.<name>" from
 * functions.json, each calling the very function the add-in associates, with Excel-shaped arguments).
 * This file adds only BENCH.GET(id, period, column): a custom function that does nothing but look a precomputed value
 * up in a Map, the spec's reference point for what a custom function costs in HyperFormula.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";
import type { FunctionMetadata } from "hyperformula";
import { registerKcFunctions } from "../src/dev/hyperformula-kc";
import type { Registry } from "../src/dev/registry";

type RunFunction = (args: unknown, state: unknown, metadata: unknown, fn: (...a: unknown[]) => unknown) => unknown;

/** Registers KC.* (through the shared bridge) and BENCH.GET (over `bare`, keyed `${id}|${period}|${column}`). */
export function registerKc(registry: Registry, bare: Map<string, number>): typeof HyperFormula {
  registerKcFunctions(registry);
  class BareLookupPlugin extends FunctionPlugin {
    static implementedFunctions: Record<string, FunctionMetadata> = {
      "BENCH.GET": {
        method: "benchGet",
        parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.STRING }],
      },
    };

    benchGet(ast: { args: unknown }, state: unknown) {
      const self = this as unknown as { runFunction: RunFunction; metadata(n: string): unknown };
      return self.runFunction(ast.args, state, self.metadata("BENCH.GET"), (id: unknown, period: unknown, column: unknown) => {
        const v = bare.get(`${id}|${period}|${column}`);
        return v === undefined ? new CellError(ErrorType.NA) : v;
      });
    }
  }
  if (!HyperFormula.getRegisteredFunctionNames("enGB").includes("BENCH.GET")) {
    HyperFormula.registerFunctionPlugin(BareLookupPlugin, { enGB: { "BENCH.GET": "BENCH.GET" } });
  }
  return HyperFormula;
}
