/**
 * CSV on standard output is safe to open in Excel: a text that would run as a formula (=, +, -, @ first) gets
 * a leading apostrophe (OWASP CSV injection), plain and negative numbers stay numbers, and `--format json`
 * keeps the raw text. A pipe closed early (`| head -1`) ends the command quietly.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";

const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "bin/samkalk.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-csv-out-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const samkalk = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", cwd: tmp });
function file(name: string, text: string | Buffer) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
}

const HOSTILE = ["=cmd|'/C calc'!A0", "+1+1", "@SUM(1)", "-2+3"];

describe("CSV output", () => {
  const members = file(
    "m.csv",
    ["kod,namn,befolkning", `2480,"${HOSTILE[0].replace(/"/g, '""')}",1000`, `2403,${HOSTILE[1]},2000`, `2404,${HOSTILE[2]},3000`, `2409,${HOSTILE[3]},4000`].join("\n") + "\n",
  );

  it("split: kommun names that look like formulas are printed as text, the amounts as numbers", () => {
    const r = samkalk("split", "--members", members, "--kommun-total", "1000", "--unit", "kr");
    expect(r.status).toBe(0);
    const rows = Papa.parse<string[]>(r.stdout.trim()).data;
    const names = rows.filter((row) => row[0] === "kommun").map((row) => row[2]);
    expect(names).toEqual(HOSTILE.map((h) => `'${h}`));
    const fees = rows.filter((row) => row[0] === "kommun").map((row) => row[4]);
    for (const f of fees) expect(f).toMatch(/^\d+$/);
  });

  it("split --format json keeps the names exactly as given", () => {
    const r = samkalk("split", "--members", members, "--kommun-total", "1000", "--unit", "kr", "--format", "json");
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { kommuner: Array<{ namn: string }> };
    expect(j.kommuner.map((k) => k.namn)).toEqual(HOSTILE);
  });

  it("scb import: a region called =HYPERLINK(…) is escaped, a negative value is not", () => {
    const extract = file("x.csv", '"region";"år";"Värde"\n"=HYPERLINK(""http://x"")";"2022";"-5"\n"2480 Umeå";"2022";"12"\n');
    const r = samkalk("scb", "import", extract);
    expect(r.stderr).not.toMatch(/Error|at /);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(r.stdout).toMatch(/,-5(,|\n)/);
  });

  it("a pipe closed after the first line ends the command quietly", () => {
    const rows = Array.from({ length: 20_000 }, (_, k) => `"${2480}";"${1990 + (k % 30)}";"${k}"`);
    const big = file("big.csv", `"region";"år";"Värde"\n${rows.join("\n")}\n`);
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" scb import "${big}" | head -1`], { encoding: "utf8" });
    expect(r.stdout.split("\n")[0]).toMatch(/kod|region/i);
    expect(r.stderr).toBe("");
  });
});

describe("flags and encodings of split", () => {
  const members = file("m2.csv", "kod,namn,befolkning\n2480,Umeå,78389\n2403,Bjurholm,1300\n");
  it("a year or age band typed wrong is named with the flag and what was typed, exit 2", () => {
    for (const [flag, value, pattern] of [
      ["--ar", "tjugo", /--ar tjugo: ange ett årtal/],
      ["--referensar", "19", /--referensar 19: ange ett årtal/],
      ["--alder", "abc", /--alder abc: ange åldersgruppen/],
      ["--alder", "64-20", /--alder 64-20/],
    ] as const) {
      const r = samkalk("split", "--members", members, "--kommun-total", "1000", flag, value);
      expect({ flag, code: r.status }).toEqual({ flag, code: 2 });
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/NaN|nyckel\./);
    }
  });

  it("a members file saved as UTF-16 (Excel's Unicode text) or Latin-1 reads with its å, ä, ö", () => {
    const text = "kod\tnamn\tbefolkning\n2480\tUmeå\t78389\n2418\tVännäs\t8000\n";
    const utf16 = file("m16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    const latin1 = file("mlatin1.csv", Buffer.from(text.replace(/\t/g, ";"), "latin1"));
    for (const m of [utf16, latin1]) {
      const r = samkalk("split", "--members", m, "--kommun-total", "1000", "--format", "json");
      expect(r.stderr).toBe("");
      expect((JSON.parse(r.stdout) as { kommuner: Array<{ namn: string }> }).kommuner.map((k) => k.namn)).toEqual(["Umeå", "Vännäs"]);
    }
  });
});
