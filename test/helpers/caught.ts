import { KcError } from "../../src/core";

/** Calls fn and returns the error of `kind` (a KcError unless said) it throws, failing the test if it throws anything else or nothing. */
export function caught<E extends Error = KcError>(fn: () => unknown, kind: abstract new (...args: never[]) => E = KcError as unknown as abstract new (...args: never[]) => E): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return error as E;
  }
  throw new Error(`expected a ${kind.name}, nothing was thrown`);
}
