import { D, Dec } from "./decimal";

/**
 * An exact value of the statement model: a plain number while it is a safe integer (the filing's amounts are whole
 * thousands, and sums of safe integers that stay safe are exact in floating point), a Decimal otherwise. decimal.js
 * then runs only where exactness needs it: fractions, divisions, and sums that would leave the safe range.
 */
export type Exact = number | Dec;

export const toDec = (value: Exact): Dec => (typeof value === "number" ? D(value) : value);

export function fromDec(value: Dec): Exact {
  if (value.isInteger()) {
    const n = value.toNumber();
    if (Number.isSafeInteger(n)) return n;
  }
  return value;
}

export function add(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    const sum = a + b;
    if (Number.isSafeInteger(sum)) return sum;
  }
  return toDec(a).plus(toDec(b));
}

export function subtract(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    const difference = a - b;
    if (Number.isSafeInteger(difference)) return difference;
  }
  return toDec(a).minus(toDec(b));
}

export function multiply(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    const product = a * b;
    if (Number.isSafeInteger(product)) return product;
  }
  return toDec(a).times(toDec(b));
}

/** Always a Decimal (the caller has ruled out a zero divisor). */
export const divide = (a: Exact, b: Exact): Dec => toDec(a).div(toDec(b));

export const negate = (a: Exact): Exact => (typeof a === "number" ? 0 - a : a.neg());

export const isZero = (a: Exact): boolean => (typeof a === "number" ? a === 0 : a.isZero());
