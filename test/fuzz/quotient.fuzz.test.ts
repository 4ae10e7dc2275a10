/**
 * quotientNumber (a margin of two safe integers as one floating-point division) against the Decimal route it replaces,
 * on random pairs of every size: 2,000 in npm test, 20,000 in npm run fuzz. The filing's own margins: test/core/exact.test.ts.
 */
import { Exact, divide } from "../../src/core/exact";
import { quotientNumber, toNumber } from "../../src/core/scale";
import { fuzzSettings } from "./fuzz-settings";

const MAX = Number.MAX_SAFE_INTEGER;
const SEED = 20261129;
const PAIRS = fuzzSettings().profile === "full" ? 20_000 : 2_000;
// The Decimal route it replaces: the quotient to 40 significant digits, then the nearest double.
const viaDecimal = (a: Exact, b: Exact) => toNumber(divide(a, b));

test(`${PAIRS.toLocaleString("en-US")} pairs of safe integers of every size (fixed seed ${SEED}), zero and signs`, () => {
  let seed = SEED;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const integer = () => {
    const digits = 1 + Math.floor(next() * 16);
    const n = Math.min(MAX, Math.floor(next() * 10 ** digits));
    return next() < 0.5 ? -n : n;
  };
  for (let i = 0; i < PAIRS; i++) {
    const a = i % 50 === 0 ? MAX - (i % 7) : integer();
    const b = integer() || 1;
    expect(quotientNumber(a, b)).toBe(viaDecimal(a, b));
  }
  expect(Object.is(quotientNumber(0, -5), 0)).toBe(true);
});
