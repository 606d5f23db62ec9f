// The command line's prebuilt bundle: src/cli/main.ts and everything it imports, compiled once by esbuild into
// one CommonJS file, so a command starts in Node's time rather than tsx's (tsx compiles every TypeScript file on
// each cold start). Packages stay external (they load from node_modules as usual).
//
// The bundle is rebuilt when any file under src/ (or package.json) differs from when it was built (size, time,
// files added or removed), so a developer never runs stale code; it is first built by `npm ci` (the `prepare` script) and otherwise on the first command.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");

const root = path.resolve(__dirname, "..");
const bundleDir = path.join(root, "node_modules", ".cache", "samkalk-cli");
// Named for the checkout, so checkouts sharing one node_modules (git worktrees, a symlink) keep their own bundles.
const checkout = crypto.createHash("sha256").update(fs.realpathSync(root)).digest("hex").slice(0, 12);
const bundleFile = path.join(bundleDir, `samkalk-${checkout}.cjs`);
/** The source signature the bundle was built from (see sourceSignature). */
const stampFile = `${bundleFile}.sources`;

/**
 * A signature of the files the bundle is built from: every file under src/ and package.json with its size and
 * modification time. Any change to it (an edit, a file restored with an older time by git, a file added or
 * removed) means the bundle is stale; comparing times alone would miss the restored file.
 */
function sourceSignature() {
  // Runs on every command: plain string paths and one stat per file (path.join and path.relative cost more than
  // the stats themselves over a few hundred files).
  const entries = [];
  const add = (rel) => {
    const st = fs.statSync(root + path.sep + rel);
    entries.push(`${rel}\t${st.size}\t${st.mtimeMs}`);
  };
  const walk = (rel) => {
    for (const entry of fs.readdirSync(root + path.sep + rel, { withFileTypes: true })) {
      const p = rel + path.sep + entry.name;
      if (entry.isDirectory()) walk(p);
      else add(p);
    }
  };
  add("package.json");
  walk("src");
  return crypto.createHash("sha256").update(entries.sort().join("\n")).digest("hex");
}

/** The bundle's path when it exists and was built from the sources as they are now, else null. */
function freshBundle() {
  try {
    if (fs.readFileSync(stampFile, "utf8") === sourceSignature() && fs.existsSync(bundleFile)) return bundleFile;
  } catch {
    // No stamp yet: not built.
  }
  return null;
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
  const tmpStamp = `${stampFile}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(bundleDir, { recursive: true });
    // Signed before building: a source changed during the build makes the stamp differ, so it is rebuilt next time.
    fs.writeFileSync(tmpStamp, sourceSignature());
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
    fs.renameSync(tmpStamp, stampFile);
    return bundleFile;
  } catch {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(tmpStamp, { force: true });
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

module.exports = { loadCli, buildBundle, freshBundle, bundleFile, stampFile };

// `node bin/cliBundle.js` (the prepare script): build it now.
if (require.main === module) {
  const built = buildBundle();
  if (!built) {
    console.error("samkalk: kunde inte bygga kommandoradens paket; kommandona körs då via tsx (långsammare start).");
  }
}
