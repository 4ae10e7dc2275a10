import { ResultsCache } from "../../src/core/results-cache";

describe("the results cache", () => {
  test("keeps argument types apart", () => {
    const cache = new ResultsCache<number>(10);
    cache.set("NetLoss", "2026Q1", null, null, -343720);
    expect(cache.get("NetLoss", "2026Q1", null, null)).toBe(-343720);
    expect(cache.get("NetLoss", "2026Q1", "null", null)).toBeUndefined();
    expect(cache.get("NetLoss", "2026Q1", undefined, null)).toBeUndefined();
    expect(cache.get("NetLoss", 46112, null, null)).toBeUndefined();
  });

  test("is cleared when full, never grows past its limit", () => {
    const cache = new ResultsCache<number>(2);
    cache.set("a", 1, null, null, 1);
    cache.set("b", 1, null, null, 2);
    cache.set("b", 1, null, null, 3);
    expect(cache.get("a", 1, null, null)).toBe(1);
    cache.set("c", 1, null, null, 4);
    expect(cache.get("a", 1, null, null)).toBeUndefined();
    expect(cache.get("c", 1, null, null)).toBe(4);
  });
});
