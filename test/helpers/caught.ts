import { KcError } from "../../src/core";

/** Calls fn and returns the KcError it throws (failing the test if it throws anything else or nothing). */
export function caught(fn: () => unknown): KcError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KcError);
    return error as KcError;
  }
  throw new Error("expected a KcError, nothing was thrown");
}
