/**
 * The one bridge between HyperFormula (a real spreadsheet formula engine; GPL-3.0, licence key "gpl-v3", a
 * devDependency: the preview page, the tests and the bench, never the add-in) and the KC functions: one FunctionPlugin
 * whose implementedFunctions are keyed "KC.<name>" from functions.json, each calling the very function the add-in
 * associates with that id.
 *
 * Argument passing mirrors Excel's: omitted arguments are null, range parameters get 2-D arrays (a single value
 * becomes [[value]]), one-value parameters get scalars coerced to their metadata type (excelArgument). An empty cell
 * is passed as Excel on the web passes it (null) or, in desktop mode (`blanks: "desktop"`), as desktop Excel does:
 * 0 in an `any` argument or range (office-js issues 4702, 5262, 1951), and "" where the parameter is text (not
 * documented for custom functions: "" is what Excel's own text functions read from an empty cell, and the KC readers
 * take "" and null alike). An omitted argument stays null in both.
 * A thrown CustomFunctions.Error becomes a HyperFormula error of the same kind (#N/A, #VALUE!) with its message.
 *
 * Spills: HyperFormula fixes an array formula's size when the formula is entered (like SEQUENCE, whose size comes from
 * its literal arguments). The size method here calls the function with the formula's literal arguments and the current
 * values of the cells it references, so enter a spill formula after its input cells; a later input change that
 * alters the spill's shape is not supported by the engine (KC.STATEMENT with one period keeps its shape).
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from "hyperformula";
import type { ConfigParams, FunctionMetadata } from "hyperformula";
import type { DateSystem } from "../core";
import { isCustomFunctionError } from "./custom-functions";
import { registerExcelFunctions } from "./hyperformula-excel";
import { ArgumentShapeError, FunctionParameter, NAMESPACE, Registry, RegisteredFunction, excelArgument, functionRegistry } from "./registry";
import { functionsEngine } from "../functions/runtime";

type Value = string | number | boolean | null;

/** How empty cells reach a custom function: as Excel on the web passes them (null) or as desktop Excel does (0). */
export type BlankCells = "web" | "desktop";

/** The bridge's settings for one HyperFormula instance (its `context`, which the plugin reads). */
interface KcContext {
  blanks: BlankCells;
}

/** A HyperFormula scalar (raw, rich number) as a plain value; an empty cell as the host passes it for this parameter. */
function plain(value: unknown, blank: Value): Value {
  if (value === EmptyValue) return blank;
  if (value === undefined || value === null) return null;
  if (typeof value === "object" && typeof (value as { val?: unknown }).val === "number") return (value as { val: number }).val;
  return value as Value;
}

/** What an empty cell is, passed to a parameter: null on the web; on desktop 0, or "" where the parameter is text. */
const blankFor = (param: FunctionParameter, blanks: BlankCells): Value => (blanks === "web" ? null : param.type === "string" && param.dimensionality !== "matrix" ? "" : 0);

/**
 * A HyperFormula argument (scalar or range) as Excel would hand it to the function, before type coercion. `omitted`:
 * the argument was left out of the formula (`,,`), which HyperFormula also passes as an empty value; Excel passes null.
 */
function fromEngine(value: unknown, param: FunctionParameter, omitted: boolean, blanks: BlankCells): Value | Value[][] {
  const blank = omitted ? null : blankFor(param, blanks);
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map((cell) => plain(cell, blank)));
  if (Array.isArray(value)) return value.map((row: unknown[]) => row.map((cell) => plain(cell, blank)));
  return plain(value, blank);
}

/** Calls the registered function with Excel-shaped arguments; the result, or the thrown Excel error as a CellError. */
function invoke(fn: RegisteredFunction, raw: unknown[], asts: readonly AstLike[], blanks: BlankCells): unknown {
  try {
    const args = fn.meta.parameters.map((param, i) => excelArgument(fromEngine(raw[i], param, !asts[i] || asts[i].type === "EMPTY", blanks), param));
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

/** The blank-cell mode of the instance a plugin runs in (web unless its config's context says desktop). */
const blanksOf = (config: { context?: unknown }): BlankCells => ((config.context as Partial<KcContext> | undefined)?.blanks === "desktop" ? "desktop" : "web");

/** Builds the plugin class for a registry: "KC.METRIC" -> fn METRIC, and so on. */
export function kcPlugin(registry: Registry) {
  class KcPlugin extends FunctionPlugin {
    static implementedFunctions: Record<string, FunctionMetadata> = {};

    /** Evaluates the arguments as HyperFormula does for any function, then calls the KC function with them. */
    callKc(key: string, fn: RegisteredFunction, ast: { args: AstLike[] }, state: unknown) {
      return this.runFunction(ast.args as never, state as never, this.metadata(key), (...args: unknown[]) => {
        const result = invoke(fn, args, ast.args, blanksOf(this.config));
        return (Array.isArray(result) ? SimpleRangeValue.onlyValues(result) : result) as never;
      });
    }

    /** Sizes a spill: the function called with its arguments' values as the formula is entered. */
    sizeOfKc(fn: RegisteredFunction, ast: { args: AstLike[] }, base: unknown) {
      const result = invoke(fn, ast.args.map((arg) => this.valueAtEntry(arg, base)), ast.args, blanksOf(this.config));
      return Array.isArray(result) && result.length > 0 ? new ArraySize(result[0].length, result.length) : ArraySize.scalar();
    }

    /** Current value of a literal, a cell reference or a range in a formula (empty cells as EmptyValue), for sizing a spill. */
    valueAtEntry(ast: AstLike, base: unknown): unknown {
      switch (ast.type) {
        case "STRING":
        case "NUMBER":
          return ast.value;
        case "CELL_REFERENCE":
          return this.dependencyGraph.getScalarValue(ast.reference!.toSimpleCellAddress(base) as never);
        case "CELL_RANGE": {
          const start = ast.start!.toSimpleCellAddress(base);
          const end = ast.end!.toSimpleCellAddress(base);
          const rows: unknown[][] = [];
          for (let row = start.row; row <= end.row; row++) {
            const cells: unknown[] = [];
            for (let col = start.col; col <= end.col; col++) cells.push(this.dependencyGraph.getScalarValue({ sheet: start.sheet, row, col } as never));
            rows.push(cells);
          }
          return rows;
        }
        default:
          return undefined;
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
        return this.sizeOfKc(fn, ast, state.formulaAddress);
      };
    }
  }
  return KcPlugin;
}

/** Registers the KC functions (and the Excel functions HyperFormula lacks) with HyperFormula, once per process or page. */
export function registerKcFunctions(registry: Registry = functionRegistry()): void {
  registerExcelFunctions();
  const names = registry.metadata.functions.map((f) => `${NAMESPACE}.${f.name.toUpperCase()}`);
  if (HyperFormula.getRegisteredFunctionNames("enGB").includes(names[0])) return;
  HyperFormula.registerFunctionPlugin(kcPlugin(registry), { enGB: Object.fromEntries(names.map((n) => [n, n])) });
}

export interface KcEngineOptions {
  /** How empty cells reach the KC functions: "web" (null, the default) or "desktop" (0). */
  blanks?: BlankCells;
  /**
   * The workbook's date system: HyperFormula's dates (DATE, date cells) count from its epoch, and the functions runtime
   * reads date serials in it, as the add-in does once it has read the workbook's (one runtime per page, as in Excel).
   */
  dateSystem?: DateSystem;
  /** Other HyperFormula settings (useArrayArithmetic for Excel's dynamic arrays, ...). */
  config?: Partial<ConfigParams>;
  registry?: Registry;
}

/** The 1904 date system's epoch as HyperFormula counts dates: serial 0 is 1904-01-01, with no 1900 leap day. */
const EPOCH_1904: Partial<ConfigParams> = { nullDate: { year: 1904, month: 1, day: 1 }, leapYear1900: false };

/** A HyperFormula instance with the KC functions registered, with the given sheets (empty when none). */
export function kcEngine(sheets: Record<string, unknown[][]> = {}, options: KcEngineOptions = {}): HyperFormula {
  registerKcFunctions(options.registry);
  const dateSystem = options.dateSystem ?? 1900;
  functionsEngine().useDateSystem(dateSystem);
  const context: KcContext = { blanks: options.blanks ?? "web" };
  // evaluateNullToZero: a formula that refers to an empty cell (=D7) is 0, as in Excel; HyperFormula's default is empty.
  const base: Partial<ConfigParams> = { licenseKey: "gpl-v3", evaluateNullToZero: true, ...(dateSystem === 1904 ? EPOCH_1904 : {}) };
  return HyperFormula.buildFromSheets(sheets as never, { ...base, ...options.config, context });
}
