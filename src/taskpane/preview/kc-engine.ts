/**
 * HyperFormula with the KC functions, for the preview page (dev and test only; never in the production bundle).
 * Each KC.<NAME> calls the very function the add-in registers (src/functions/functions.ts) with Excel-shaped arguments:
 * omitted arguments are null, range parameters 2-D arrays. A CustomFunctions.Error becomes #N/A or #VALUE! with its
 * message. This slice registers the one-value functions; the spilling ones (STATEMENT, SERIES, ...) come later.
 */
import "./runtime";
import { CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionMetadata } from "hyperformula";
import { growth, margin, metric, reported, source } from "../../functions/functions";
import { isCustomFunctionError } from "../../functions/node-runtime";

type Value = string | number | boolean | null;

const plain = (value: unknown): Value => {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === "object" && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return value as Value;
};

/** name -> [function, number of parameters, whether the last one is a range (overrides)] */
const FUNCTIONS: Record<string, [(...args: never[]) => unknown, number, boolean]> = {
  METRIC: [metric, 5, true],
  MARGIN: [margin, 4, true],
  GROWTH: [growth, 4, true],
  REPORTED: [reported, 3, false],
  SOURCE: [source, 3, false],
};

function call(name: string, raw: unknown[]): unknown {
  const [fn, count, lastIsRange] = FUNCTIONS[name];
  const args = Array.from({ length: count }, (_, i) => {
    const value = raw[i];
    if (lastIsRange && i === count - 1) {
      if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(plain));
      const v = plain(value);
      return v === null ? null : [[v]];
    }
    return plain(value);
  });
  try {
    return (fn as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    if (isCustomFunctionError(error)) return new CellError(error.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, error.message ?? "");
    return new CellError(ErrorType.VALUE, String(error));
  }
}

class KcPreviewPlugin extends FunctionPlugin {
  static implementedFunctions: Record<string, FunctionMetadata> = {};
}
const proto = KcPreviewPlugin.prototype as unknown as Record<string, unknown>;
for (const [name, [, count, lastIsRange]] of Object.entries(FUNCTIONS)) {
  const key = `KC.${name}`;
  KcPreviewPlugin.implementedFunctions[key] = {
    method: `kc_${name}`,
    parameters: Array.from({ length: count }, (_, i) => ({
      argumentType: lastIsRange && i === count - 1 ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR,
      optionalArg: i >= 2,
    })),
  };
  proto[`kc_${name}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata(key), (...args: unknown[]) => call(name, args) as never);
  };
}

/** A HyperFormula instance (licence "gpl-v3") with the KC functions, one sheet named `sheet`. */
export function previewEngine(sheet: string): HyperFormula {
  const names = Object.keys(KcPreviewPlugin.implementedFunctions);
  if (!HyperFormula.getRegisteredFunctionNames("enGB").includes(names[0])) {
    HyperFormula.registerFunctionPlugin(KcPreviewPlugin, { enGB: Object.fromEntries(names.map((n) => [n, n])) });
  }
  return HyperFormula.buildFromSheets({ [sheet]: [] }, { licenseKey: "gpl-v3" });
}
