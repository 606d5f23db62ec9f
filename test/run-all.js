#!/usr/bin/env node
/**
 * The whole test run, as `npm test` and CI run it:
 *   1. type check (tsc --noEmit, strict)   2. lint (eslint with eslint-plugin-office-addins)
 *   3. production bundle (the browser tests load it)   4. every jest suite (unit, LibreOffice, Chromium)
 * It ends with "N skipped, N todo" and then the line CI reads, "N passed, N failed", which counts each
 * jest test and each of steps 1–3. It fails when jest exits non-zero, or when jest ran fewer suites than
 * there are *.test.ts(x) files under test/ (unless jest arguments narrow the run).
 * Pass jest arguments after `--` (e.g. `npm test -- test/domain`); SKIP_BUILD=1 reuses dist/.
 * SAMKALK_SKIP_EXTERNAL=1 skips the suites that need LibreOffice, pdftotext or Chromium (counted as
 * skipped); without it, such a suite fails when its program is missing (test/harness/externalPrograms.ts).
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

/** Every suite file under test/, as jest's testMatch finds them (jest.config.js). */
function suiteFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : suiteFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const out = path.join(os.tmpdir(), `samkalk-jest-${process.pid}.json`);
process.stdout.write("\n== jest\n");
const filtered = process.argv.length > 2;
const jestArgs = ["--ci", "--json", `--outputFile=${out}`, ...process.argv.slice(2)];
const jest = spawnSync(bin("jest"), jestArgs, { cwd: root, stdio: "inherit" });
let skipped = 0;
let todo = 0;
if (fs.existsSync(out)) {
  const r = JSON.parse(fs.readFileSync(out, "utf8"));
  fs.rmSync(out);
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  skipped = r.numPendingTests;
  todo = r.numTodoTests;
  const expected = suiteFiles(path.join(root, "test")).length;
  console.log(`\njest: ${r.numTotalTests} tests in ${r.numTotalTestSuites} suites; ${expected} suite files under test/`);
  if (!filtered && r.numTotalTestSuites < expected) {
    failed++;
    console.log(`FAILED: jest ran ${r.numTotalTestSuites} suites, but test/ has ${expected}`);
  }
  if (jest.status !== 0 && r.numFailedTests + r.numRuntimeErrorTestSuites === 0) {
    failed++;
    console.log(`FAILED: jest exited with code ${jest.status} although no test failed`);
  }
} else {
  failed++;
  console.log(`FAILED: jest wrote no results (exit code ${jest.status})`);
}
if (process.env.SAMKALK_SKIP_EXTERNAL === "1") console.log("SAMKALK_SKIP_EXTERNAL=1: suites needing LibreOffice, pdftotext or Chromium were skipped on request");
console.log(`${skipped} skipped, ${todo} todo`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
