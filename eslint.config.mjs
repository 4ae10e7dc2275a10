// `npm run lint`: office-addin-lint runs ESLint with this file (it takes a project's eslint.config.mjs over its own).
// Microsoft's recommended Office add-in rules (eslint-plugin-office-addins: load before read, sync after load, no
// sync in loops, isNullObject tests, no eval) and ESLint's recommended rules, on TypeScript through
// @typescript-eslint/parser, over src/ (generated files aside).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "node_modules/**", "src/data/*.generated.ts"] },
  // The sources carry disable comments for typescript-eslint's recommended rules (no-explicit-any,
  // no-require-imports), which editors apply; this config does not load them (typescript-eslint 8.8 cannot run on
  // ESLint 9.39), so those comments are not "unused".
  { linterOptions: { reportUnusedDisableDirectives: "off" } },
  ...officeAddins.configs.recommended,
  {
    files: ["**/*.ts"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser, ecmaVersion: 2020, sourceType: "module" },
    rules: {
      // TypeScript resolves every name (tsc --noEmit runs in npm test); ESLint without type information would flag
      // the runtime's globals (Office, Excel, CustomFunctions, document) and the DOM's types.
      "no-undef": "off",
      // Formatting is not linted: the code base keeps its own line length, and Prettier's defaults would rewrite it.
      "prettier/prettier": "off",
    },
  },
  {
    // The core's one door: adapters reach src/core only through src/core/index.ts (README, "How a call flows").
    files: ["src/functions/**/*.ts", "src/taskpane/**/*.ts", "src/export/**/*.ts", "src/cli/**/*.ts", "src/dev/**/*.ts", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/core/*", "**/core/**"],
              message: "Import the core through its door: \"../core\" (src/core/index.ts), never a module inside it.",
            },
          ],
        },
      ],
    },
  },
];
