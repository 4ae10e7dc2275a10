import { parseFormula, references } from "../../src/core/formula";

describe("the statement model's formula language", () => {
  test.each([
    ["TotalRevenues + CostOfRevenues", { op: "+", left: { op: "ref", id: "TotalRevenues", offset: 0 }, right: { op: "ref", id: "CostOfRevenues", offset: 0 } }],
    ["-ForeignExchangeGainLoss", { op: "neg", arg: { op: "ref", id: "ForeignExchangeGainLoss", offset: 0 } }],
    ["a - b - c", { op: "-", left: { op: "-", left: { op: "ref", id: "a", offset: 0 }, right: { op: "ref", id: "b", offset: 0 } }, right: { op: "ref", id: "c", offset: 0 } }],
    ["a + b * 15", { op: "+", left: { op: "ref", id: "a", offset: 0 }, right: { op: "*", left: { op: "ref", id: "b", offset: 0 }, right: { op: "num", value: "15" } } }],
    ["(a + b) / c", { op: "/", left: { op: "+", left: { op: "ref", id: "a", offset: 0 }, right: { op: "ref", id: "b", offset: 0 } }, right: { op: "ref", id: "c", offset: 0 } }],
    ["Cash[-1]", { op: "ref", id: "Cash", offset: -1 }],
  ])("%s", (text, tree) => {
    expect(parseFormula(text)).toEqual(tree);
  });

  test("lists what a formula reads, with offsets", () => {
    expect(references(parseFormula("AccumulatedDeficit - AccumulatedDeficit[-1] + 1000 * x"))).toEqual([
      { id: "AccumulatedDeficit", offset: 0 },
      { id: "AccumulatedDeficit", offset: -1 },
      { id: "x", offset: 0 },
    ]);
  });

  test.each([["a +"], ["(a + b"], ["a b"], ["a % b"], [")"]])("rejects '%s'", (text) => {
    expect(() => parseFormula(text)).toThrow(/^formula '/);
  });
});
