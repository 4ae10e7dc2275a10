/**
 * Builds the add-in (shared runtime: the custom functions run in the task pane page).
 *   npm run build       production bundle in dist/, every https://localhost:3000/ rewritten to KC_PRODUCTION_URL,
 *                       office.js from Microsoft's CDN
 *   npm run build:dev   development bundle in dist/, office.js served from dist/office-js/ (a local copy)
 *   npm run dev-server  https://localhost:3000 with the Office dev certificates (see scripts/start.js)
 * One core in the shared runtime: functions.js holds the webpack runtime, the core and the embedded filing; taskpane.js
 * and commands.js are built `dependOn: "functions"`, so they reuse its modules (one kcContext(), one parsed filing per
 * page) instead of bundling copies. functions.js alone stays self-contained (Excel may load it by the manifest's URL).
 * Emits: taskpane.html (loads office.js, then the functions, taskpane and commands bundles), functions.json (generated
 * from the JSDoc in src/functions/functions.ts), help.html (the function reference, from functions.json), manifest.xml,
 * assets/icon-*.png, taskpane.css (every page carries a strict Content-Security-Policy); in development only, preview.html
 * + preview.js + preview.css (the task pane beside a HyperFormula grid, no Excel
 * needed; HyperFormula is GPL-3.0 and dev-only, so it never reaches the production bundle).
 */
/* eslint-env node */
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { renderHelpPage } = require("./scripts/help-page");

const DEV_URL = "https://localhost:3000/";
const DEFAULT_PRODUCTION_URL = "https://kc-for-excel.example.com/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const ICON_SIZES = [16, 32, 64, 80, 128];
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * The pages' Content-Security-Policy (a <meta> tag, so it holds wherever the files are hosted): scripts from the add-in's
 * own origin and, in production, office.js's origin; no inline script or style, no eval (devtool is "source-map", never
 * an eval-based one); styles, images, fonts and requests from the own origin only; no plugins, no forms, no <base>.
 */
function contentSecurityPolicy(dev) {
  const officeJsOrigin = new URL(OFFICE_JS_CDN).origin;
  return [
    "default-src 'self'",
    `script-src 'self'${dev ? "" : ` ${officeJsOrigin}`}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** KC_PRODUCTION_URL (default DEFAULT_PRODUCTION_URL), validated, with a trailing slash. */
function productionUrl() {
  const url = process.env.KC_PRODUCTION_URL || DEFAULT_PRODUCTION_URL;
  if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)) {
    throw new Error(`KC_PRODUCTION_URL must be an https:// URL, got '${url}'`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/** Replaces every dev URL (not just the first) with the base URL the bundle is deployed at. */
const rebase = (text, baseUrl) => text.split(DEV_URL).join(baseUrl);

/** The Office dev certificates, read directly (office-addin-dev-certs' getHttpsServerOptions() throws on Linux). */
function devCertificates() {
  const file = (name) => path.join(CERT_DIR, name);
  const missing = ["ca.crt", "localhost.crt", "localhost.key"].filter((name) => !fs.existsSync(file(name)));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.join(", ")} in ${CERT_DIR}: run "npx office-addin-dev-certs install" (npm start does).`);
  }
  return { ca: fs.readFileSync(file("ca.crt")), cert: fs.readFileSync(file("localhost.crt")), key: fs.readFileSync(file("localhost.key")) };
}

/**
 * CustomFunctionsMetadataPlugin, kept out of child compilations: HtmlWebpackPlugin's child compiler inherits the
 * `compilation` hook, and in watch mode the plugin would emit a second, stale functions.json there.
 */
class MainCompilationMetadataPlugin extends CustomFunctionsMetadataPlugin {
  apply(compiler) {
    const { beforeCompile, compilation } = compiler.hooks;
    const mainOnly = {
      tap: (name, fn) => compilation.tap(name, (c, params) => (c.compiler.isChild() ? undefined : fn(c, params))),
    };
    super.apply({ hooks: { beforeCompile, compilation: mainOnly } });
  }
}

/** Rebases the URLs in functions.json (helpUrl) for the deployment URL and renders help.html from it. */
class FunctionsReferencePlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsReferencePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsReferencePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          if (!assets["functions.json"]) return; // metadata errors are already reported by the metadata plugin
          const json = rebase(assets["functions.json"].source().toString(), this.baseUrl);
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(json));
          compilation.emitAsset("help.html", new webpack.sources.RawSource(renderHelpPage(JSON.parse(json))));
        },
      );
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = dev ? DEV_URL : productionUrl();
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    mode: dev ? "development" : "production",
    devtool: "source-map", // never an eval-based source map: the Content-Security-Policy forbids eval
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
      commands: { import: "./src/commands/commands.ts", dependOn: "functions" },
      // The preview is its own page (no Excel, no office.js): one self-contained bundle.
      ...(dev ? { preview: "./src/dev/preview/preview.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Type-checking is `tsc --noEmit` (npm test); with it on here, watch rebuilds report bogus errors.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: true } } },
        },
      ],
    },
    performance: { hints: false }, // the filing's text is bundled on purpose: nothing is fetched at run time
    plugins: [
      new MainCompilationMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      new FunctionsReferencePlugin(baseUrl),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane", "commands"],
        chunksSortMode: "manual", // functions.js first: it holds the runtime and the core the other two depend on
        templateParameters: { officeJsUrl: dev ? "office-js/office.js" : OFFICE_JS_CDN, csp: contentSecurityPolicy(dev) },
      }),
      ...(dev
        ? [new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/dev/preview/preview.html", chunks: ["preview"], templateParameters: { csp: contentSecurityPolicy(true) } })]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          // Exact paths only: a glob over the project root would make every root file a watch trigger.
          ...ICON_SIZES.map((size) => ({ from: `assets/icon-${size}.png`, to: `assets/icon-${size}.png` })),
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          ...(dev ? [{ from: "src/dev/preview/preview.css", to: "preview.css" }] : []),
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rebase(content.toString(), baseUrl) },
          ...(dev
            ? ["office.js", "o15apptofilemappingtable.js"].map((file) => ({
                from: path.join(OFFICE_JS_DIR, file),
                to: `office-js/${file}`,
              }))
            : []),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      // The whole office.js folder, so a local office.js can load its host-specific scripts inside Excel too.
      static: [{ directory: OFFICE_JS_DIR, publicPath: "/office-js", watch: false }],
      server: serving ? { type: "https", options: devCertificates() } : "https",
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.DEV_URL = DEV_URL;
module.exports.DEFAULT_PRODUCTION_URL = DEFAULT_PRODUCTION_URL;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
