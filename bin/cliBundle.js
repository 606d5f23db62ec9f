// The command line's prebuilt bundle: src/cli/main.ts and everything it imports, compiled once by esbuild into
// one CommonJS file, so a command starts in Node's time rather than tsx's (tsx compiles every TypeScript file on
// each cold start). Packages stay external (they load from node_modules as usual).
//
// The bundle is rebuilt when any file under src/ (or package.json) differs from when it was built (size, time,
// files added or removed), so a developer never runs stale code; it is first built by `npm ci` (the `prepare` script) and otherwise on the first command.
// V8's compiled code for it is kept beside it (saveCodeCache), so later commands skip most of parsing and compiling it.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bundleDir = path.join(root, "node_modules", ".cache", "samkalk-cli");
/**
 * 12 hex digits from a text (two FNV-1a hashes): enough to tell checkouts apart, without loading node:crypto
 * (some ten milliseconds of every command's start).
 */
function shortHash(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return (a.toString(16).padStart(8, "0") + b.toString(16).padStart(8, "0")).slice(0, 12);
}
// Named for the checkout, so checkouts sharing one node_modules (git worktrees, a symlink) keep their own bundles.
const checkout = shortHash(fs.realpathSync(root));
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
  // The listing itself (some 20 kB), compared as text: no hashing to load or run.
  return entries.sort().join("\n");
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

/**
 * V8's compiled code for the bundle, kept beside it: a 64-character header naming the bundle file it was made from
 * (its size and modification time; a rebuilt bundle is a new file), then the data.
 */
const codeCacheFile = `${bundleFile}.v8cache`;
/** The loaded bundle's script, and whether its code cache should be written (none, stale or rejected). */
let loaded = null;

/**
 * Loads the bundle as require() would, compiling it from the code cache when there is one for this very text:
 * parsing and compiling its 600 kB is most of a command's start otherwise.
 */
function requireBundle(file) {
  const vm = require("node:vm");
  const Module = require("node:module");
  // Text and header from one open file: a bundle renamed into place meanwhile cannot pair with the other's header.
  const fd = fs.openSync(file, "r");
  let source;
  let hash;
  try {
    const st = fs.fstatSync(fd);
    hash = `${st.size} ${st.mtimeMs} ${st.ino}`.padEnd(64).slice(0, 64);
    source = fs.readFileSync(fd, "utf8");
  } finally {
    fs.closeSync(fd);
  }
  let cachedData;
  try {
    const cache = fs.readFileSync(codeCacheFile);
    if (cache.toString("latin1", 0, 64) === hash) cachedData = cache.subarray(64);
  } catch {
    // No cache yet: written after this command.
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  loaded = { script, hash, save: cachedData === undefined || script.cachedDataRejected === true };
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return mod.exports;
}

/**
 * After a command: writes the code cache when the bundle had none (it then holds the functions this command
 * compiled too). Written to a temporary file and renamed; a failure only costs the next start its speed.
 */
function saveCodeCache() {
  if (!loaded || !loaded.save) return;
  const tmp = `${codeCacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(loaded.hash, "latin1"), loaded.script.createCachedData()]));
    fs.renameSync(tmp, codeCacheFile);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
  loaded.save = false;
}

/** The command line's module: the fresh bundle, a new bundle, or (failing both) the TypeScript through tsx. */
function loadCli() {
  const bundle = freshBundle() ?? buildBundle();
  if (bundle) return requireBundle(bundle);
  require("tsx/cjs/api").register();
  return require("../src/cli/main.ts");
}

module.exports = { loadCli, saveCodeCache, buildBundle, freshBundle, bundleFile, stampFile, codeCacheFile };

// `node bin/cliBundle.js` (the prepare script): build it now.
if (require.main === module) {
  const built = buildBundle();
  if (!built) {
    console.error("samkalk: kunde inte bygga kommandoradens paket; kommandona körs då via tsx (långsammare start).");
  }
}
