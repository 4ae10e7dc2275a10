/**
 * The two ways a KC call can fail, shared by the core, the Excel functions and the CLI.
 * invalidValue: the input itself is wrong (unknown metric, malformed period, bad option) -> Excel #VALUE!
 * notAvailable: the input is well formed but the filing has no such figure (period not covered, no base for growth) -> #N/A
 */
export type KcErrorKind = "invalidValue" | "notAvailable";

export class KcError extends Error {
  readonly kind: KcErrorKind;

  constructor(kind: KcErrorKind, message: string) {
    super(message);
    this.name = "KcError";
    this.kind = kind;
  }
}

export const invalidValue = (message: string): KcError => new KcError("invalidValue", message);
export const notAvailable = (message: string): KcError => new KcError("notAvailable", message);

export function isKcError(error: unknown): error is KcError {
  return error instanceof KcError;
}

/** Raised by the importer: the filing text is not in the expected format. Always names the 1-based line. */
export class ImportError extends Error {
  readonly line: number;

  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.name = "ImportError";
    this.line = line;
  }
}
