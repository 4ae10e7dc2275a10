/**
 * The engine's store of reported figures as Excel numbers: quarters by ordinal (an array per metric), other period keys
 * (fiscal years) in Maps. Every variant reads back what was put, from any order of quarters, and nothing else.
 */
import { quarterOrdinal, shiftPeriod } from "../../src/core/periods";
import { ReportedNumbers } from "../../src/core/reported-numbers";
import { excel } from "../helpers/engine";

describe("quarterOrdinal", () => {
  test("counts quarters: consecutive keys are one apart, across years", () => {
    expect(quarterOrdinal("2026Q1")).toBe(2026 * 4);
    expect(quarterOrdinal("2025Q4")).toBe(2026 * 4 - 1);
    for (const key of ["1900Q2", "2024Q3", "2025Q4", "2026Q1", "9999Q4"]) expect(quarterOrdinal(shiftPeriod(key, -1)) + 1).toBe(quarterOrdinal(key));
  });

  test("is -1 for every key that is not a quarter's", () => {
    for (const key of ["FY2025", "2026Q5", "2026Q0", "2026q1", "20X6Q1", "1899Q4", "2026Q", "2026Q12", ""]) expect(quarterOrdinal(key)).toBe(-1);
  });
});

describe("ReportedNumbers", () => {
  test("holds each variant of each figure apart, whatever order the quarters come in", () => {
    // Values made up for the store alone (the filing's figures are read through it below).
    const store = new ReportedNumbers();
    store.set("M", "2026Q1", "RMB", "asPrinted", 11);
    store.set("M", "2025Q1", "RMB", "asPrinted", 12); // earlier than the row's first quarter
    store.set("M", "2024Q3", "USD", "millions", 13.5);
    store.set("M", "FY2025", "RMB", "billions", 14.25);
    expect(store.get("M", "2026Q1", "RMB", "asPrinted")).toBe(11);
    expect(store.get("M", "2025Q1", "RMB", "asPrinted")).toBe(12);
    expect(store.get("M", "2024Q3", "USD", "millions")).toBe(13.5);
    expect(store.get("M", "FY2025", "RMB", "billions")).toBe(14.25);
    for (const [period, currency, scale] of [["2026Q1", "USD", "asPrinted"], ["2026Q1", "RMB", "millions"], ["2025Q2", "RMB", "asPrinted"], ["2024Q2", "RMB", "asPrinted"], ["2027Q1", "RMB", "asPrinted"], ["FY2025", "RMB", "asPrinted"], ["FY2024", "RMB", "billions"]] as const) {
      expect([period, currency, scale, store.get("M", period, currency, scale)]).toEqual([period, currency, scale, undefined]);
    }
    expect(store.get("N", "2026Q1", "RMB", "asPrinted")).toBeUndefined();
  });

  test("KC.METRIC reads the filing's figures through it, in every currency and scale, the same on every call", () => {
    for (let pass = 0; pass < 2; pass++) {
      expect(excel.metric("AdjustedEBITDA", "2026Q1")).toBe(747506);
      expect(excel.metric("GrossProfit", "2026Q1")).toBe(345748);
      expect(excel.metric("TotalAssets", "2026Q1", null, "millions")).toBe(28456.254);
      expect(excel.metric("AdjustedEBITDA", "2026Q1", "USD")).toBe(108365);
    }
  });
});
