/** The task pane's code never turns data into markup: no innerHTML and friends anywhere in src/taskpane or the preview. */
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "..", "..", "src");
const DIRS = [path.join(SRC, "taskpane"), path.join(SRC, "dev", "preview")];
const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

test("no innerHTML, outerHTML, insertAdjacentHTML, document.write, eval or string timers in the task pane's sources", () => {
  const sources = DIRS.flatMap(files).filter((f) => /\.(ts|html)$/.test(f));
  expect(sources.length).toBeGreaterThan(8);
  const found = sources.flatMap((file) => {
    const text = fs.readFileSync(file, "utf8");
    return [/\.innerHTML\b/, /\.outerHTML\b/, /insertAdjacentHTML/, /document\.write/, /\beval\(/, /new Function\(/, /setTimeout\(\s*["'`]/, /setAttribute\(\s*["']on/, /setAttribute\(\s*["']style/]
      .filter((pattern) => pattern.test(text))
      .map((pattern) => `${path.relative(SRC, file)}: ${pattern}`);
  });
  expect(found).toEqual([]);
});
