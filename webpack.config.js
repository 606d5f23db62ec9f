/**
 * Samkalk task pane bundle.
 *
 *   npx webpack --mode production      → dist/ (taskpane.html + chunks, support.html, assets/, manifest.xml)
 *   npx webpack serve --mode development → https://localhost:3000/ with Office's dev certificates
 *
 * Hosting URL: manifest.xml uses the dev origin https://localhost:3000/. A production build rewrites it
 * in dist/manifest.xml to the environment variable SAMKALK_URL, the https origin (and path) the contents
 * of dist/ are served from, e.g.
 *   SAMKALK_URL=https://samkalk.example.se/addin/ npx webpack --mode production
 * Without SAMKALK_URL the production manifest keeps the dev origin (a warning is printed).
 *
 * Type checking is not done here (ts-loader transpileOnly); `tsc --noEmit` does it.
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

/**
 * Fluent's react-context-selector imports "scheduler" (a peer dependency that npm, with legacy-peer-deps,
 * does not install at the top level). Resolve it to the copy react-dom uses, so there is exactly one.
 */
function schedulerDir() {
  const reactDom = path.dirname(require.resolve("react-dom/package.json"));
  return path.dirname(require.resolve("scheduler/package.json", { paths: [reactDom] }));
}
const DEV_PORT = 3000;

function productionUrl() {
  const raw = process.env.SAMKALK_URL;
  if (!raw) return null;
  const url = new URL(raw); // throws on a malformed value
  if (url.protocol !== "https:") throw new Error(`SAMKALK_URL must be an https URL, got ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const prodUrl = production ? productionUrl() : null;
  if (production && !prodUrl) {
    console.warn(`[samkalk] SAMKALK_URL is not set: dist/manifest.xml keeps ${DEV_URL}`);
  }
  const hostingUrl = prodUrl ?? DEV_URL;

  const config = {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js", ".json"],
      alias: { scheduler: schedulerDir() },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules so that webpack can tree-shake Fluent UI (tsconfig targets CommonJS for Node).
              compilerOptions: { module: "es2020", sourceMap: true, noEmit: false },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "support.html",
        template: "./src/taskpane/support.html",
        chunks: [],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (hostingUrl === DEV_URL ? content : Buffer.from(content.toString("utf8").split(DEV_URL).join(hostingUrl))),
          },
        ],
      }),
    ],
    optimization: {
      // Vendor code in its own long-cached chunks; each job view is a lazy chunk of its own.
      splitChunks: { chunks: "all" },
      runtimeChunk: "single",
    },
    performance: {
      // Uncompressed limits; the real target (initial JS ≤ 300 KB gzipped) is measured by the browser test.
      hints: production ? "warning" : false,
      maxEntrypointSize: 1_200_000,
      maxAssetSize: 1_200_000,
    },
  };

  if (serving) {
    // Only when serving: production builds must never touch (or create) the dev certificates.
    const devCerts = require("office-addin-dev-certs");
    const https = await devCerts.getHttpsServerOptions();
    config.devServer = {
      port: DEV_PORT,
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: { ca: https.ca, key: https.key, cert: https.cert } },
      static: false,
    };
  }
  return config;
};
