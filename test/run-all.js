#!/usr/bin/env node
/**
 * The whole test run, as `npm test` and CI run it:
 *   1. type check (tsc --noEmit, strict)   2. lint (eslint with eslint-plugin-office-addins)
 *   3. production bundle (the browser tests load it)   4. every jest suite (unit, LibreOffice, Chromium)
 * and a closing line "N passed, N failed" that counts each jest test and each of steps 1–3.
 * Pass jest arguments after `--` (e.g. `npm test -- test/domain`); SKIP_BUILD=1 reuses dist/.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;

function step(name, cmd, args) {
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit" });
  if (r.status === 0) passed++;
  else {
    failed++;
    console.log(`FAILED: ${name}`);
  }
}

step("typecheck", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
step("lint", bin("eslint"), ["src", "test", "bench"]);
if (process.env.SKIP_BUILD !== "1") step("build", bin("webpack"), ["--mode", "production"]);

const out = path.join(os.tmpdir(), `samkalk-jest-${process.pid}.json`);
process.stdout.write("\n== jest\n");
const jestArgs = ["--ci", "--json", `--outputFile=${out}`, ...process.argv.slice(2)];
spawnSync(bin("jest"), jestArgs, { cwd: root, stdio: "inherit" });
if (fs.existsSync(out)) {
  const r = JSON.parse(fs.readFileSync(out, "utf8"));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  fs.rmSync(out);
} else {
  failed++;
  console.log("FAILED: jest wrote no results");
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
