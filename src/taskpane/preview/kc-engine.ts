/**
 * HyperFormula with the KC functions, for the preview page (dev and test only; never in the production bundle).
 * Each KC.<NAME> calls the very function the add-in registers (src/functions/functions.ts) with Excel-shaped arguments:
 * omitted arguments are null, range parameters 2-D arrays. A CustomFunctions.Error becomes #N/A or #VALUE! with its
 * message. The table-returning functions (STATEMENT, SERIES, METRICS, PERIODS, CHECKS) spill, as in Excel.
 *
 * HyperFormula fixes a spill's size when the formula is entered: the size method calls the function with the formula's
 * literal arguments and the current values of the cells it references (as test/helpers/hyperformula-kc.ts does).
 */
import "./runtime";
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { FunctionMetadata } from "hyperformula";
import { checks, growth, margin, metric, metrics, periods, reported, series, source, statement } from "../../functions/functions";
import { isCustomFunctionError } from "../../functions/node-runtime";

type Value = string | number | boolean | null;

const plain = (value: unknown): Value => {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (typeof value === "object" && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return value as Value;
};

/**
 * name -> [function, parameters, spills]. Parameters: "s" a required one-value parameter, "o" an optional one, "R" an
 * optional range (arrives as a 2-D array; one value as [[value]]).
 */
const FUNCTIONS: Record<string, [(...args: never[]) => unknown, string, boolean]> = {
  METRIC: [metric, "ssooR", false],
  MARGIN: [margin, "ssoR", false],
  GROWTH: [growth, "ssoR", false],
  REPORTED: [reported, "sso", false],
  SOURCE: [source, "sso", false],
  STATEMENT: [statement, "sRoo", true],
  SERIES: [series, "soo", true],
  METRICS: [metrics, "oo", true],
  PERIODS: [periods, "o", true],
  CHECKS: [checks, "", true],
};

function call(name: string, raw: Array<Value | Value[][]>): unknown {
  const [fn, params] = FUNCTIONS[name];
  const args = [...params].map((kind, i) => {
    const value = raw[i];
    if (kind === "R") return Array.isArray(value) ? value : value === null || value === undefined ? null : [[value]];
    return Array.isArray(value) ? (value[0]?.[0] ?? null) : (value ?? null);
  });
  try {
    return (fn as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    if (isCustomFunctionError(error)) return new CellError(error.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, error.message ?? "");
    return new CellError(ErrorType.VALUE, String(error));
  }
}

const fromEngine = (value: unknown): Value | Value[][] => (value instanceof SimpleRangeValue ? value.data.map((row) => row.map(plain)) : plain(value));

interface Address {
  sheet: number;
  row: number;
  col: number;
}
interface AstLike {
  type: string;
  value?: unknown;
  reference?: { toSimpleCellAddress(base: unknown): Address };
  start?: { toSimpleCellAddress(base: unknown): Address };
  end?: { toSimpleCellAddress(base: unknown): Address };
}

class KcPreviewPlugin extends FunctionPlugin {
  static implementedFunctions: Record<string, FunctionMetadata> = {};

  /** The current value of a literal, a cell or a range in a formula, for sizing a spill. */
  valueAtEntry(ast: AstLike, base: unknown): Value | Value[][] {
    const at = (a: Address) => plain(this.dependencyGraph.getScalarValue(a as never));
    if (ast.type === "STRING" || ast.type === "NUMBER") return plain(ast.value);
    if (ast.type === "CELL_REFERENCE") return at(ast.reference!.toSimpleCellAddress(base));
    if (ast.type === "CELL_RANGE") {
      const s = ast.start!.toSimpleCellAddress(base);
      const e = ast.end!.toSimpleCellAddress(base);
      return Array.from({ length: e.row - s.row + 1 }, (_, r) => Array.from({ length: e.col - s.col + 1 }, (_, c) => at({ sheet: s.sheet, row: s.row + r, col: s.col + c })));
    }
    return null;
  }
}
const proto = KcPreviewPlugin.prototype as unknown as Record<string, unknown>;
for (const [name, [, params, spills]] of Object.entries(FUNCTIONS)) {
  const key = `KC.${name}`;
  const method = `kc_${name}`;
  KcPreviewPlugin.implementedFunctions[key] = {
    method,
    parameters: [...params].map((kind) => ({ argumentType: kind === "R" ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR, optionalArg: kind !== "s" })),
    ...(spills ? { sizeOfResultArrayMethod: `${method}_size`, vectorizationForbidden: true } : {}),
  };
  proto[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata(key), (...args: unknown[]) => {
      const result = call(name, args.map(fromEngine));
      return (Array.isArray(result) ? SimpleRangeValue.onlyValues(result) : result) as never;
    });
  };
  if (spills) {
    proto[`${method}_size`] = function (this: KcPreviewPlugin, ast: { args: AstLike[] }, state: { formulaAddress: unknown }) {
      const result = call(name, ast.args.map((arg) => this.valueAtEntry(arg, state.formulaAddress)));
      return Array.isArray(result) && result.length > 0 ? new ArraySize(result[0].length, result.length) : ArraySize.scalar();
    };
  }
}

/** A HyperFormula instance (licence "gpl-v3") with the KC functions, one sheet named `sheet`. */
export function previewEngine(sheet: string): HyperFormula {
  const names = Object.keys(KcPreviewPlugin.implementedFunctions);
  if (!HyperFormula.getRegisteredFunctionNames("enGB").includes(names[0])) {
    HyperFormula.registerFunctionPlugin(KcPreviewPlugin, { enGB: Object.fromEntries(names.map((n) => [n, n])) });
  }
  return HyperFormula.buildFromSheets({ [sheet]: [] }, { licenseKey: "gpl-v3" });
}
