/**
 * Excel functions HyperFormula does not have, as Microsoft documents them, so that formulas written for Excel (the
 * acceptance workbook's checks) evaluate the same in the tests and the preview. Development only, like the bridge.
 *
 * ERROR.TYPE(error_val) (support.microsoft.com, "ERROR.TYPE function"): #NULL! 1, #DIV/0! 2, #VALUE! 3, #REF! 4,
 * #NAME? 5, #NUM! 6, #N/A 7, #GETTING_DATA 8; anything that is not an error gives #N/A. HyperFormula's own errors
 * that Excel does not have (#CYCLE!, #ERROR!, #LIC!, #SPILL!) are passed on unchanged, so a check over them fails.
 */
import { CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula } from "hyperformula";

const ERROR_TYPE_CODES: Partial<Record<ErrorType, number>> = {
  [ErrorType.DIV_BY_ZERO]: 2,
  [ErrorType.VALUE]: 3,
  [ErrorType.REF]: 4,
  [ErrorType.NAME]: 5,
  [ErrorType.NUM]: 6,
  [ErrorType.NA]: 7,
};

/** Excel's number for an error value (the rule above); pure, so the test can check it against the table. */
export function errorTypeCode(value: unknown): number | CellError {
  if (!(value instanceof CellError)) return new CellError(ErrorType.NA, "ERROR.TYPE: the value is not an error");
  return ERROR_TYPE_CODES[value.type] ?? value;
}

class ExcelFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions = {
    "ERROR.TYPE": { method: "errorType", parameters: [{ argumentType: FunctionArgumentType.SCALAR }] },
  };

  errorType(ast: { args: unknown[] }, state: unknown) {
    return this.runFunction(ast.args as never, state as never, this.metadata("ERROR.TYPE"), (value: unknown) => errorTypeCode(value) as never);
  }
}

/** Registers the functions above with HyperFormula, once per process or page. */
export function registerExcelFunctions(): void {
  if (HyperFormula.getRegisteredFunctionNames("enGB").includes("ERROR.TYPE")) return;
  HyperFormula.registerFunctionPlugin(ExcelFunctionsPlugin, { enGB: { "ERROR.TYPE": "ERROR.TYPE" } });
}
