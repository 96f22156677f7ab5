// @ts-check
// Two builds into dist/:
//  - "taskpane": the React task pane, the function file (commands) and the start page; it also
//    writes dist/manifest.xml and the well-known SSO/CORS allow-list for the event handler.
//    It also builds the local playground into dist/playground/ (the Outlook-like test page and the
//    Office.js stand-in, see docs/playground.md); the add-in's own pages never reference it.
//  - "launchevent": one self-contained ES2016 script for event-based activation. Classic Outlook on
//    Windows runs it in a JavaScript-only runtime (no DOM, no module loading), so it must work on
//    its own there; its one lazy chunk (Graph /me with MSAL, src/launchevent/directory.ts) is
//    loaded only in the HTML runtime of Outlook on the web, new Outlook and Mac.
// Office.js always comes from Microsoft's CDN; it is never bundled.
const fs = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const {
  resolveAddinBaseUrl,
  rewriteManifest,
  wellKnownAllowedJson,
} = require("./src/build/addin-base-url.cjs");

const root = __dirname;
const dist = path.join(root, "dist");
const manifestPath = path.join(root, "manifest.xml");

/**
 * Emits dist/manifest.xml (URLs rewritten to the base URL) and
 * dist/.well-known/microsoft-officeaddins-allowed.json.
 */
class AddinFilesPlugin {
  /** @param {string} baseUrl */
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** @param {import("webpack").Compiler} compiler */
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("AddinFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddinFilesPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(manifestPath);
          if (fs.existsSync(manifestPath)) {
            const xml = fs.readFileSync(manifestPath, "utf8");
            compilation.emitAsset("manifest.xml", new RawSource(rewriteManifest(xml, this.baseUrl)));
          } else {
            compilation.warnings.push(
              new compiler.webpack.WebpackError(
                "manifest.xml not found at the repository root; dist/manifest.xml not written",
              ),
            );
          }
          compilation.emitAsset(
            ".well-known/microsoft-officeaddins-allowed.json",
            new RawSource(wellKnownAllowedJson(this.baseUrl)),
          );
        },
      );
    });
  }
}

/**
 * @param {string} target esbuild target
 * @returns {import("webpack").RuleSetRule}
 */
const typescriptRule = (target) => ({
  test: /\.[cm]?tsx?$/,
  exclude: /node_modules/,
  loader: "esbuild-loader",
  options: { loader: "tsx", target, jsx: "automatic" },
});

const resolve = { extensions: [".tsx", ".ts", ".js"] };

/**
 * Sign-in settings as build-time constants (read by src/auth/auth-config.ts, which checks them):
 * ADDIN_CLIENT_ID, the Entra app registration's client ID, and ADDIN_AUTHORITY (default
 * https://login.microsoftonline.com/common). See docs/deployment.md, "Sign-in".
 * @returns {import("webpack").WebpackPluginInstance}
 */
const authConstants = () =>
  new webpack.DefinePlugin({
    BEMOTANDE_CLIENT_ID: JSON.stringify((process.env.ADDIN_CLIENT_ID ?? "").trim()),
    BEMOTANDE_AUTHORITY: JSON.stringify(
      (process.env.ADDIN_AUTHORITY ?? "").trim() || "https://login.microsoftonline.com/common",
    ),
  });

/** The analysis worker's file name in this compilation (compose/analyser.ts names its chunk). */
const ANALYSIS_WORKER = /^bemotande-analysis\.[0-9a-f]{8}\.js$/;

/**
 * The scripts of the task pane's "pane" chunk group (src/taskpane/index.ts imports pane.tsx as it):
 * the pane's own chunk and the chunks split off it, in the order webpack loads them.
 * @param {import("webpack").Compilation} compilation
 * @returns {string[]}
 */
const paneScriptsOf = (compilation) => {
  const group = compilation.namedChunkGroups.get("pane");
  if (!group) throw new Error('taskpane.html: no "pane" chunk group (src/taskpane/index.ts) was built');
  return group.chunks.flatMap((chunk) => [...chunk.files].filter((file) => file.endsWith(".js")));
};

/**
 * taskpane.html's template parameters: html-webpack-plugin's own, plus `analysisWorker`, the
 * worker's hashed file name, which the page's head starts early in compose, and `paneScripts`,
 * which the head preloads (see the template).
 * @param {import("webpack").Compilation} compilation
 * @param {unknown} assets
 * @param {{ headTags: unknown[]; bodyTags: unknown[] }} assetTags
 * @param {unknown} options
 */
const taskpaneTemplateParameters = (compilation, assets, assetTags, options) => {
  const analysisWorker = Object.keys(compilation.assets).find((name) => ANALYSIS_WORKER.test(name));
  if (!analysisWorker)
    throw new Error("taskpane.html: no analysis worker chunk (bemotande-analysis.*.js) was built");
  return {
    compilation,
    webpackConfig: compilation.options,
    htmlWebpackPlugin: { tags: assetTags, files: assets, options },
    analysisWorker,
    paneScripts: paneScriptsOf(compilation),
  };
};

/**
 * @param {Record<string, unknown>} _env
 * @param {{ mode?: "production" | "development" | "none" }} argv
 * @returns {import("webpack").Configuration[]}
 */
module.exports = (_env, argv = {}) => {
  const mode = argv.mode ?? "production";
  const development = mode === "development";
  const baseUrl = resolveAddinBaseUrl(process.env.ADDIN_BASE_URL);
  const devtool = development ? "source-map" : false;

  /** @type {import("webpack").Configuration} */
  const taskpane = {
    name: "taskpane",
    mode,
    devtool,
    context: root,
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/index.ts",
      commands: "./src/commands/commands.ts",
      "auth-dialog": "./src/auth-dialog/auth-dialog.ts",
      playground: { import: "./src/playground/index.tsx", filename: "playground/playground.js" },
      "office-emulator": {
        import: "./src/playground/office-emulator/index.ts",
        filename: "playground/office-emulator.js",
      },
    },
    output: {
      path: dist,
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "",
      // launchevent.* belongs to the other compiler, which may finish first.
      clean: { keep: /^launchevent\./ },
    },
    resolve,
    module: {
      rules: [
        typescriptRule("es2020"),
        // The policy is plain TypeScript without import side effects (docs/architecture.md), so
        // a module the page imports only for a constant or a helper does not drag in everything
        // it imports: the task pane's compose view takes a few helpers from src/policy while the
        // engine and the lexicon stay in the analysis worker (src/taskpane/compose/analyser.ts).
        { test: /[\\/]src[\\/]policy[\\/]/, sideEffects: false },
      ],
    },
    optimization: {
      // Each module its own function rather than scope-hoisted into one: V8 compiles a function on
      // the page's main thread when it is first called, and the task pane's modules hoisted into
      // one made that a single function of a few hundred KB. Measured: the pane's start-up
      // evaluation ~20 ms shorter without it (docs/performance.md, session 5).
      concatenateModules: false,
      splitChunks: {
        // webpack's default ("async"), except the analysis worker, which stays one file: a
        // worker loads further chunks one after the other, each a round trip before it can start.
        chunks: (chunk) => chunk.name !== "bemotande-analysis" && !chunk.canBeInitial(),
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        templateParameters: taskpaneTemplateParameters,
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "auth-dialog.html",
        template: "./src/auth-dialog/auth-dialog.html",
        chunks: ["auth-dialog"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "playground/index.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
        scriptLoading: "defer",
        // Served at "/" by src/server: absolute script URLs.
        publicPath: "/",
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/pages/index.html",
        chunks: [],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "assets", to: "assets", noErrorOnMissing: true }],
      }),
      new AddinFilesPlugin(baseUrl),
      authConstants(),
    ],
    performance: { hints: false },
  };

  const LAUNCHEVENT_CHUNK = /^launchevent\.[\w-]+\.[0-9a-f]{8}\.js(\.map|\.LICENSE\.txt)?$/;
  /** @type {import("webpack").Configuration} */
  const launchevent = {
    name: "launchevent",
    mode,
    devtool,
    context: root,
    target: ["web", "es2016"],
    entry: { launchevent: "./src/launchevent/launchevent.ts" },
    output: {
      path: dist,
      filename: "[name].js",
      // The lazy chunk: "launchevent." keeps it out of the task-pane build's clean; the hash lets
      // hosts cache it for good.
      chunkFilename: "launchevent.[name].[contenthash:8].js",
      // Relative to the page that loads it, launchevent.html, which the chunk sits beside (also
      // under the playground's /playground/addin/). Not "auto": that start-up code throws where
      // there is no document, i.e. in the JavaScript-only runtime.
      publicPath: "",
      // Where chunks register. webpack's default, `self`, need not exist in the JavaScript-only
      // runtime, which never loads a chunk: there any object will do, and start-up must not throw.
      globalObject:
        "(typeof self !== 'undefined' ? self : typeof globalThis !== 'undefined' ? globalThis : this || {})",
      iife: true,
      chunkLoading: "jsonp",
      wasmLoading: false,
      workerChunkLoading: false,
      // Lazy chunks of earlier builds (other hashes); everything else in dist/ is left alone.
      clean: { keep: (asset) => !LAUNCHEVENT_CHUNK.test(asset) },
    },
    resolve,
    module: { rules: [typescriptRule("es2016")] },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      authConstants(),
      new HtmlWebpackPlugin({
        filename: "launchevent.html",
        template: "./src/launchevent/launchevent.html",
        chunks: ["launchevent"],
        inject: "body",
        scriptLoading: "blocking",
      }),
    ],
    performance: { hints: false },
  };

  return [taskpane, launchevent];
};
