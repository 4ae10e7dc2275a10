/**
 * Builds the add-in (shared runtime: the custom functions run in the task pane page).
 *   npm run build       production: KC_PRODUCTION_URL is required (the https:// URL the add-in is served from). Writes
 *                       dist/manifest.xml and the release folder dist/<version>/ (package.json's version): every
 *                       https://localhost:3000/ of the manifest and functions.json becomes KC_PRODUCTION_URL<version>/,
 *                       scripts carry a content hash in their names, no source maps, office.js from Microsoft's CDN
 *   npm run build:dev   development bundle in dist/ with plain names and source maps, office.js served from
 *                       dist/office-js/ (a local copy)
 *   npm run dev-server  https://localhost:3000 with the Office dev certificates (see scripts/start.js)
 * Why a folder per release and hashed script names: Excel caches functions.json (up to a day) and the manifest, and
 * browsers cache scripts; taskpane.js and commands.js use functions.js's modules by id (dependOn), so an old
 * functions.js with a new taskpane.js throws. A manifest names only its own release's folder, so whatever Excel or the
 * browser cached, a page, its scripts and its metadata all come from one release (keep older release folders deployed
 * until every user has the new manifest). The hashes cover a release folder deployed twice with different code (a
 * version not bumped): a page then still loads only the scripts it was built with.
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
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const util = require("util");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { renderHelpPage } = require("./scripts/help-page");
const { version: PACKAGE_VERSION } = require("./package.json");

const DEV_URL = "https://localhost:3000/";
const MANIFEST = path.join(__dirname, "manifest.xml");
/** The page's first script, plain ES5: tells users of an old webview what they need instead of a blank pane. */
const WEBVIEW_CHECK = path.join(__dirname, "src", "webview-check.js");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
const ICON_SIZES = [16, 32, 64, 80, 128];
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

/**
 * The pages' Content-Security-Policy (a <meta> tag, so it holds wherever the files are hosted): scripts from the add-in's
 * own origin and, in production, office.js's origin; no inline script or style, no eval (development source maps are
 * separate files, never an eval-based devtool; production has none); styles, images, fonts and requests from the own
 * origin only; no plugins, no forms, no <base>.
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

/** An error about how the build was asked for: webpack-cli prints errors with util.format, which shows just this message. */
function usageError(message) {
  const error = new Error(message);
  error[util.inspect.custom] = () => message;
  return error;
}

/** KC_PRODUCTION_URL, required and validated, with a trailing slash. */
function productionUrl() {
  const url = process.env.KC_PRODUCTION_URL;
  if (!url) {
    throw usageError(
      [
        "KC_PRODUCTION_URL is not set. A production build writes the https:// URL the add-in is served from into",
        "manifest.xml and functions.json, so set it to that URL:",
        "  KC_PRODUCTION_URL=https://addins.example.org/kc/ npm run build",
        "  (PowerShell: $env:KC_PRODUCTION_URL='https://addins.example.org/kc/'; npm run build)",
        "For a local build, use npm run build:dev or npm start.",
      ].join("\n"),
    );
  }
  if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(url)) {
    throw usageError(`KC_PRODUCTION_URL must be an https:// URL, got '${url}'`);
  }
  return url.endsWith("/") ? url : `${url}/`;
}

/** Replaces every dev URL (not just the first) with the URL the files are deployed at. */
const rebase = (text, filesUrl) => text.split(DEV_URL).join(filesUrl);

/** The manifest's <Version> for package.json's version: 0.1.0 gives 0.1.0.0 (Office wants up to four numbers). */
function manifestVersion(version = PACKAGE_VERSION) {
  const parts = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(version);
  if (!parts) throw usageError(`package.json's version '${version}' must be major.minor.patch, numbers only: the manifest's <Version> is made from it`);
  return `${parts.slice(1).join(".")}.0`;
}

/** The first 8 hex digits of a file's SHA-256, for a name that changes with its content. */
const contentHash = (file) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 8);

/**
 * manifest.xml as built: <Version> from package.json. In production also every dev URL rebased into the release
 * folder, the functions script by its hashed name, and the header comment (which describes the dev manifest)
 * replaced by one that is true of the built manifest.
 */
function buildManifest(xml, { dev, filesUrl, functionsScript }) {
  const versions = xml.match(/<Version>[^<]*<\/Version>/g) ?? [];
  if (versions.length !== 1) throw new Error(`manifest.xml must have one <Version>, found ${versions.length}`);
  let out = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion()}</Version>`);
  if (dev) return out;
  const comment = [
    "<!--",
    `  KC for Excel ${PACKAGE_VERSION}: XML add-in manifest (shared runtime: the custom functions run in the task pane page),`,
    "  written by npm run build from the project's manifest.xml. Every file it names is in the release folder",
    `    ${filesUrl}`,
    `  (the build's dist/${PACKAGE_VERSION}/): upload that folder there, and keep older release folders deployed until`,
    "  every user has this manifest. The namespace KC and the function ids are stored in users' workbooks: never change",
    "  them.",
    "-->",
  ].join("\n");
  if (!/^<\?xml[^>]*>\s*<!--[\s\S]*?-->/.test(out)) throw new Error("manifest.xml must start with its header comment (the production build replaces it)");
  out = out.replace(/<!--[\s\S]*?-->/, comment);
  out = rebase(out, filesUrl).split(`${filesUrl}functions.js"`).join(`${filesUrl}${functionsScript}"`);
  return out;
}

/** Emits manifest.xml (buildManifest), after webpack has named the functions chunk. */
class ManifestPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ManifestPlugin", (compilation) => {
      compilation.fileDependencies.add(MANIFEST);
      compilation.hooks.processAssets.tap({ name: "ManifestPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const chunk = compilation.namedChunks.get("functions");
        const script = chunk && [...chunk.files].find((file) => file.endsWith(".js"));
        if (!script) return; // the compilation already failed: webpack reports why
        // The page and the script share one folder; RealContentHashPlugin later updates the hash in this text too.
        const functionsScript = path.posix.basename(script);
        const xml = buildManifest(fs.readFileSync(MANIFEST, "utf8"), { ...this.options, functionsScript });
        compilation.emitAsset("manifest.xml", new webpack.sources.RawSource(xml));
      });
    });
  }
}

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

/**
 * The page and its scripts share the release folder; HtmlWebpackPlugin would link them as "../<version>/name.js"
 * (relative to dist/): link them by bare name.
 */
class ScriptsBesidePagePlugin {
  constructor(folder) {
    this.prefix = `../${folder}`;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("ScriptsBesidePagePlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("ScriptsBesidePagePlugin", (data) => {
        for (const tag of [...data.headTags, ...data.bodyTags]) {
          const src = tag.attributes && tag.attributes.src;
          if (tag.tagName === "script" && typeof src === "string" && src.startsWith(this.prefix)) tag.attributes.src = src.slice(this.prefix.length);
        }
        return data;
      });
    });
  }
}

/** Rebases the URLs in functions.json (helpUrl) for the deployment URL and renders help.html beside it. */
class FunctionsReferencePlugin {
  constructor(folder, filesUrl) {
    this.folder = folder;
    this.filesUrl = filesUrl;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionsReferencePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsReferencePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          const metadata = `${this.folder}functions.json`;
          if (!assets[metadata]) return; // metadata errors are already reported by the metadata plugin
          const json = rebase(assets[metadata].source().toString(), this.filesUrl);
          compilation.updateAsset(metadata, new webpack.sources.RawSource(json));
          compilation.emitAsset(`${this.folder}help.html`, new webpack.sources.RawSource(renderHelpPage(JSON.parse(json))));
        },
      );
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  const baseUrl = dev ? DEV_URL : productionUrl();
  // Production: everything but the manifest goes into the release folder, named by package.json's version.
  const folder = dev ? "" : `${PACKAGE_VERSION}/`;
  const filesUrl = `${baseUrl}${folder}`;
  const webviewCheck = dev ? "webview-check.js" : `webview-check.${contentHash(WEBVIEW_CHECK)}.js`;
  const serving = Boolean(env && env.WEBPACK_SERVE);
  manifestVersion(); // a version Office cannot take stops the build here
  return {
    mode: dev ? "development" : "production",
    // Development: separate source maps (never an eval-based devtool: the Content-Security-Policy forbids eval).
    // Production ships none: no .map file, no sourceMappingURL.
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/taskpane.ts", dependOn: "functions" },
      commands: { import: "./src/commands/commands.ts", dependOn: "functions" },
      // The preview is its own page (no Excel, no office.js): one self-contained bundle.
      ...(dev ? { preview: "./src/dev/preview/preview.ts" } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Plain names in development keep npm start's URLs simple.
      filename: dev ? "[name].js" : `${folder}[name].[contenthash:8].js`,
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Type-checking is `tsc --noEmit` (npm test); with it on here, watch rebuilds report bogus errors.
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false }, // the filing's text is bundled on purpose: nothing is fetched at run time
    plugins: [
      new MainCompilationMetadataPlugin({ input: "./src/functions/functions.ts", output: `${folder}functions.json` }),
      new FunctionsReferencePlugin(folder, filesUrl),
      new ManifestPlugin({ dev, filesUrl }),
      new HtmlWebpackPlugin({
        filename: `${folder}taskpane.html`,
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane", "commands"],
        chunksSortMode: "manual", // functions.js first: it holds the runtime and the core the other two depend on
        templateParameters: { officeJsUrl: dev ? "office-js/office.js" : OFFICE_JS_CDN, csp: contentSecurityPolicy(dev), webviewCheck },
      }),
      ...(dev ? [] : [new ScriptsBesidePagePlugin(folder)]),
      ...(dev
        ? [new HtmlWebpackPlugin({ filename: "preview.html", template: "./src/dev/preview/preview.html", chunks: ["preview"], templateParameters: { csp: contentSecurityPolicy(true) } })]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          // Exact paths only: a glob over the project root would make every root file a watch trigger.
          ...ICON_SIZES.map((size) => ({ from: `assets/icon-${size}.png`, to: `${folder}assets/icon-${size}.png` })),
          { from: "src/taskpane/taskpane.css", to: `${folder}taskpane.css` },
          // Shipped as written (ES5): the minifier must not rewrite it into syntax an old webview cannot parse.
          { from: WEBVIEW_CHECK, to: `${folder}${webviewCheck}`, info: { minimized: true } },
          ...(dev ? [{ from: "src/dev/preview/preview.css", to: "preview.css" }] : []),
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
module.exports.manifestVersion = manifestVersion;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
