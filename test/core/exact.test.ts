import Decimal from "decimal.js";
import { Exact, add, divide, fromDec, multiply, negate, subtract, toDec } from "../../src/core/exact";
import { D } from "../../src/core/decimal";

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
