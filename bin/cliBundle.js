// The command line's prebuilt bundle: src/cli/main.ts and everything it imports, compiled once by esbuild into
// one CommonJS file, so a command starts in Node's time rather than tsx's (tsx compiles every TypeScript file on
// each cold start). Packages stay external (they load from node_modules as usual).
//
// The bundle is rebuilt when any file under src/ (or package.json) is newer than it, so a developer never runs
// stale code; it is first built by `npm ci` (the `prepare` script) and otherwise on the first command.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bundleDir = path.join(root, "node_modules", ".cache", "samkalk-cli");
const bundleFile = path.join(bundleDir, "samkalk.cjs");

/** The newest modification time (ms) of the files the bundle is built from. */
function newestSourceTime() {
  let newest = fs.statSync(path.join(root, "package.json")).mtimeMs;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  walk(path.join(root, "src"));
  return newest;
}

/** The bundle's path when it exists and is newer than every source file, else null. */
function freshBundle() {
  let built;
  try {
    built = fs.statSync(bundleFile).mtimeMs;
  } catch {
    return null;
  }
  return built >= newestSourceTime() ? bundleFile : null;
}

/**
 * Builds the bundle and returns its path, or null when it cannot be built (no esbuild, a read-only
 * node_modules): the caller then runs the TypeScript through tsx. Written to a temporary file and renamed, so
 * commands started in parallel never load a half-written bundle.
 */
function buildBundle() {
  let esbuild;
  try {
    esbuild = require("esbuild");
  } catch {
    return null;
  }
  const tmp = `${bundleFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(bundleDir, { recursive: true });
    esbuild.buildSync({
      entryPoints: [path.join(root, "src", "cli", "main.ts")],
      outfile: tmp,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      packages: "external",
      logLevel: "silent",
    });
    fs.renameSync(tmp, bundleFile);
    return bundleFile;
  } catch {
    fs.rmSync(tmp, { force: true });
    return null;
  }
}

/** The command line's module: the fresh bundle, a new bundle, or (failing both) the TypeScript through tsx. */
function loadCli() {
  const bundle = freshBundle() ?? buildBundle();
  if (bundle) return require(bundle);
  require("tsx/cjs/api").register();
  return require("../src/cli/main.ts");
}

module.exports = { loadCli, buildBundle, freshBundle, bundleFile };

// `node bin/cliBundle.js` (the prepare script): build it now.
if (require.main === module) {
  const built = buildBundle();
  if (!built) {
    console.error("samkalk: kunde inte bygga kommandoradens paket; kommandona körs då via tsx (långsammare start).");
  }
}
