import Decimal from "decimal.js";
import { Exact, add, divide, fromDec, isZero, multiply, negate, subtract, toDec } from "../../src/core/exact";
import { D } from "../../src/core/decimal";
import { quotientNumber, toNumber } from "../../src/core/scale";
import { engine } from "../helpers/engine";

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991
const text = (value: Exact) => toDec(value).toFixed();

describe("exact values: plain numbers while safe integers, decimals otherwise", () => {
  test.each([
    // a, b, a + b, a - b, a * b (as exact decimal text)
    [2703732, -2357984, "345748", "5061716", "-6375356796288"],
    [MAX, 2, "9007199254740993", "9007199254740989", "18014398509481982"],
    [-MAX, -2, "-9007199254740993", "-9007199254740989", "18014398509481982"],
    [94906267, 94906267, "189812534", "0", "9007199515875289"],
  ])("%d and %d", (a, b, sum, difference, product) => {
    expect(text(add(a, b))).toBe(sum);
    expect(text(subtract(a, b))).toBe(difference);
    expect(text(multiply(a, b))).toBe(product);
  });

  test("stay numbers while safe, become decimals past the safe range", () => {
    expect(add(2703732, -2357984)).toBe(345748);
    expect(add(MAX, 2)).toBeInstanceOf(Decimal);
    expect(multiply(94906267, 94906267)).toBeInstanceOf(Decimal);
  });

  test("mix with decimals and fractions exactly", () => {
    expect(text(add(D("0.1"), 2))).toBe("2.1");
    expect(text(subtract(1, D("0.3")))).toBe("0.7");
    expect(text(divide(345748, 2703732))).toBe(D(345748).div(2703732).toFixed());
    expect(fromDec(D("911100"))).toBe(911100);
    expect(fromDec(D("2000000.5"))).toBeInstanceOf(Decimal);
    expect(fromDec(D("1e30"))).toBeInstanceOf(Decimal);
  });

  test("negating zero gives zero", () => {
    expect(Object.is(negate(0), 0)).toBe(true);
    expect(negate(-44006)).toBe(44006);
  });
});

describe("a quotient of two safe integers as an Excel number, without a Decimal (quotientNumber)", () => {
  // The Decimal route it replaces: the quotient to 40 significant digits, then the nearest double.
  const viaDecimal = (a: Exact, b: Exact) => toNumber(divide(a, b));

  test("gross margin, Q1 2026: 345,748 / 2,703,732 (income statement, gross profit over total revenues)", () => {
    expect(quotientNumber(345748, 2703732)).toBe(viaDecimal(345748, 2703732));
    expect(quotientNumber(345748, 2703732)).toBeCloseTo(0.1279, 4);
  });

  test("every margin the filing supports, on total revenues and on gross profit, is the Decimal route's number", () => {
    let compared = 0;
    for (const m of engine.metrics().filter((x) => x.unit === "amount" && x.kind === "duration")) {
      for (const p of engine.periods(m.id)) {
        for (const base of ["TotalRevenues", "GrossProfit"]) {
          if (!engine.periods(base).includes(p)) continue;
          const a = engine.model.exact(m.id, p, "RMB");
          const b = engine.model.exact(base, p, "RMB");
          if (isZero(b)) continue;
          expect(quotientNumber(a, b)).toBe(viaDecimal(a, b));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  // Random pairs of every size: test/fuzz/quotient.fuzz.test.ts (2,000 in npm test, 20,000 in npm run fuzz).
  test("a Decimal operand takes the Decimal route", () => {
    expect(quotientNumber(D("0.5"), 3)).toBe(viaDecimal(D("0.5"), 3));
    expect(quotientNumber(MAX, D("1e-30"))).toBe(viaDecimal(MAX, D("1e-30")));
  });
});
