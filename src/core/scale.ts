import { Scale, UNITS, Unit } from "./catalog/units";
import { D, Dec } from "./decimal";
import { Exact, divide } from "./exact";
import { kcError } from "./messages";

/** Scaling held values (amounts in thousands, share counts in shares) to what a call asks for, and back. */

const SCALE_EXPONENT: Readonly<Record<Exclude<Scale, "asPrinted">, number>> = { units: 0, thousands: 3, millions: 6, billions: 9 };

/** Power of ten that turns a held value into the requested scale (0 when nothing changes). */
export function scaleShift(unit: Unit, scale: Scale): number {
  const native = UNITS[unit].nativeExponent;
  if (native === null || scale === "asPrinted") return 0;
  return native - SCALE_EXPONENT[scale];
}

/**
 * Exact powers of ten by exponent; scaling multiplies by one (dividing by 10^n would be a 40-digit division). Written
 * as "1e-9" and so on rather than computed with pow, which takes milliseconds of every start before the JIT warms.
 */
const POWERS: ReadonlyMap<number, Dec> = new Map([-9, -6, -3, 3, 6, 9].map((n) => [n, D(`1e${n}`)]));
/** The same powers as doubles (all exact). */
const DOUBLE_POWERS: Readonly<Record<number, number>> = { 3: 1e3, 6: 1e6, 9: 1e9 };

export function toScale(value: Dec, unit: Unit, scale: Scale): Dec {
  const shift = scaleShift(unit, scale);
  return shift === 0 ? value : value.times(POWERS.get(shift)!);
}

export function fromScale(value: Dec, unit: Unit, scale: Scale): Dec {
  const shift = scaleShift(unit, scale);
  return shift === 0 ? value : value.times(POWERS.get(-shift)!);
}

/** A Decimal as an Excel number: finite, and never -0. */
export function toNumber(value: Dec): number {
  const n = value.toNumber();
  if (!Number.isFinite(n)) throw kcError("beyondExcelRange");
  return n === 0 ? 0 : n;
}

/**
 * An exact value, scaled, as the Excel number nearest to it. A whole number of thousands needs no Decimal: 10^3, 10^6
 * and 10^9 are exact doubles, so an integer times or divided by one is the double nearest the exact result (IEEE
 * operations round once, correctly) as long as the integer and a product stay below 2^53.
 */
export function scaledNumber(value: Exact, unit: Unit, scale: Scale): number {
  const shift = scaleShift(unit, scale);
  if (typeof value === "number") {
    if (shift === 0) return value === 0 ? 0 : value;
    if (shift < 0) return value / DOUBLE_POWERS[-shift] || 0;
    const product = value * DOUBLE_POWERS[shift];
    if (Number.isSafeInteger(product)) return product || 0;
    return toNumber(D(value).times(POWERS.get(shift)!));
  }
  return toNumber(shift === 0 ? value : value.times(POWERS.get(shift)!));
}

/**
 * a / b as the Excel number nearest the exact quotient (b is not zero). Two safe integers (the filing's amounts) need no
 * Decimal: IEEE division rounds the exact quotient once, correctly, and the Decimal route (40 significant digits, then
 * the nearest double) lands on the same double. Rounding to 40 digits moves the quotient by at most 5e-40 of itself,
 * while a quotient of integers below 2^53 is never a midpoint between two doubles and stays at least 2^-107 of itself
 * away from every one: no midpoint lies between the two, so both round to the same double.
 */
export function quotientNumber(a: Exact, b: Exact): number {
  if (Number.isSafeInteger(a) && Number.isSafeInteger(b)) return (a as number) / (b as number) || 0;
  return toNumber(divide(a, b));
}
