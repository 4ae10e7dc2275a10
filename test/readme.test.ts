/**
 * The README's function reference is true: every example row `| =KC.X(literal args) | result |` is evaluated through
 * the very functions the add-in registers (as `kc eval` does) and must give the result the README states: a number
 * exactly, or its leading digits when the README ends it with "…"; an Excel error, and the start of its message when
 * the README quotes one. Rows whose formula reads cells (B1, D1:E2) or whose result is prose are not evaluated here.
 */
import * as fs from "fs";
import * as path from "path";
import { callRegistered } from "../src/cli/eval";
import { parseCall, kcFunctionName } from "../src/core";
import { functionRegistry } from "../src/dev/registry";

const README = fs.readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
const section = README.slice(README.indexOf("<!-- section: functions -->"), README.indexOf("<!-- /section: functions -->"));
const registry = functionRegistry();

interface Example {
  formula: string;
  result: string;
}

const examples: Example[] = [...section.matchAll(/^\| `(=KC\.[^`]+)`[^|]*\| (.+) \|$/gm)].map((m) => ({ formula: m[1], result: m[2].trim() }));

function evaluate(formula: string) {
  const call = parseCall(formula);
  const fn = registry.byName.get(kcFunctionName(call.name) ?? "");
  if (!fn) throw new Error(`no such function: ${call.name}`);
  return callRegistered(fn, call.args as never);
}

const literal = (formula: string): boolean => {
  try {
    parseCall(formula);
    return true;
  } catch {
    return false;
  }
};

const checked = examples.filter((e) => literal(e.formula) && /^`(-?[\d.]+…?|#VALUE!|#N\/A)`/.test(e.result));

test("the reference has examples of every function, most of them checked here", () => {
  for (const fn of ["METRIC", "MARGIN", "GROWTH", "CHANGE", "REPORTED", "STATEMENT"]) expect(examples.some((e) => e.formula.startsWith(`=KC.${fn}(`))).toBe(true);
  expect(checked.length).toBeGreaterThan(25);
});

test.each(checked.map((e) => [e.formula, e.result]))("%s gives %s", (formula, result) => {
  const got = evaluate(formula);
  const stated = /^`([^`]+)`\s*(.*)$/.exec(result)!;
  const [value, rest] = [stated[1], stated[2]];
  if (value.startsWith("#")) {
    expect(got).toMatchObject({ error: value });
    // A quoted message (not a note in parentheses) is the start of what the cell's error says.
    if (rest && !rest.startsWith("(")) expect((got as { message: string }).message).toBe(rest);
    return;
  }
  expect(typeof got).toBe("number");
  if (value.endsWith("…")) expect(String(got).startsWith(value.slice(0, -1))).toBe(true);
  else expect(got).toBe(Number(value));
});
