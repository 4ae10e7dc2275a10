/**
 * Build model's scenario block (KC.METRIC reading the yellow inputs as its overrides range) in the preview's workbook,
 * with the KC functions seeing empty cells as Excel on the web does (null) and as desktop Excel does (0). Its value
 * cells always hold the input and its metric cells switch each override on, so both hosts compute the same figures
 * as the native scenario formulas beside them, whatever the user types or clears. Figures from the filing: public
 * cloud services 1,996,301 (line 231), enterprise cloud services 707,431 (232), total revenues 2,703,732 (233), cost of
 * revenues -2,357,984 (234), gross profit 345,748 (235).
 */
import { parseBlock } from "../../src/core";
import type { BlankCells } from "../../src/dev/hyperformula-kc";
import { GridWorkbook } from "../../src/dev/preview/grid";
import { buildModel } from "../../src/taskpane/actions/build-model";
import { engine } from "../helpers/engine";

describe.each<[BlankCells]>([["web"], ["desktop"]])("the scenario block, empty cells as Excel %s passes them", (blanks) => {
  let grid: GridWorkbook;
  let plan: Awaited<ReturnType<typeof buildModel>>;
  const at = (ref: string) => {
    const block = parseBlock(ref.includes("!") ? ref : `'${plan.scenario.sheet}'!${ref}`);
    return { sheet: grid.sheetId(block.sheet!), row: block.row, col: block.col };
  };
  const value = (ref: string) => grid.engine.getCellValue(at(ref));
  const type = (ref: string, content: number | null) => grid.engine.setCellContents(at(ref), [[content]]);
  /** The overrides block's metric cells, in input order (the switch of each override). */
  const switches = () => {
    const range = parseBlock(plan.scenario.overrides);
    return Array.from({ length: range.rows }, (_, i) => grid.engine.getCellValue({ sheet: grid.sheetId(range.sheet!), row: range.row + i, col: range.col }));
  };
  const kcAndNative = (metric: string) => {
    const kc = plan.scenario.kc[metric];
    const native = at(kc);
    return [value(kc), grid.engine.getCellValue({ ...native, col: native.col + 1 })];
  };

  beforeAll(async () => {
    grid = new GridWorkbook("Sheet1", { blanks });
    plan = await buildModel(engine, grid);
  });

  test("as built, no override is on: every metric cell is blank and KC.METRIC gives the reported figures", () => {
    expect(switches().every((v) => v === "")).toBe(true);
    expect(kcAndNative("GrossProfit")).toEqual([345748, 345748]);
  });

  test("an input typed over switches its override on, and KC.METRIC moves with the native formula", () => {
    type(plan.scenario.inputs.PublicCloudRevenues, 1996301 + 100000);
    expect(switches()[0]).toBe("PublicCloudRevenues");
    expect(kcAndNative("GrossProfit")).toEqual([345748 + 100000, 345748 + 100000]);
    const [kcMargin, nativeMargin] = kcAndNative("GrossMargin") as number[];
    expect(kcMargin).toBeCloseTo((345748 + 100000) / (2703732 + 100000), 9); // the preview rounds what it shows to 10 digits
    expect(nativeMargin).toBeCloseTo(kcMargin, 9);
  });

  test("the reported figure typed back switches it off again", () => {
    type(plan.scenario.inputs.PublicCloudRevenues, 1996301);
    expect(switches()[0]).toBe("");
    expect(kcAndNative("GrossProfit")).toEqual([345748, 345748]);
  });

  test("an input cleared is 0 in the native formulas and, through its value cell, in KC.METRIC too", () => {
    type(plan.scenario.inputs.PublicCloudRevenues, null);
    expect(switches()[0]).toBe("PublicCloudRevenues");
    expect(kcAndNative("GrossProfit")).toEqual([0 + 707431 - 2357984, 0 + 707431 - 2357984]);
    type(plan.scenario.inputs.PublicCloudRevenues, 1996301);
  });
});
