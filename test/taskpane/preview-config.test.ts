/** The preview page (HyperFormula, GPL-3.0, dev-only) is a development entry and page only: never in a production build. */
import type webpack from "webpack";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the project's own CommonJS config
const makeConfig = require("../../webpack.config.js") as (env: object, argv: { mode: string }) => webpack.Configuration;

const pages = (config: webpack.Configuration) =>
  (config.plugins ?? []).map((p) => (p as { userOptions?: { filename?: string } }).userOptions?.filename).filter(Boolean);

test("development builds the preview entry and page", () => {
  const dev = makeConfig({}, { mode: "development" });
  expect(Object.keys(dev.entry as object)).toEqual(["functions", "taskpane", "commands", "preview"]);
  expect(pages(dev)).toEqual(["taskpane.html", "preview.html"]);
});

test("production has neither the preview entry nor its page", () => {
  process.env.KC_PRODUCTION_URL ??= "https://kc.test.example/addin/"; // a production config needs it
  const prod = makeConfig({}, { mode: "production" });
  expect(Object.keys(prod.entry as object)).toEqual(["functions", "taskpane", "commands"]);
  expect(pages(prod)).toEqual([`${require("../../package.json").version}/taskpane.html`]); // in the release folder
});
