/**
 * Large input files through the command line (spawned bin/samkalk.js): a 100 MB members file, budget and SCB
 * extract (refused by their size before reading) and files just under each job's limit (read in full): exit
 * code, wall time and the process's peak memory (target: a clear refusal or success under 1 GB and 30 s,
 * never a crash). Peak memory comes from /usr/bin/time where it exists.
 *   node bin/run-ts.js bench/largeInputFiles.ts      (also a section of `npm run bench`)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { INPUT_LIMITS, formatBytes } from "../src/sources/inputLimits";
import { generateExtract } from "./generateExtract";

const MB = 1024 * 1024;
const TIME = "/usr/bin/time";

/** Writes `head` and then `line(i)` for i = 0, 1, … until the file reaches `bytes`. */
function writeFile(file: string, bytes: number, head: Uint8Array, line: (i: number) => Uint8Array): void {
  const fd = fs.openSync(file, "w");
  try {
    fs.writeSync(fd, head);
    let size = head.length;
    const chunk: Uint8Array[] = [];
    let chunkBytes = 0;
    for (let i = 0; size < bytes; i++) {
      const l = line(i);
      if (size + l.length > bytes) break;
      chunk.push(l);
      chunkBytes += l.length;
      size += l.length;
      if (chunkBytes > 4 * MB) {
        fs.writeSync(fd, Buffer.concat(chunk));
        chunk.length = 0;
        chunkBytes = 0;
      }
    }
    fs.writeSync(fd, Buffer.concat(chunk));
  } finally {
    fs.closeSync(fd);
  }
}

function run(args: string[]): { code: number | null; ms: number; peakMb: number | null; firstLine: string } {
  const samkalk = [path.join(__dirname, "..", "bin", "samkalk.js"), ...args];
  const timed = fs.existsSync(TIME);
  const t0 = performance.now();
  const r = timed
    ? spawnSync(TIME, ["-f", "PEAK_KB=%M", process.execPath, ...samkalk], { encoding: "utf8", maxBuffer: 1024 * MB })
    : spawnSync(process.execPath, samkalk, { encoding: "utf8", maxBuffer: 1024 * MB });
  const ms = performance.now() - t0;
  const peak = /PEAK_KB=(\d+)/.exec(r.stderr ?? "");
  const firstLine = (r.stderr ?? "").split("\n").find((l) => l.trim() !== "" && !l.startsWith("PEAK_KB") && !l.startsWith("Command exited")) ?? "";
  return { code: r.status, ms, peakMb: peak ? Number(peak[1]) / 1024 : null, firstLine };
}

const utf8 = (s: string) => Buffer.from(s, "utf8");

export function largeInputFiles(): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-bench-large-"));
  const out: string[] = [];
  const report = (what: string, file: string, args: string[]) => {
    const r = run(args);
    const size = (fs.statSync(file).size / MB).toFixed(1);
    const peak = r.peakMb === null ? "peak n/a" : `peak ${r.peakMb.toFixed(0)} MB`;
    out.push(`  ${what} (${size} MB): exit ${r.code}, ${(r.ms / 1000).toFixed(2)} s, ${peak} — ${r.firstLine.slice(0, 110)}`);
  };
  try {
    const extract = generateExtract(100_000);
    const text = Buffer.from(extract.bytes);
    const firstData = text.indexOf("\r\n", text.indexOf('"region"')) + 2;
    const extractHead = text.subarray(0, firstData);
    const extractLines = text.subarray(firstData).toString("latin1").split("\r\n").filter((l) => l !== "").map((l) => Buffer.from(`${l}\r\n`, "latin1"));
    const files = {
      members: (bytes: number) => {
        const f = path.join(dir, `members-${bytes}.csv`);
        writeFile(f, bytes, utf8("kod,namn,befolkning\n"), (i) => utf8(`${String(1000 + (i % 9000)).padStart(4, "0")},Kommun ${i},${i % 100000}\n`));
        return f;
      },
      budget: (bytes: number) => {
        const f = path.join(dir, `budget-${bytes}.csv`);
        writeFile(f, bytes, utf8(";2022;2023;2024\nKostnader;;;\n"), (i) => utf8(`- Insats ${i};${i % 1000};1 234;2 345\n`));
        return f;
      },
      extract: (bytes: number) => {
        const f = path.join(dir, `extract-${bytes}.csv`);
        writeFile(f, bytes, extractHead, (i) => extractLines[i % extractLines.length]);
        return f;
      },
    };
    const under = (limit: number) => limit - 64 * 1024;
    let f = files.members(100 * MB);
    report("members, 100 MB", f, ["split", "--members", f, "--total", "1000"]);
    f = files.members(under(INPUT_LIMITS.medlemmar.bytes));
    report(`members, just under the ${formatBytes(INPUT_LIMITS.medlemmar.bytes)} limit`, f, ["split", "--members", f, "--total", "1000"]);
    f = files.budget(100 * MB);
    report("budget, 100 MB", f, ["budget", "import", f]);
    f = files.budget(under(INPUT_LIMITS.budget.bytes));
    report(`budget, just under the ${formatBytes(INPUT_LIMITS.budget.bytes)} limit`, f, ["budget", "import", f, "--format", "json"]);
    report(`budget with --out, just under the ${formatBytes(INPUT_LIMITS.budget.bytes)} limit`, f, ["budget", "import", f, "--format", "json", "--out", path.join(dir, "budget.xlsx")]);
    f = path.join(dir, "initiatives-100MB.csv");
    writeFile(f, 100 * MB, utf8("Nr,Område,Initiativ,Nuläge,Beskrivning\n"), (i) => utf8(`${i + 1},Område ${i % 5},Initiativ ${i},pågående,Text ${i}\n`));
    report("initiatives, 100 MB", f, ["initiativ", f, "--out", path.join(dir, "i.xlsx"), "--datum", "2023-06-15"]);
    f = path.join(dir, "initiatives-1000.csv");
    writeFile(f, 10 * MB, utf8("Nr,Område,Initiativ,Nuläge,Beskrivning\n"), (i) => (i < 1000 ? utf8(`${i + 1},Område ${i % 5},Initiativ ${i},pågående,Text ${i}\n`) : new Uint8Array(10 * MB)));
    report("initiatives, 1 000 (the most one run writes)", f, ["initiativ", f, "--out", path.join(dir, "i.xlsx"), "--datum", "2023-06-15"]);
    f = files.extract(100 * MB);
    report("SCB extract, 100 MB", f, ["scb", "import", f]);
    f = files.extract(under(INPUT_LIMITS.scb.bytes));
    report(`SCB extract, just under the ${formatBytes(INPUT_LIMITS.scb.bytes)} limit`, f, ["scb", "import", f]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

if (process.argv.slice(1, 3).some((a) => a.endsWith("largeInputFiles.ts"))) for (const line of largeInputFiles()) console.log(line);
