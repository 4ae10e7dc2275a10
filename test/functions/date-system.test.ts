/**
 * The workbook's date system: read from Excel once when the add-in starts (learnDateSystem, against office-addin-mock:
 * DATE(1904,1,1) is 0 in a 1904 workbook and 1462 in a 1900 one), and date cells of a 1904 workbook in a real formula
 * engine (HyperFormula counting from 1904-01-01, as Excel does in such a workbook). Total revenues 2026Q1: 2,703,732
 * (line 233 of the filing).
 */
import { OfficeMockObject } from "office-addin-mock";
import { createEngine } from "../../src/core";
import { DATASET } from "../../src/data/dataset.generated";
import { kcEngine } from "../../src/dev/hyperformula-kc";
import { DateSystemHost, learnDateSystem } from "../../src/functions/date-system";

/** An Excel whose workbook evaluates DATE(1904,1,1) to `serial`, recording what the code asked of it. */
function excel(serial: number, options: { sets?: boolean; failSync?: boolean } = {}) {
  const asked: string[] = [];
  // The function's result lives in the mock's tree (office-addin-mock loads and syncs only what is in it).
  const mock: OfficeMockObject & { result?: OfficeMockObject } = new OfficeMockObject({
    result: { value: serial },
    workbook: {
      functions: {
        date: (year: number, month: number, day: number) => {
          asked.push(`DATE(${year},${month},${day})`);
          return mock.result;
        },
      },
      application: { calculate: (type: string) => asked.push(`calculate ${type}`) },
    },
  });
  const context = mock as unknown as Excel.RequestContext;
  if (options.failSync) (context as unknown as { sync: () => Promise<void> }).sync = () => Promise.reject(new Error("GeneralException"));
  const host: DateSystemHost = {
    run: (batch) => batch(context),
    isSetSupported: (name, version) => (options.sets ?? true) && name === "ExcelApi" && version === "1.2",
  };
  return { host, asked };
}

describe("learnDateSystem: the workbook's date system, asked of Excel once", () => {
  test("a 1904 workbook: the engine reads serials in 1904 from then on, and Excel recalculates", async () => {
    const engine = createEngine(DATASET);
    const { host, asked } = excel(0);
    expect(await learnDateSystem(engine, host)).toBe(1904);
    expect(asked).toEqual(["DATE(1904,1,1)", "calculate Full"]);
    expect(engine.excel.metric("TotalRevenues", 44650)).toBe(2703732);
  });

  test("a 1900 workbook: nothing changes, nothing is recalculated", async () => {
    const engine = createEngine(DATASET);
    const { host, asked } = excel(1462);
    expect(await learnDateSystem(engine, host)).toBe(1900);
    expect(asked).toEqual(["DATE(1904,1,1)"]);
    expect(engine.excel.metric("TotalRevenues", 46112)).toBe(2703732);
  });

  test.each([
    ["an Excel without ExcelApi 1.2", { sets: false }],
    ["a failed sync", { failSync: true }],
  ])("%s: the engine stays on 1900 and a 1904 serial's message says the workbook may use 1904", async (_, options) => {
    const engine = createEngine(DATASET);
    const { host } = excel(0, options);
    expect(await learnDateSystem(engine, host)).toBeNull();
    expect(engine.dateSystem).toBe(1900);
    expect(() => engine.excel.metric("TotalRevenues", 44650)).toThrow(/In the 1904 date system, which this workbook may use .* the end of 2026Q1/);
  });

  test("an answer that is neither system's is not trusted", async () => {
    const engine = createEngine(DATASET);
    expect(await learnDateSystem(engine, excel(1461).host)).toBeNull();
    expect(engine.dateSystem).toBe(1900);
  });
});

describe("date cells of a 1904 workbook in a formula engine", () => {
  test("DATE(2026,3,31) is 44650 there, and the KC functions read it as 2026Q1", () => {
    const hf = kcEngine({ S: [[null, null]] }, { dateSystem: 1904 });
    hf.setCellContents({ sheet: 0, row: 0, col: 0 }, [["=DATE(2026,3,31)", '=KC.METRIC("TotalRevenues",A1)']]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(44650);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(2703732);
  });

  test("the same workbook in the 1900 system (the date system left unread): refused, naming the 1904 system", () => {
    const hf = kcEngine({ S: [[44650, null]] });
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [['=KC.METRIC("TotalRevenues",A1)']]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toMatchObject({ value: "#VALUE!", message: expect.stringContaining("In the 1904 date system, which this workbook may use") });
  });
});
