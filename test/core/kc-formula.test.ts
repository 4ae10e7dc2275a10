/** The one module of KC formula text: making a call's text, reading a call, and telling a whole KC call from a mention. */
import { FormulaSyntaxError, kcFormula, kcFunctionName, mentionsKcCall, parseCall, wholeKcCall } from "../../src/core";

describe("kcFormula", () => {
  test.each([
    [["METRIC", ["AdjustedEBITDA", "2026Q1"]], '=KC.METRIC("AdjustedEBITDA","2026Q1")'],
    [["METRIC", ["AdjustedEBITDA", "2026Q1", "USD"]], '=KC.METRIC("AdjustedEBITDA","2026Q1","USD")'],
    [["METRIC", ["GrossMargin", "2026Q1", null, null, { ref: "$B$54:$C$61" }]], '=KC.METRIC("GrossMargin","2026Q1",,,$B$54:$C$61)'],
    [["STATEMENT", ["IS", null, "USD"]], '=KC.STATEMENT("IS",,"USD")'],
    [["STATEMENT", ["IS", null, null]], '=KC.STATEMENT("IS")'],
    [["SOURCE", ['say "hi"', 2026, true]], '=KC.SOURCE("say ""hi""",2026,TRUE)'],
    [["checks", []], "=KC.CHECKS()"],
  ])("%j is %s, and reads back", (args, text) => {
    const [name, list] = args as [string, Parameters<typeof kcFormula>[1]];
    expect(kcFormula(name, list)).toBe(text);
    expect(wholeKcCall(text)).not.toBeNull();
  });
});

describe("parseCall: literal arguments (kc eval)", () => {
  test.each([
    ['=KC.METRIC("AdjustedEBITDA","2026Q1")', { name: "KC.METRIC", args: ["AdjustedEBITDA", "2026Q1"] }],
    ['KC.GROWTH("NetLoss","2026Q1",,{"TotalRevenues",3000000;"CostOfRevenues",-2400000})', { name: "KC.GROWTH", args: ["NetLoss", "2026Q1", null, [["TotalRevenues", 3000000], ["CostOfRevenues", -2400000]]] }],
    ['  = kc.source ( "a""b" , 1.5e3 , true , FALSE , -.25 , 12% )  ', { name: "kc.source", args: ['a"b', 1500, true, false, -0.25, 0.12] }],
    ["=KC.CHECKS()", { name: "KC.CHECKS", args: [] }],
    ['=KC.METRIC(,"x",)', { name: "KC.METRIC", args: [null, "x", null] }],
    ['=KC.STATEMENT("IS",{"2025Q1","2026Q1"})', { name: "KC.STATEMENT", args: ["IS", [["2025Q1", "2026Q1"]]] }],
  ])("%s", (formula, expected) => {
    expect(parseCall(formula)).toEqual(expected);
  });

  test.each([
    ['=KC.METRIC("AdjustedEBITDA","2026Q1"', /missing '\)'/],
    ['=KC.METRIC("AdjustedEBITDA', /unterminated string/],
    ["=KC.METRIC(A1)", /unexpected 'A'/],
    ["=KC.METRIC({1,2;3})", /different lengths/],
    ["=KC.METRIC({1,})", /unexpected '}'/],
    ["=(1)", /function name/],
    ["=KC.METRIC(1) + 1", /after the closing/],
    ["=KC.METRIC(KC.PERIODS())", /unexpected 'K'/],
  ])("rejects %s", (formula, message) => {
    expect(() => parseCall(formula)).toThrow(FormulaSyntaxError);
    expect(() => parseCall(formula)).toThrow(message);
  });

  test("function names in the KC namespace", () => {
    expect(kcFunctionName("kc.metric")).toBe("METRIC");
    expect(kcFunctionName("SUM")).toBeNull();
    expect(kcFunctionName("KC.A.B")).toBeNull();
    expect(kcFunctionName("XKC.METRIC")).toBeNull();
  });
});

describe("whole KC calls and mentions (what Freeze may turn into values)", () => {
  test.each([
    ['=KC.METRIC("AdjustedEBITDA","2026Q1")', "KC.METRIC", ["AdjustedEBITDA", "2026Q1"]],
    ['=KC.METRIC(A1,"2026Q1",,,$B$54:$C$61)', "KC.METRIC", [{ expr: "A1" }, "2026Q1", null, null, { expr: "$B$54:$C$61" }]],
    ['= kc.statement("IS", Sheet1!B1:C1)', "kc.statement", ["IS", { expr: "Sheet1!B1:C1" }]],
    ['=KC.MARGIN("GrossProfit",IF(D1>0,"2026Q1","2025Q4"))', "KC.MARGIN", ["GrossProfit", { expr: 'IF(D1>0,"2026Q1","2025Q4")' }]],
    ['=KC.METRIC("x",1+A1)', "KC.METRIC", ["x", { expr: "1+A1" }]],
  ])("%s is one KC call", (formula, name, args) => {
    expect(wholeKcCall(formula)).toEqual({ name, args });
    expect(mentionsKcCall(formula)).toBe(true);
  });

  test.each([
    ['=D1*KC.METRIC("AdjustedEBITDA","2026Q1")', true],
    ['=IF(D1>0,KC.MARGIN("GrossProfit","2026Q1"),D1)', true],
    ['=KC.METRIC("a","2026Q1")+1', true],
    ['="see KC.METRIC(" & D1 & ")"', false],
    ['="a ""KC.METRIC("" b"', false],
    ["=SUM(A1:A3)", false],
    ["KC.METRIC(1,2)", false], // text, not a formula
    ["=MYKC.METRIC(1)", false],
  ])("%s is not one KC call (mentions one: %s)", (formula, mentions) => {
    expect(wholeKcCall(formula)).toBeNull();
    expect(mentionsKcCall(formula)).toBe(mentions);
  });
});
