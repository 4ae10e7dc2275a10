/**
 * Date serials in both of Excel's date systems. In the 1900 system serial 46112 is 2026-03-31; in the 1904 system
 * (serial 0 = 1904-01-01) the same day is 46112 - 1462 = 44650. The engine reads serials in the date system its entry
 * point sets (the add-in reads the workbook's); read in the wrong one, a quarter end is never a quarter end, and the
 * message says which system would make it one.
 */
import { createEngine } from "../../src/core";
import { PeriodReader, resolvePeriod } from "../../src/core/periods";
import { DATASET } from "../../src/data/dataset.generated";
import { caught } from "../helpers/caught";

const DAY = 86_400_000;
/** Serials worked out from the calendar (JavaScript's Date), not from the code under test. */
const serial1900 = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / DAY;
const serial1904 = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1904, 0, 1)) / DAY;

describe("the two date systems", () => {
  test("2026-03-31 is 46112 in the 1900 system and 44650 in the 1904 system", () => {
    expect([serial1900(2026, 3, 31), serial1904(2026, 3, 31)]).toEqual([46112, 44650]);
    expect(resolvePeriod(46112, "2026Q1")).toBe("2026Q1");
    expect(resolvePeriod(44650, "2026Q1", 1904)).toBe("2026Q1");
    expect(resolvePeriod(0.75 + 44650, "2026Q1", 1904)).toBe("2026Q1"); // a time of day is ignored
  });

  test("every quarter end from 1904 to 2100 resolves in its own system and never in the other", () => {
    const r1900 = new PeriodReader("2026Q1", 1900);
    const r1904 = new PeriodReader("2026Q1", 1904);
    for (let year = 1904; year <= 2100; year++) {
      for (const [month, day, quarter] of [[3, 31, 1], [6, 30, 2], [9, 30, 3], [12, 31, 4]]) {
        const key = `${year}Q${quarter}`;
        expect(r1900.resolve(serial1900(year, month, day))).toBe(key);
        expect(r1904.resolve(serial1904(year, month, day))).toBe(key);
        // Read in the other system, the serial is a day off a quarter end: refused, pointing at the right system.
        expect(caught(() => r1900.resolve(serial1904(year, month, day))).key).toBe("periodSerialOtherSystem");
        expect(caught(() => r1904.resolve(serial1900(year, month, day))).key).toBe("periodSerialOtherSystem");
      }
    }
  });

  test("a 1904 quarter end read in the 1900 system says the workbook may use the 1904 system", () => {
    const error = caught(() => resolvePeriod(44650, "2026Q1"));
    expect(error.message).toBe(
      "Period '44650' (Excel date 2022-03-30 in the 1900 date system) is not valid: 2022-03-30 is not a quarter-end date (quarters end on Mar 31, Jun 30, Sep 30 and Dec 31). " +
        'In the 1904 date system, which this workbook may use (File > Options > Advanced), it is 2026-03-31, the end of 2026Q1: if so, type the period as text, such as "2026Q1". ' +
        "Type a quarter such as 2026Q1, Q1 2026, 1Q26, 2026-03-31, or FQ0 (latest), FQ-1.",
    );
  });

  test("and the other way round (46112 in the 1904 system is 2030-04-01)", () => {
    expect(caught(() => resolvePeriod(46112, "2026Q1", 1904)).message).toMatch(/^Period '46112' \(Excel date 2030-04-01 in the 1904 date system\) is not valid: .* In the 1900 date system, .* it is 2026-03-31, the end of 2026Q1/);
  });

  test("a date that is no quarter end in either system keeps the plain message", () => {
    expect(caught(() => resolvePeriod(serial1900(2026, 2, 14), "2026Q1")).key).toBe("periodSerialNotQuarterEnd");
    expect(caught(() => resolvePeriod(serial1904(2026, 2, 14), "2026Q1", 1904)).key).toBe("periodSerialNotQuarterEnd");
  });

  test("the 1904 system's limits: 0 is desktop's empty cell; before 1904-01-01 and after 9999-12-31 no date", () => {
    expect(caught(() => resolvePeriod(0, "2026Q1", 1904)).key).toBe("periodZero");
    expect(caught(() => resolvePeriod(-1, "2026Q1", 1904)).key).toBe("periodInvalid");
    expect(resolvePeriod(serial1904(9999, 12, 31), "2026Q1", 1904)).toBe("9999Q4");
    expect(caught(() => resolvePeriod(serial1904(9999, 12, 31) + 1, "2026Q1", 1904)).key).toBe("periodInvalid");
  });
});

describe("the engine's date system is set by its entry point", () => {
  test("an engine made for a 1904 workbook reads its date cells (total revenues 2,703,732, line 233)", () => {
    const engine = createEngine(DATASET, { dateSystem: 1904 });
    expect(engine.dateSystem).toBe(1904);
    expect(engine.excel.metric("TotalRevenues", 44650)).toBe(2703732);
    expect(engine.resolvePeriod(44650)).toEqual({ ok: true, value: "2026Q1" });
  });

  test("useDateSystem: learned after the start, with no result of the old system kept in a cache", () => {
    const engine = createEngine(DATASET);
    expect(caught(() => engine.excel.metric("TotalRevenues", 44650)).key).toBe("periodSerialOtherSystem");
    engine.useDateSystem(1904);
    expect(engine.excel.metric("TotalRevenues", 44650)).toBe(2703732);
    expect(caught(() => engine.excel.metric("TotalRevenues", 46112)).key).toBe("periodSerialOtherSystem");
    engine.useDateSystem(1900);
    expect(engine.excel.metric("TotalRevenues", 46112)).toBe(2703732);
  });
});
