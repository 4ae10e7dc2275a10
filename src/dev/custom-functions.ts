/**
 * The part of Excel's custom-functions runtime that src/functions needs, for running the very same functions outside
 * Excel (kc eval, the preview, the HyperFormula bridge, tests): CustomFunctions.Error and CustomFunctions.ErrorCode,
 * with the same string values as Excel's. installCustomFunctionsRuntime() defines the global only where none exists.
 */

/** Excel's error codes, with the values Excel's runtime uses. */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Stand-in for CustomFunctions.Error: `code` is the Excel error ("#N/A"), `message` the text Excel shows with it. */
export class CustomFunctionError extends Error {
  readonly code: ErrorCodeValue;

  constructor(code: ErrorCodeValue, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

/** Defines globalThis.CustomFunctions (Error, ErrorCode, a no-op associate) unless a runtime already provides it. */
export function installCustomFunctionsRuntime(): void {
  const g = globalThis as { CustomFunctions?: unknown };
  if (g.CustomFunctions === undefined) g.CustomFunctions = { Error: CustomFunctionError, ErrorCode, associate: () => undefined };
}

/** True for what a custom function throws to show an Excel error: an object with one of Excel's error codes. */
export function isCustomFunctionError(value: unknown): value is { code: ErrorCodeValue; message?: string } {
  const code = (value as { code?: unknown } | null)?.code;
  return typeof code === "string" && (Object.values(ErrorCode) as string[]).includes(code);
}
