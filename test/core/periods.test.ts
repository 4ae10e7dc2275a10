import { caught } from "../helpers/caught";
import {
  comparePeriods,
  describeAvailable,
  formatPeriod,
  parseMonthDayYear,
  quarterEndDate,
  quarterEndingOn,
  resolvePeriod,
  shiftPeriod,
  splitPeriod,
} from "../../src/core/periods";

const LATEST = "2026Q1";
const ACCEPTED = "Type a quarter such as 2026Q1, Q1 2026, 1Q26, 2026-03-31, or FQ0 (latest), FQ-1.";

/**
 * Excel 1900-system serial of a date, computed independently of the code under test: days since 1899-12-30
 * (Excel's effective epoch once its fictitious 1900-02-29 is counted), valid for dates from 1900-03-01 on.
 */
function excelSerial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

describe("canonical keys", () => {
  test.each([
    [2026, 1, "2026Q1"],
    [2025, 4, "2025Q4"],
    [1900, 1, "1900Q1"],
    [9999, 4, "9999Q4"],
  ])("formatPeriod(%d, %d) -> %s and back", (year, quarter, key) => {
    expect(formatPeriod(year, quarter)).toBe(key);
    expect(splitPeriod(key)).toEqual({ year, quarter });
  });

  test.each([
    [2026, 0],
    [2026, 5],
    [2026, 1.5],
    [1899, 4],
    [10000, 1],
    [NaN, 1],
  ])("formatPeriod(%d, %d) throws invalidValue", (year, quarter) => {
    expect(caught(() => formatPeriod(year, quarter)).kind).toBe("invalidValue");
  });

  test.each(["2026q1", "2026Q5", "2026Q0", "Q1 2026", "26Q1", "", " 2026Q1", "0001Q1"])(
    "splitPeriod(%j) rejects a non-canonical key",
    (key) => {
      const error = caught(() => splitPeriod(key));
      expect(error.kind).toBe("invalidValue");
      expect(error.message).toContain("2026Q1");
    },
  );

  test.each([
    ["2026Q1", -1, "2025Q4"],
    ["2026Q1", -4, "2025Q1"],
    ["2026Q1", -5, "2024Q4"],
    ["2026Q1", 0, "2026Q1"],
    ["2026Q1", 3, "2026Q4"],
    ["2025Q4", 1, "2026Q1"],
    ["2025Q4", -3, "2025Q1"],
    ["2025Q1", -1, "2024Q4"],
    ["2024Q4", 5, "2026Q1"],
    ["2026Q2", -9, "2024Q1"],
    ["2000Q1", -1, "1999Q4"],
  ])("shiftPeriod(%s, %d) -> %s", (key, quarters, expected) => {
    expect(shiftPeriod(key, quarters)).toBe(expected);
  });

  test.each([
    ["1900Q1", -1],
    ["9999Q4", 1],
    ["2026Q1", 0.5],
    ["Q1 2026", 1],
  ])("shiftPeriod(%s, %d) throws invalidValue", (key, quarters) => {
    expect(caught(() => shiftPeriod(key, quarters)).kind).toBe("invalidValue");
  });

  test("comparePeriods sorts oldest first, across year ends", () => {
    const keys = ["2026Q1", "2025Q4", "2024Q4", "2025Q1", "2025Q2"];
    expect(keys.slice().sort(comparePeriods)).toEqual(["2024Q4", "2025Q1", "2025Q2", "2025Q4", "2026Q1"]);
    expect(comparePeriods("2025Q4", "2025Q4")).toBe(0);
    expect(Math.sign(comparePeriods("2025Q4", "2026Q1"))).toBe(-1);
    expect(Math.sign(comparePeriods("2026Q1", "2025Q4"))).toBe(1);
  });

  test.each([
    [["2026Q1", "2025Q1", "2025Q4"], "2025Q1, 2025Q4, 2026Q1"],
    [["2026Q1"], "2026Q1"],
    [["2026Q1", "2026Q1", "2025Q4"], "2025Q4, 2026Q1"],
    [[], "none"],
  ])("describeAvailable(%j) -> %j", (periods, expected) => {
    const input = periods.slice();
    expect(describeAvailable(periods)).toBe(expected);
    expect(periods).toEqual(input); // not sorted in place
  });
});

describe("quarter-end dates", () => {
  test.each([
    [2026, 3, 31, "2026Q1"],
    [2026, 6, 30, "2026Q2"],
    [2026, 9, 30, "2026Q3"],
    [2025, 12, 31, "2025Q4"],
  ])("quarterEndingOn(%d, %d, %d) -> %s", (year, month, day, key) => {
    expect(quarterEndingOn(year, month, day)).toBe(key);
    expect(quarterEndDate(key)).toBe(`${year}-${String(month).padStart(2, "0")}-${day}`);
  });

  test.each([
    [2026, 3, 30],
    [2026, 6, 31], // not a date
    [2026, 4, 30],
    [2026, 12, 30],
    [2026, 1, 31],
    [2026, 13, 31],
    [2026, 0, 31],
  ])("quarterEndingOn(%d, %d, %d) -> null", (year, month, day) => {
    expect(quarterEndingOn(year, month, day)).toBeNull();
  });

  test.each([
    ["Mar 31, 2025", { year: 2025, month: 3, day: 31 }],
    ["Dec 31, 2025", { year: 2025, month: 12, day: 31 }],
    ["Mar 31, 2026", { year: 2026, month: 3, day: 31 }],
    ["March 31, 2026", { year: 2026, month: 3, day: 31 }],
    ["march 31 2026", { year: 2026, month: 3, day: 31 }],
    ["DECEMBER 31,2025", { year: 2025, month: 12, day: 31 }],
    ["  Sep 30, 2025  ", { year: 2025, month: 9, day: 30 }],
    ["Sept. 30, 2025", { year: 2025, month: 9, day: 30 }],
    ["Feb 29, 2024", { year: 2024, month: 2, day: 29 }],
    ["Jun 1, 2026", { year: 2026, month: 6, day: 1 }],
  ])("parseMonthDayYear(%j)", (text, expected) => {
    expect(parseMonthDayYear(text)).toEqual(expected);
  });

  test.each([
    "",
    "Mar 2026",
    "Mar 32, 2026",
    "Feb 29, 2025",
    "Foo 31, 2026",
    "Ma 31, 2026",
    "Mar 31, 26",
    "Mar 312026",
    "31 Mar 2026",
    "2026-03-31",
    "Three months ended Mar 31, 2026",
  ])("parseMonthDayYear(%j) -> null", (text) => {
    expect(parseMonthDayYear(text)).toBeNull();
  });
});

describe("resolvePeriod: accepted forms", () => {
  test.each([
    // canonical and quarter/year orders
    ["2026Q1", "2026Q1"],
    ["2026q1", "2026Q1"],
    ["Q1 2026", "2026Q1"],
    ["q1 2026", "2026Q1"],
    ["2026 Q1", "2026Q1"],
    ["2026 q1", "2026Q1"],
    ["Q1-2026", "2026Q1"],
    ["q1-2026", "2026Q1"],
    ["1Q26", "2026Q1"],
    ["1q26", "2026Q1"],
    ["1Q2026", "2026Q1"],
    ["FY2026Q1", "2026Q1"],
    ["fy2026q1", "2026Q1"],
    ["Fy2026Q1", "2026Q1"],
    ["2026-Q1", "2026Q1"],
    ["2026-q1", "2026Q1"],
    ["2025Q4", "2025Q4"],
    ["Q4 2025", "2025Q4"],
    ["4Q25", "2025Q4"],
    ["Q2 2025", "2025Q2"],
    ["3q2025", "2025Q3"],
    ["Q1 26", "2026Q1"],
    // quarter-end dates
    ["2026-03-31", "2026Q1"],
    ["2025-12-31", "2025Q4"],
    ["2025-06-30", "2025Q2"],
    ["2025-09-30", "2025Q3"],
    ["Mar 31, 2026", "2026Q1"],
    ["mar 31, 2026", "2026Q1"],
    ["MAR 31 2026", "2026Q1"],
    ["March 31, 2026", "2026Q1"],
    ["MARCH 31, 2026", "2026Q1"],
    ["Dec 31, 2025", "2025Q4"],
    ["December 31, 2025", "2025Q4"],
    ["3/31/2026", "2026Q1"],
    ["03/31/2026", "2026Q1"],
    ["12/31/2025", "2025Q4"],
    ["3/31/26", "2026Q1"],
    // relative to latest = 2026Q1
    ["FQ0", "2026Q1"],
    ["fq0", "2026Q1"],
    ["FQ-1", "2025Q4"],
    ["fq-1", "2025Q4"],
    ["FQ-4", "2025Q1"],
    ["FQ-5", "2024Q4"],
    ["LATEST", "2026Q1"],
    ["latest", "2026Q1"],
    ["Latest", "2026Q1"],
    // surrounding whitespace
    ["  2026Q1  ", "2026Q1"],
    ["\t Q1 2026\n", "2026Q1"],
    [" fq-1 ", "2025Q4"],
    ["\u00a02026-03-31\u00a0", "2026Q1"],
  ])("%j -> %s", (input, expected) => {
    expect(resolvePeriod(input, LATEST)).toBe(expected);
    // Second call goes through the cache and must agree.
    expect(resolvePeriod(input, LATEST)).toBe(expected);
  });

  test("relative forms follow the latest period passed in, even for cached inputs", () => {
    expect(resolvePeriod("FQ-1", "2026Q1")).toBe("2025Q4");
    expect(resolvePeriod("FQ-1", "2025Q4")).toBe("2025Q3");
    expect(resolvePeriod("FQ0", "2025Q4")).toBe("2025Q4");
    expect(resolvePeriod("LATEST", "2024Q2")).toBe("2024Q2");
    expect(resolvePeriod("FQ-4", "2025Q4")).toBe("2024Q4");
    expect(resolvePeriod("FQ-1", "2026Q1")).toBe("2025Q4");
  });

  test("a relative form reaching before 1900 is invalidValue", () => {
    const error = caught(() => resolvePeriod("FQ-999", "1901Q1"));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain("'FQ-999'");
  });

  test("a malformed latest is reported, not silently used", () => {
    expect(caught(() => resolvePeriod("FQ-1", "Q1 2026")).kind).toBe("invalidValue");
  });

  test("absolute forms do not depend on latest", () => {
    expect(resolvePeriod("2024Q2", "2026Q1")).toBe("2024Q2");
    expect(resolvePeriod("2030Q3", "2026Q1")).toBe("2030Q3"); // availability is the caller's concern
  });
});

describe("resolvePeriod: Excel date serials", () => {
  test("the independent serial helper agrees with known Excel values", () => {
    expect(excelSerial(2026, 3, 31)).toBe(46112);
    expect(excelSerial(2025, 12, 31)).toBe(46022);
    expect(excelSerial(1900, 3, 1)).toBe(61);
  });

  test.each([
    [46112, "2026Q1"], // 2026-03-31
    [46022, "2025Q4"], // 2025-12-31
    [excelSerial(2025, 3, 31), "2025Q1"],
    [excelSerial(2025, 6, 30), "2025Q2"],
    [excelSerial(2025, 9, 30), "2025Q3"],
    [excelSerial(2024, 12, 31), "2024Q4"],
    [excelSerial(2000, 3, 31), "2000Q1"],
    [excelSerial(1900, 3, 31), "1900Q1"],
    [excelSerial(9999, 12, 31), "9999Q4"],
    [46112.75, "2026Q1"], // a date-time on the quarter end: the time of day is ignored
  ])("serial %d -> %s", (serial, expected) => {
    expect(resolvePeriod(serial, LATEST)).toBe(expected);
    expect(resolvePeriod(serial, LATEST)).toBe(expected);
  });

  test("every quarter end from 1900 to 2100 resolves, and the day before each does not", () => {
    for (let year = 1900; year <= 2100; year++) {
      for (const [month, day, quarter] of [
        [3, 31, 1],
        [6, 30, 2],
        [9, 30, 3],
        [12, 31, 4],
      ]) {
        const serial = excelSerial(year, month, day);
        expect(resolvePeriod(serial, LATEST)).toBe(`${year}Q${quarter}`);
        const before = caught(() => resolvePeriod(serial - 1, LATEST));
        expect(before.message).toContain(
          `${year}-${String(month).padStart(2, "0")}-${day - 1} is not a quarter-end date`,
        );
      }
    }
  });

  test.each([
    [46111, "2026-03-30"],
    [excelSerial(2026, 2, 15), "2026-02-15"],
    [excelSerial(2026, 4, 1), "2026-04-01"],
    [1, "1900-01-01"], // serial 1 is 1900-01-01
    [59, "1900-02-28"], // last serial before Excel's fictitious 1900-02-29
    [61, "1900-03-01"],
    [2026, "1905-07-18"], // a year typed as a number is a date serial, not a year
  ])("serial %d (%s) is not a quarter end", (serial, iso) => {
    const error = caught(() => resolvePeriod(serial, LATEST));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain(`'${serial}'`);
    expect(error.message).toContain(`${iso} is not a quarter-end date`);
    expect(error.message).toContain(ACCEPTED);
  });

  test("serial 0 is what desktop Excel passes for an empty cell: invalidValue, saying so", () => {
    expect(caught(() => resolvePeriod(0, LATEST)).message).toBe(`Period is 0, which is what desktop Excel passes for an empty cell: fill in the period. ${ACCEPTED}`);
  });

  test.each([-1, 60, 2958466, NaN, Infinity, -Infinity])("serial %d is not a date: invalidValue", (serial) => {
    const error = caught(() => resolvePeriod(serial, LATEST));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toBe(`Period '${String(serial)}' is not valid. ${ACCEPTED}`);
  });
});

describe("resolvePeriod: rejected input", () => {
  test.each([
    ["Q5 2026"],
    ["Q0 2026"],
    ["2026Q5"],
    ["2026Q0"],
    ["5Q26"],
    ["0Q2026"],
    ["FY2026Q5"],
    ["2026-Q0"],
    ["2026-13-31"],
    ["13/31/2026"],
    ["2026-02-30"],
    ["2/30/2026"],
    ["Mar 32, 2026"],
    ["Foo 31, 2026"],
    ["2026"],
    ["26Q1"],
    ["Q12026"],
    ["Q1 026"],
    ["FQ1"],
    ["FQ+1"],
    ["FQ-1000"],
    ["LAST"],
    ["46112"],
    ["2026Q1 2026Q2"],
    ["hello"],
  ])("%j is invalidValue with the accepted forms", (input) => {
    const error = caught(() => resolvePeriod(input, LATEST));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toBe(`Period '${input}' is not valid. ${ACCEPTED}`);
    // Cached failures throw the same message again, as a fresh error.
    const again = caught(() => resolvePeriod(input, LATEST));
    expect(again.message).toBe(error.message);
    expect(again).not.toBe(error);
  });

  test.each([
    ["FY2026", 2026],
    ["fy 26", 2026],
    [" CY2025 ", 2025],
  ])("%j is a full year: invalidValue naming the quarters to add", (input, year) => {
    const error = caught(() => resolvePeriod(input, LATEST));
    expect(error.kind).toBe("invalidValue");
    expect(error.key).toBe("periodYear");
    expect(error.message).toContain(`${year}Q1 to ${year}Q4`);
    expect(error.message).toContain(`FY${year} column of the Forecast sheet`);
  });

  test("the example message from the spec", () => {
    expect(caught(() => resolvePeriod("Q5 2026", LATEST)).message).toBe(
      "Period 'Q5 2026' is not valid. Type a quarter such as 2026Q1, Q1 2026, 1Q26, 2026-03-31, or FQ0 (latest), FQ-1.",
    );
  });

  test.each([
    ["2026-03-30", "2026-03-30"],
    ["2/15/2026", "2026-02-15"],
    ["Mar 30, 2026", "2026-03-30"],
    ["June 1, 2026", "2026-06-01"],
    ["12/30/25", "2025-12-30"],
    ["2025-12-1", "2025-12-01"],
  ])("%j is a date but not a quarter end", (input, iso) => {
    const error = caught(() => resolvePeriod(input, LATEST));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain(`'${input}'`);
    expect(error.message).toContain(`${iso} is not a quarter-end date`);
    expect(error.message).toContain(ACCEPTED);
    expect(error.message).not.toMatch(/[\r\n]/);
  });

  test.each([
    ["empty string", "", "Period is empty."],
    ["whitespace only", "   ", "Period is empty."],
    ["null", null, "Period is missing."],
    ["undefined", undefined, "Period is missing."],
    ["TRUE", true, "Period 'TRUE' is not valid."],
    ["FALSE", false, "Period 'FALSE' is not valid."],
    ["a range", [["2026Q1"]], "not a range"],
    ["an empty array", [], "not a range"],
    ["an object", { period: "2026Q1" }, "is not valid."],
  ])("%s is invalidValue", (_label, input, fragment) => {
    const error = caught(() => resolvePeriod(input, LATEST));
    expect(error.kind).toBe("invalidValue");
    expect(error.message).toContain(fragment);
    expect(error.message).toContain(ACCEPTED);
  });

  test("a string over 100 characters is rejected and quoted truncated to about 40 characters", () => {
    const long = "2026Q1".padEnd(101, "x");
    const error = caught(() => resolvePeriod(long, LATEST));
    expect(error.kind).toBe("invalidValue");
    const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? "";
    expect(quoted.length).toBeLessThanOrEqual(40);
    expect(quoted.startsWith("2026Q1xxx")).toBe(true);
    expect(quoted.endsWith("...")).toBe(true);
    expect(error.message).toContain(ACCEPTED);
    // exactly 100 characters is still parsed (and rejected for its content, not its length)
    expect(caught(() => resolvePeriod("x".repeat(100), LATEST)).message).not.toContain("longer than");
  });

  test("a long malformed input is quoted truncated, and multi-line input stays on one line", () => {
    const input = "this is certainly not a period key at all, no";
    const error = caught(() => resolvePeriod(input, LATEST));
    expect(error.message).toBe(`Period '${input.slice(0, 37)}...' is not valid. ${ACCEPTED}`);
    const multiLine = caught(() => resolvePeriod("Q5\n2026\r\n", LATEST));
    expect(multiLine.message).not.toMatch(/[\r\n]/);
    expect(multiLine.message).toContain("'Q5 2026  '");
  });
});

describe("resolvePeriod: cache", () => {
  test("stays correct after more distinct inputs than the cache holds", () => {
    for (let i = 0; i < 3000; i++) {
      const year = 1900 + (i % 1000);
      const quarter = 1 + (i % 4);
      const input = i % 2 === 0 ? `${year}Q${quarter}` : ` Q${quarter} ${year} `;
      expect(resolvePeriod(input, LATEST)).toBe(`${year}Q${quarter}`);
    }
    expect(resolvePeriod("FQ-1", LATEST)).toBe("2025Q4");
    expect(resolvePeriod(46112, LATEST)).toBe("2026Q1");
  });
});
