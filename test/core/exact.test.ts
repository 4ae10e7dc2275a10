import Decimal from "decimal.js";
import { Exact, add, divide, fromDec, isZero, multiply, negate, subtract, toDec } from "../../src/core/exact";
import { D } from "../../src/core/decimal";
import { quotientNumber, scaledNumber, toNumber, translatedNumber } from "../../src/core/scale";
import { engine, excel } from "../helpers/engine";

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

  test("20,000 pairs of safe integers of every size (fixed seed 20261129), zero and signs", () => {
    let seed = 20261129;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const integer = () => {
      const digits = 1 + Math.floor(next() * 16);
      const n = Math.min(MAX, Math.floor(next() * 10 ** digits));
      return next() < 0.5 ? -n : n;
    };
    for (let i = 0; i < 20_000; i++) {
      const a = i % 50 === 0 ? MAX - (i % 7) : integer();
      const b = integer() || 1;
      expect(quotientNumber(a, b)).toBe(viaDecimal(a, b));
    }
    expect(Object.is(quotientNumber(0, -5), 0)).toBe(true);
  });

  test("a Decimal operand takes the Decimal route", () => {
    expect(quotientNumber(D("0.5"), 3)).toBe(viaDecimal(D("0.5"), 3));
    expect(quotientNumber(MAX, D("1e-30"))).toBe(viaDecimal(MAX, D("1e-30")));
  });
});

describe("an RMB amount translated at the rate as an Excel number, without a Decimal (translatedNumber)", () => {
  const SCALES = ["asPrinted", "units", "thousands", "millions", "billions"] as const;
  // The Decimal route it replaces: RMB / rate to 40 significant digits, scaled exactly, then the nearest double.
  const viaDecimal = (rmb: number, unit: "amount" | "perShare", scale: (typeof SCALES)[number]) => scaledNumber(divide(rmb, engine.model.rate), unit, scale);

  test("public cloud revenues, Q4 2025 (RMB 1,902,378 thousand, income statement line 231) at RMB6.8980 to US$1.00", () => {
    expect(engine.model.translatedFrom("PublicCloudRevenues", "2025Q4")).toBe(1902378);
    expect(excel.metric("PublicCloudRevenues", "2025Q4", "USD", "millions")).toBe(viaDecimal(1902378, "amount", "millions"));
    expect(excel.metric("PublicCloudRevenues", "2025Q4", "USD", "millions")).toBeCloseTo(1902.378 / 6.898, 9);
    // Q1 2026 prints its own US$ column (289,403), and total revenues is a formula over its parts: no translation.
    expect(engine.model.translatedFrom("PublicCloudRevenues", "2026Q1")).toBeNull();
    expect(excel.metric("PublicCloudRevenues", "2026Q1", "USD")).toBe(289403);
    expect(engine.model.translatedFrom("TotalRevenues", "2025Q4")).toBeNull();
  });

  test("every translated US$ figure of the filing, in every scale, is the Decimal route's number", () => {
    let compared = 0;
    for (const m of engine.metrics()) {
      for (const p of engine.periods(m.id)) {
        const rmb = engine.model.translatedFrom(m.id, p);
        if (rmb === null) continue;
        for (const scale of SCALES) {
          const value = engine.value(m.id, p, { currency: "USD", scale });
          expect(value).toEqual({ ok: true, value: scaledNumber(engine.model.exact(m.id, p, "USD"), m.unit, scale) });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  test("10,000 safe integers of every size (fixed seed 20261130) at the filing's rate, in every scale", () => {
    let seed = 20261130;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const rate = engine.model.rate;
    const decimals = rate.decimalPlaces();
    const units = rate.times(D(`1e${decimals}`)).toNumber();
    let fast = 0;
    for (let i = 0; i < 10_000; i++) {
      const n = Math.min(MAX, Math.floor(next() * 10 ** (1 + Math.floor(next() * 16))));
      const rmb = next() < 0.5 ? -n : n;
      const scale = SCALES[i % SCALES.length];
      const got = translatedNumber(rmb, units, decimals, "amount", scale);
      if (got === null) continue; // past the safe range: the Decimal route is taken
      expect(got).toBe(viaDecimal(rmb, "amount", scale));
      fast++;
    }
    expect(fast).toBeGreaterThan(5_000);
  });
});
