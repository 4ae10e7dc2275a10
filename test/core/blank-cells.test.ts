/**
 * Empty cells as the two Excel hosts pass them to the core: Excel on the web as null, desktop Excel as 0 (office-js
 * issues 4702, 5262, 1951). Each case runs with both; the designs that make them agree, and the one place they cannot
 * (a cleared value cell beside a metric), which the web refuses. Figures from the filing (line numbers in
 * src/data/sources/kingsoft-cloud-2026q1-press-release.txt).
 */
import { createEngine } from "../../src/core";
import { isBlankPeriodCell, rowsInUse } from "../../src/core/args";
import { DATASET } from "../../src/data/dataset.generated";
import { caught } from "../helpers/caught";

const fresh = () => createEngine(DATASET);
const HOSTS = [
  ["web", null],
  ["desktop", 0],
] as const;
/** A whole column (1,048,576 rows) holding these cells at the top and the host's blank below (the blank rows share one
 * array: the core only reads them, and filling is far cheaper than a million allocations). */
const wholeColumn = (cells: unknown[], blank: null | 0, width = 1): unknown[][] => {
  const column: unknown[][] = new Array(1_048_576).fill(new Array(width).fill(blank));
  cells.forEach((cell, i) => (column[i] = [cell]));
  return column;
};

describe.each(HOSTS)("an overrides range as Excel %s passes it", (_, blank) => {
  test("an empty row, and a blank metric cell beside any value, are skipped (gross profit 3,000,000 - 2,357,984; line 234)", () => {
    const overrides = [["TotalRevenues", 3000000], [blank, blank], [blank, 5], [blank, -2400000]];
    expect(fresh().excel.metric("GrossProfit", "2026Q1", null, null, overrides)).toBe(3000000 - 2357984);
  });

  test("a range of blank rows is no override (gross profit 345,748, line 235)", () => {
    expect(fresh().excel.metric("GrossProfit", "2026Q1", null, null, [[blank, blank], [blank, blank]])).toBe(345748);
  });

  test("a whole column of blank rows is refused for its size, as before", () => {
    expect(caught(() => fresh().excel.metric("GrossProfit", "2026Q1", null, null, wholeColumn([], blank, 2))).key).toBe("overridesTooManyRows");
  });
});

describe("a cleared value cell beside a metric: the one thing the hosts cannot agree on", () => {
  test("the web's null (or an empty text) is refused, naming the row and what to do", () => {
    for (const cleared of [null, ""]) {
      const error = caught(() => fresh().excel.metric("GrossProfit", "2026Q1", null, null, [["TotalRevenues", 3000000], ["CostOfRevenues", cleared]]));
      expect(error.key).toBe("overrideValueBlank");
      expect(error.message).toBe("Overrides row 2: CostOfRevenues has no value. Type its value, or clear the metric cell to remove the override (desktop Excel reads a cleared value cell as 0, an override of 0).");
    }
  });

  test("desktop's 0 is an override of 0, which no function can tell from a typed 0 (gross profit = 2,703,732 + 0)", () => {
    expect(fresh().excel.metric("GrossProfit", "2026Q1", null, null, [["CostOfRevenues", 0]])).toBe(2703732);
  });
});

describe.each(HOSTS)("a periods range as Excel %s passes it", (_, blank) => {
  test("blank cells between periods are skipped (total revenues, line 233)", () => {
    const table = fresh().excel.statement("IS", [["2025Q4"], [blank], ["2026Q1"], [blank]]);
    expect(table[0].slice(1)).toEqual(["2025Q4", "2026Q1"]);
    expect(table.find((row) => row[0] === "Total revenues")).toEqual(["Total revenues", 2761387, 2703732]);
  });

  test("a whole column is read to its last period (a million blanks below)", () => {
    const { excel } = fresh();
    const whole = excel.statement("IS", wholeColumn(["2025Q4", blank, "2026Q1"], blank));
    expect(whole).toEqual(excel.statement("IS", [["2025Q4"], ["2026Q1"]]));
    expect(whole.find((row) => row[0] === "Total revenues")).toEqual(["Total revenues", 2761387, 2703732]); // line 233
  });

  test("a range of blank cells only is every period, as when the argument is left out", () => {
    const { excel } = fresh();
    expect(excel.statement("IS", [[blank], [blank]])).toEqual(excel.statement("IS"));
    expect(excel.statement("IS", wholeColumn([], blank))).toEqual(excel.statement("IS"));
  });

  test("the limit counts the periods in use, not the blank rows", () => {
    const filled = Array.from({ length: 300 }, (_, i) => (i % 2 === 0 ? "2026Q1" : blank)); // 150 periods
    const error = caught(() => fresh().excel.statement("IS", wholeColumn(filled, blank)));
    expect(error.key).toBe("periodsTooMany");
    expect(error.message).toBe(
      "Periods range refused: it has more than 100 periods in its 299 rows in use (blank rows after the last period are not read). Give at most 100 periods.",
    );
  });
});

describe("blank cells and single periods", () => {
  test("what counts as a blank period cell", () => {
    expect([null, undefined, "", 0].map(isBlankPeriodCell)).toEqual([true, true, true, true]);
    expect(["2026Q1", 46112, " ", false].map(isBlankPeriodCell)).toEqual([false, false, false, false]);
    expect(rowsInUse([["2026Q1"], [0], [0]], isBlankPeriodCell)).toBe(1);
    expect(rowsInUse([["2026Q1"], [0], [0]])).toBe(3); // 0 is a value unless the reader says it is blank
  });

  test("a blank period cell is #VALUE! on both hosts, saying what desktop passed", () => {
    expect(caught(() => fresh().excel.metric("TotalRevenues", null)).key).toBe("periodMissing");
    const desktop = caught(() => fresh().excel.metric("TotalRevenues", 0));
    expect([desktop.key, desktop.message]).toEqual([
      "periodZero",
      "Period is 0, which is what desktop Excel passes for an empty cell: fill in the period. Type a quarter such as 2026Q1, Q1 2026, 1Q26, 2026-03-31, or FQ0 (latest), FQ-1.",
    ]);
  });
});
