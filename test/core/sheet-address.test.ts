/** The one module of A1 addresses and sheet names: every rule Excel has for them, as tables. */
import {
  a1,
  absoluteA1,
  columnIndex,
  columnName,
  isValidSheetName,
  parseA1,
  parseBlock,
  qualifiedA1,
  quoteSheetName,
  renameSheetReferences,
  roomFor,
  sheetPrefix,
  uniqueSheetName,
  uniqueSheetNames,
} from "../../src/core";

describe("columns", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %d is %s, and back", (index, letters) => {
    expect(columnName(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
    expect(columnIndex(letters.toLowerCase())).toBe(index);
  });
});

describe("cells and blocks", () => {
  test.each([
    [[0, 0], "A1"],
    [[1, 1, 1, 1], "B2"],
    [[1, 1, 4, 3], "B2:D5"],
    [[1048575, 16383], "XFD1048576"],
  ])("%j is %s", (args, text) => {
    expect(a1(...(args as [number, number, number?, number?]))).toBe(text);
  });

  test("absolute and parsed forms", () => {
    expect(absoluteA1(53, 1)).toBe("$B$54");
    expect(parseA1("$B$54")).toEqual({ row: 53, col: 1 });
    expect(parseA1("Sheet1!C3:D9")).toEqual({ row: 2, col: 2 });
    expect(() => parseA1("Sheet1!R1C1")).toThrow(/Not a cell address/);
  });

  test.each([
    ["Sheet1!B2:D5", { sheet: "Sheet1", row: 1, col: 1, rows: 4, cols: 3 }],
    ["'KC IS'!C7", { sheet: "KC IS", row: 6, col: 2, rows: 1, cols: 1 }],
    ["'O''Brien'!$A$1:$B$2", { sheet: "O'Brien", row: 0, col: 0, rows: 2, cols: 2 }],
  ])("parseBlock(%s)", (text, block) => {
    expect(parseBlock(text)).toEqual(block);
    expect(parseBlock(qualifiedA1(block))).toEqual(block);
  });

  test("parseBlock refuses what is not a sheet-qualified address", () => {
    expect(() => parseBlock("B2")).toThrow(/sheet-qualified/);
    expect(() => parseBlock("Sheet1!")).toThrow(/sheet-qualified/);
  });

  test("room on the sheet", () => {
    expect(roomFor({ sheet: "S", row: 0, col: 0, rows: 10, cols: 10 })).toEqual({ rows: 10, cols: 10, fits: true });
    expect(roomFor({ sheet: "S", row: 1048570, col: 16380, rows: 10, cols: 10 })).toEqual({ rows: 6, cols: 4, fits: false });
  });
});

describe("sheet names in references", () => {
  test.each([
    ["IS", "IS"],
    ["Scenario", "Scenario"],
    ["Sheet_1", "Sheet_1"],
    ["Non-GAAP", "'Non-GAAP'"],
    ["KC IS", "'KC IS'"],
    ["AB12", "'AB12'"], // a cell address
    ["R", "'R'"], // R1C1 references
    ["C", "'C'"],
    ["R1C1", "'R1C1'"],
    ["c12", "'c12'"],
    ["2026Q1", "'2026Q1'"], // starts with a digit
    ["TRUE", "'TRUE'"],
    ["Sheet.1", "'Sheet.1'"],
    ["O'Brien", "'O''Brien'"],
  ])("%s is written %s", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
    expect(sheetPrefix(name)).toBe(`${quoted}!`);
    expect(parseBlock(`${quoted}!C7`).sheet).toBe(name);
  });

  test("renameSheetReferences moves quoted and bare references, and re-quotes as needed", () => {
    const renamed = renameSheetReferences("IS!C7+'Non-GAAP'!D9-Ratios!C2", (n) => ({ IS: "KC IS", "Non-GAAP": "Bridges" })[n] ?? n);
    expect(renamed).toBe("'KC IS'!C7+Bridges!D9-Ratios!C2");
  });
});

describe("names Excel accepts", () => {
  test.each([
    ["KC IS", true],
    ["", false],
    ["x".repeat(31), true],
    ["x".repeat(32), false],
    ["a/b", false],
    ["a[b]", false],
    ["what?", false],
    ["'quoted", false],
    ["History", false],
  ])("%j: %s", (name, ok) => {
    expect(isValidSheetName(name)).toBe(ok);
  });

  test("a free name is the wanted one, or it with the first free suffix, within 31 characters", () => {
    expect(uniqueSheetName("KC IS", ["Sheet1"])).toBe("KC IS");
    expect(uniqueSheetName("KC IS", ["kc is", "KC IS (2)"])).toBe("KC IS (3)");
    const long = "x".repeat(31);
    expect(uniqueSheetName(long, [long])).toBe(`${"x".repeat(27)} (2)`);
  });

  test("a set of names gets one suffix for all of them when any is taken", () => {
    expect(uniqueSheetNames(["IS", "BS"], ["KC BS"], "KC ")).toEqual({ IS: "KC IS (2)", BS: "KC BS (2)" });
    expect(uniqueSheetNames(["IS", "BS"], [], "KC ")).toEqual({ IS: "KC IS", BS: "KC BS" });
  });
});
