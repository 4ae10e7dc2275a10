/**
 * functions.json is what Excel registers, and its ids live in users' workbooks: the metadata generated from
 * src/functions/functions.ts (same generator as the build's plugin) must equal the committed golden copy,
 * src/dev/functions.json, which the registry outside Excel (kc eval, the preview, the tests) reads.
 * An intended change: `npm run generate:functions`, then review the diff (ids must never change).
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import golden from "../../src/dev/functions.json";

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Param[];
  result?: { type?: string; dimensionality?: string };
}

describe("functions.json", () => {
  let generated: { functions: Fn[] };
  let associate: { id: string; functionName: string }[];

  beforeAll(async () => {
    const result = await generateCustomFunctionsMetadata(path.join(__dirname, "../../src/functions/functions.ts"), false);
    expect(result.errors).toEqual([]);
    generated = JSON.parse(result.metadataJson);
    associate = result.associate;
  }, 30_000);

  test("the metadata generated from functions.ts equals the committed golden copy", () => {
    expect(generated).toEqual(golden);
  });

  test("the ids are the shipped ones, in namespace-free form, and each is associated with an exported function", () => {
    expect(golden.functions.map((f: Fn) => f.id)).toEqual(["METRIC", "MARGIN", "GROWTH", "CHANGE", "REPORTED", "SOURCE", "STATEMENT", "SERIES", "METRICS", "PERIODS", "CHECKS"]);
    expect(associate.map((a) => a.id)).toEqual(golden.functions.map((f: Fn) => f.id));
    // The registry outside Excel finds each id's function by this name (src/dev/registry.ts).
    for (const a of associate) expect(a.functionName).toBe(a.id.toLowerCase());
  });

  test("signatures: parameter names, optionality, ranges and result shapes", () => {
    const signature = (f: Fn) =>
      `${f.name}(${f.parameters.map((p) => `${p.optional ? "[" : ""}${p.name}${p.dimensionality === "matrix" ? ":range" : ""}${p.optional ? "]" : ""}`).join(",")})` +
      (f.result?.dimensionality === "matrix" ? " -> table" : ` -> ${f.result?.type}`);
    expect(golden.functions.map(signature)).toEqual([
      "METRIC(metric,period,[currency],[scale],[overrides:range]) -> number",
      "MARGIN(metric,period,[base],[overrides:range]) -> number",
      "GROWTH(metric,period,[basis],[overrides:range]) -> number",
      "CHANGE(metric,period,[basis],[overrides:range]) -> number",
      "REPORTED(metric,period,[currency]) -> number",
      "SOURCE(metric,period,[currency]) -> string",
      "STATEMENT(statement,[periods:range],[currency],[scale]) -> table",
      "SERIES(metric,[currency],[scale]) -> table",
      "METRICS([statement],[search]) -> table",
      "PERIODS([metric]) -> table",
      "CHECKS() -> table",
    ]);
  });

  test("every function and parameter has a description with an example, and a help URL to its section", () => {
    for (const f of golden.functions as Fn[]) {
      expect(f.description).toMatch(/Example: =KC\./);
      expect(f.helpUrl).toBe(`https://localhost:3000/help.html#kc-${f.name.toLowerCase()}`);
      for (const p of f.parameters) expect(`${f.name}.${p.name}: ${p.description}`).toMatch(/Example: \S/);
    }
  });
});
