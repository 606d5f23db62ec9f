import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-cli-alloc-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function samkalk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "bin/samkalk.js"), ...args], { encoding: "utf8", cwd: tmp });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, text: string | Buffer) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
}

/** Three förbund whose model amounts come out round: A 550 000, B 650 000, C 800 000 of 2 000 000 kr; Stockholm outside. */
const underlag = "forbund,kod,befolkning,forsorjningsmatt\nA,2480,100,10\nB,2460,100,20\nC,2401,150,25\nC,2404,50,5\n,0180,600000,90000\n";

describe("samkalk tilldelning", () => {
  it("prints JSON with each förbund's base, parts, model, last year and forecast, summing to the national amount", () => {
    const r = samkalk("tilldelning", "--underlag", file("underlag.csv", underlag), "--anslag", "2 000 000", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      forbund: [
        { namn: "A", grund: 400000, forsorjningsdel: 100000, befolkningsdel: 50000, modell: 550000, forra_aret: null, tilldelning: 550000 },
        { namn: "B", grund: 400000, forsorjningsdel: 200000, befolkningsdel: 50000, modell: 650000, forra_aret: null, tilldelning: 650000 },
        { namn: "C", grund: 400000, forsorjningsdel: 300000, befolkningsdel: 100000, modell: 800000, forra_aret: null, tilldelning: 800000 },
      ],
      summa: 2000000,
    });
  });

  it("holds a förbund at 90 % of last year with --forra-aret (semicolon CSV in Latin-1), the others paying in proportion, as CSV", () => {
    const forra = file("forra.csv", Buffer.from("förbund;belopp\r\nA;800 000\r\n", "latin1"));
    const r = samkalk("tilldelning", "--underlag", file("underlag.csv", underlag), "--anslag", "2000000", "--forra-aret", forra);
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n")).toEqual([
      "forbund,grund,forsorjningsdel,befolkningsdel,modell,forra_aret,tilldelning",
      "A,400000,100000,50000,550000,800000,720000",
      "B,400000,200000,50000,650000,,573793",
      "C,400000,300000,100000,800000,,706207",
      "Summa,,,,,,2000000",
    ]);
  });

  it("a smaller cap and base from the flags", () => {
    const forra = file("forra2.csv", "forbund,belopp\nA,800000\n");
    const r = samkalk("tilldelning", "--underlag", file("underlag.csv", underlag), "--anslag", "2000000", "--grund", "0", "--sparr", "5", "--forra-aret", forra, "--format", "json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.forbund[0]).toMatchObject({ grund: 0, modell: 2000000 * 10 / 60 * 0.75 + 2000000 * 0.25 / 4, tilldelning: 760000 });
    expect(j.summa).toBe(2000000);
  });

  it("writes the sheet with live formulas with --out", async () => {
    const out = path.join(tmp, "tilldelning.xlsx");
    const r = samkalk("tilldelning", "--underlag", file("underlag.csv", underlag), "--anslag", "2000000", "--ar", "2027", "--forbund", "B", "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Skrev .*tilldelning\.xlsx \(bladet "Statlig tilldelning 2027"\)/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("Statlig tilldelning 2027")!;
    expect(ws.getCell("A1").value).toBe("Statlig tilldelning 2027 — prognos");
    expect(ws.getCell("B27").value).toMatchObject({ formula: expect.any(String), result: 650000 });
  });

  it.each([
    ["A,2480,100,10\nB,2480,100,20\n", [], /underlag\.csv, rad 3: Umeå \(2480\) står i två förbund: B och A \(underlag\.csv, rad 2\)/],
    ["A,2480,-100,10\n", [], /underlag\.csv, rad 2: Invånarna 16–64 år för Umeå är negativt \(-100\)/],
    ["A,2480,100,10\nB,2460,100,20\n", ["--anslag", "700000"], /--anslag: Anslaget \(700 000 kr\) räcker inte till grundtilldelningen: 800 000 kr för 2 förbund/],
    ["A,2480,100,10\n", ["--sparr", "tio"], /--sparr: Spärren \("tio"\) ska vara ett tal i procent/],
  ])("bad input exits 1 with a located Swedish message and writes nothing", (rows, flags, message) => {
    const out = path.join(tmp, "inte.xlsx");
    const r = samkalk("tilldelning", "--underlag", file("underlag.csv", `forbund,kod,befolkning,forsorjningsmatt\n${rows}`), "--anslag", "2000000", ...flags, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err.replace(/\u00a0/g, " ")).toMatch(message);
    expect(r.out).toBe("");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("last year for a förbund not in the underlag names the file row", () => {
    const r = samkalk("tilldelning", "--underlag", file("underlag.csv", underlag), "--anslag", "2000000", "--forra-aret", file("forra3.csv", "forbund,belopp\nA,1\nD,5\n"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/forra3\.csv, rad 3: Förbundet "D" finns inte i underlaget/);
  });

  it("a wrong header names the first row", () => {
    const r = samkalk("tilldelning", "--underlag", file("fel.csv", "kod,befolkning\n2480,1\n"), "--anslag", "2000000");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/fel\.csv, rad 1: Rubrikraden ska vara "forbund,kod,befolkning,forsorjningsmatt"/);
  });
});
