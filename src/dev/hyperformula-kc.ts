/**
 * The one bridge between HyperFormula (a real spreadsheet formula engine; GPL-3.0, licence key "gpl-v3", a
 * devDependency: the preview page, the tests and the bench, never the add-in) and the KC functions: one FunctionPlugin
 * whose implementedFunctions are keyed "KC.<name>" from functions.json, each calling the very function the add-in
 * associates with that id.
 *
 * Argument passing mirrors Excel's: omitted or empty arguments are null, range parameters get 2-D arrays (a single
 * value becomes [[value]]), one-value parameters get scalars coerced to their metadata type (excelArgument).
 * A thrown CustomFunctions.Error becomes a HyperFormula error of the same kind (#N/A, #VALUE!) with its message.
 *
 * Spills: HyperFormula fixes an array formula's size when the formula is entered (like SEQUENCE, whose size comes from
 * its literal arguments). The size method here calls the function with the formula's literal arguments and the current
 * values of the cells it references, so enter a spill formula after its input cells; a later input change that
 * alters the spill's shape is not supported by the engine (KC.STATEMENT with one period keeps its shape).
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionMetadata } from "hyperformula";
import { isCustomFunctionError } from "./custom-functions";
import { ArgumentShapeError, NAMESPACE, Registry, RegisteredFunction, excelArgument, functionRegistry } from "./registry";

type Value = string | number | boolean | null;

/** A HyperFormula scalar (raw, rich number, EmptyValue) as a plain value. */
function plain(value: unknown): Value {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === "object" && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return value as Value;
}

/** A HyperFormula argument (scalar or range) as Excel would hand it to the function, before type coercion. */
function fromEngine(value: unknown): Value | Value[][] {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(plain));
  return plain(value);
}

/** Calls the registered function with Excel-shaped arguments; the result, or the thrown Excel error as a CellError. */
function invoke(fn: RegisteredFunction, raw: unknown[]): unknown {
  try {
    const args = fn.meta.parameters.map((param, i) => excelArgument(fromEngine(raw[i]), param));
    return fn.invoke(...args);
  } catch (error) {
    if (error instanceof ArgumentShapeError) return new CellError(ErrorType.VALUE, error.message);
    if (isCustomFunctionError(error)) return new CellError(error.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, error.message ?? "");
    throw error; // a non-Excel exception escaping the adapter: the test must fail loudly
  }
}

interface AstLike {
  type: string;
  value?: unknown;
  reference?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
  start?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
  end?: { toSimpleCellAddress(base: unknown): { sheet: number; row: number; col: number } };
}

/** Builds the plugin class for a registry: "KC.METRIC" -> fn METRIC, and so on. */
export function kcPlugin(registry: Registry) {
  class KcPlugin extends FunctionPlugin {
    static implementedFunctions: Record<string, FunctionMetadata> = {};

    /** Evaluates the arguments as HyperFormula does for any function, then calls the KC function with them. */
    callKc(key: string, fn: RegisteredFunction, ast: { args: AstLike[] }, state: unknown) {
      return this.runFunction(ast.args as never, state as never, this.metadata(key), (...args: unknown[]) => {
        const result = invoke(fn, args);
        return (Array.isArray(result) ? SimpleRangeValue.onlyValues(result) : result) as never;
      });
    }

    /** Current value of a literal, a cell reference or a range in a formula, for sizing a spill. */
    valueAtEntry(ast: AstLike, base: unknown): Value | Value[][] {
      switch (ast.type) {
        case "STRING":
        case "NUMBER":
          return plain(ast.value);
        case "CELL_REFERENCE":
          return plain(this.dependencyGraph.getScalarValue(ast.reference!.toSimpleCellAddress(base) as never));
        case "CELL_RANGE": {
          const start = ast.start!.toSimpleCellAddress(base);
          const end = ast.end!.toSimpleCellAddress(base);
          const rows: Value[][] = [];
          for (let row = start.row; row <= end.row; row++) {
            const cells: Value[] = [];
            for (let col = start.col; col <= end.col; col++) cells.push(plain(this.dependencyGraph.getScalarValue({ sheet: start.sheet, row, col } as never)));
            rows.push(cells);
          }
          return rows;
        }
        default:
          return null;
      }
    }
  }
  const proto = KcPlugin.prototype as unknown as Record<string, unknown>;
  for (const [name, fn] of registry.byName) {
    const key = `${NAMESPACE}.${name}`;
    const method = `kc_${name}`;
    const spills = fn.meta.result?.dimensionality === "matrix";
    KcPlugin.implementedFunctions[key] = {
      method,
      parameters: fn.meta.parameters.map((p) => ({
        argumentType: p.dimensionality === "matrix" ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR,
        optionalArg: Boolean(p.optional),
      })),
      ...(spills ? { sizeOfResultArrayMethod: `${method}_size`, vectorizationForbidden: true } : {}),
    };
    proto[method] = function (this: KcPlugin, ast: { args: AstLike[] }, state: unknown) {
      return this.callKc(key, fn, ast, state);
    };
    if (spills) {
      proto[`${method}_size`] = function (this: KcPlugin, ast: { args: AstLike[] }, state: { formulaAddress: unknown }) {
        const result = invoke(fn, ast.args.map((arg) => this.valueAtEntry(arg, state.formulaAddress)));
        return Array.isArray(result) && result.length > 0 ? new ArraySize(result[0].length, result.length) : ArraySize.scalar();
      };
    }
  }
  return KcPlugin;
}

/** Registers the KC functions with HyperFormula, once per process or page. */
export function registerKcFunctions(registry: Registry = functionRegistry()): void {
  const names = registry.metadata.functions.map((f) => `${NAMESPACE}.${f.name.toUpperCase()}`);
  if (HyperFormula.getRegisteredFunctionNames("enGB").includes(names[0])) return;
  HyperFormula.registerFunctionPlugin(kcPlugin(registry), { enGB: Object.fromEntries(names.map((n) => [n, n])) });
}

/** A HyperFormula instance with the KC functions registered, with the given sheets (empty when none). */
export function kcEngine(sheets: Record<string, unknown[][]> = {}, registry?: Registry): HyperFormula {
  registerKcFunctions(registry);
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3" });
}
