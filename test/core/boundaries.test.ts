/**
 * The architecture's two rules, checked over the sources (eslint's no-restricted-imports enforces the first in
 * `npm run lint` too):
 * 1. Adapters (functions, task pane, export, CLI, dev, commands) reach the core only through its door, src/core/index.ts.
 * 2. The core holds no mutable state in a module: no top-level `let` or `var`, and every top-level Map, Set, array or
 *    object is declared read-only (ReadonlyMap, ReadonlySet, readonly T[], Readonly<...>, `as const`). State lives in an Engine.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

const SRC = path.join(__dirname, "..", "..", "src");
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
const parse = (file: string) => ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
const rel = (file: string) => path.relative(SRC, file);

function importsOf(file: string): string[] {
  const out: string[] = [];
  parse(file).forEachChild((node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
  });
  return out;
}

describe("the core's one door", () => {
  const adapters = ["functions", "taskpane", "export", "cli", "dev", "commands"].flatMap((d) => files(path.join(SRC, d)));

  test("adapters import src/core only as a whole (its index)", () => {
    expect(adapters.length).toBeGreaterThan(20);
    const deep = adapters.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith("."))
        .map((spec) => path.relative(SRC, path.resolve(path.dirname(file), spec)))
        .filter((target) => target.startsWith(`core${path.sep}`))
        .map((target) => `${rel(file)} imports ${target}`),
    );
    expect(deep).toEqual([]);
  });

  test("the check sees a deep import when there is one", () => {
    const probe = path.join(SRC, "taskpane", "probe.ts");
    const target = path.relative(SRC, path.resolve(path.dirname(probe), "../core/messages"));
    expect(target.startsWith(`core${path.sep}`)).toBe(true);
  });
});

/** Why a top-level statement of a core module holds mutable state, or null. */
function mutableState(node: ts.Node): string | null {
  if (!ts.isVariableStatement(node)) return null;
  const list = node.declarationList;
  if (!(list.flags & ts.NodeFlags.Const)) return `top-level ${list.flags & ts.NodeFlags.Let ? "let" : "var"}`;
  for (const decl of list.declarations) {
    const init = decl.initializer;
    if (!init) continue;
    const type = decl.type?.getText() ?? "";
    const readonlyType = /^(Readonly|ReadonlyArray|ReadonlyMap|ReadonlySet|readonly )/.test(type);
    const asConst = ts.isAsExpression(init) && init.type.getText() === "const";
    const frozen = ts.isCallExpression(init) && init.expression.getText() === "Object.freeze";
    const isCollection = ts.isNewExpression(init) && /^(Map|Set|WeakMap|WeakSet|Array)$/.test(init.expression.getText());
    const isLiteral = ts.isArrayLiteralExpression(init) || ts.isObjectLiteralExpression(init);
    // A global or sticky regex keeps its position in lastIndex: state, when exec or test moves it.
    if (ts.isRegularExpressionLiteral(init) && /\/[a-z]*y[a-z]*$/.test(init.text)) return `${decl.name.getText()}: a sticky regex`;
    if (ts.isRegularExpressionLiteral(init) && /\/[a-z]*g[a-z]*$/.test(init.text)) {
      const name = decl.name.getText();
      if (new RegExp(`\\b${name}\\.(exec|test|lastIndex)\\b`).test(node.getSourceFile().text)) return `${name}: a global regex moved by exec or test`;
    }
    if ((isCollection || isLiteral) && !readonlyType && !asConst && !frozen) return `${decl.name.getText()}: a mutable ${isCollection ? init.expression.getText() : isLiteral && ts.isArrayLiteralExpression(init) ? "array" : "object"}`;
  }
  return null;
}

describe("no state in a core module", () => {
  const core = files(path.join(SRC, "core"));

  test("every top-level binding of src/core is constant and read-only", () => {
    expect(core.length).toBeGreaterThan(20);
    const found = core.flatMap((file) => {
      const problems: string[] = [];
      parse(file).forEachChild((node) => {
        const why = mutableState(node);
        if (why) problems.push(`${rel(file)}: ${why}`);
      });
      return problems;
    });
    expect(found).toEqual([]);
  });

  test.each([
    ["let cache = new Map();", "top-level let"],
    ["const cache = new Map<string, number>();", "cache: a mutable Map"],
    ["const seen: string[] = [];", "seen: a mutable array"],
    ["const TABLE = { a: 1 };", "TABLE: a mutable object"],
    ["const TABLE: Readonly<Record<string, number>> = { a: 1 };", null],
    ["const NAMES: ReadonlyMap<string, number> = new Map();", null],
    ["const KINDS = [\"a\"] as const;", null],
    ["const f = (x: number) => x;", null],
    ["const TOKEN = /a/y;", "TOKEN: a sticky regex"],
    ["const TAG = /<b>/g; TAG.exec(s);", "TAG: a global regex moved by exec or test"],
    ["const TAG = /<b>/g; s.replace(TAG, \"\");", null],
  ])("the check: %s", (code, why) => {
    const [node] = ts.createSourceFile("probe.ts", code, ts.ScriptTarget.ES2020, true).statements;
    expect(mutableState(node)).toBe(why);
  });
});
