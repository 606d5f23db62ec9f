import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { BUDGET_004 } from "../../src/samples/budget004";

const root = path.resolve(__dirname, "../..");
const fixture = path.join(root, "test/budget/fixtures/budget004.csv");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-budget-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function samkalk(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(root, "bin/samkalk.js"), ...args], { encoding: "utf8", cwd: tmp, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function file(name: string, content: string | Buffer) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
}
/** The fixture with lines replaced: by their label, or "@3" for line 3. */
function edited(name: string, replace: Record<string, string>) {
  const lines = fs.readFileSync(fixture, "utf8").split("\n");
  for (const [label, line] of Object.entries(replace)) {
    const i = label.startsWith("@") ? Number(label.slice(1)) - 1 : lines.findIndex((l) => l.startsWith(`${label};`));
    if (i < 0) throw new Error(`no line ${label}`);
    lines[i] = label.startsWith("@") ? line : `${label};${line}`;
  }
  return file(name, lines.join("\n"));
}

describe("samkalk budget import", () => {
  it("prints 004 as one CSV row per post and year, and exits 1 on the 2021 kommun fees' 1 tkr shortfall", () => {
    const r = samkalk("budget", "import", fixture);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toBe("sektion,grupp,post,ar,belopp,enhet,medlem,medlemskod,cell");
    expect(lines).toHaveLength(1 + 32 * 3);
    expect(lines).toContain('intäkter,,"Umeå kommun, 82,9% av arb-bef.",2021,2359,tkr,kommun,2480,B6');
    expect(lines).toContain("kostnader,Kansli och styrelse,Kanslipersonal,2022,-1620,tkr,,,C20");
    expect(r.err).toMatch(/^Kontroll: 2021, B6:B11: kommunernas avgifter summerar till 2\u00a0844\u00a0tkr men ska vara lika med regionens 2\u00a0845\u00a0tkr/m);
  });

  it("prints JSON with the rows and each failed check: the line, the year, the expected and the found amount", () => {
    const r = samkalk("budget", "import", fixture, "--format", "json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.rader).toHaveLength(96);
    expect(j.rader[0]).toEqual({ sektion: "intäkter", grupp: null, post: "Försäkringskassan", ar: 2021, belopp: 5690, enhet: "tkr", medlem: "stat", medlemskod: null, cell: "B5" });
    expect(j.kontroller).toEqual([
      { typ: "kommunernas_avgifter", rad: "Kommunernas medlemsavgifter", ar: 2021, cell: "B6:B11", forvantat: 2845, funnet: 2844, skillnad: -1, meddelande: expect.stringMatching(/^2021, B6:B11/) },
    ]);
  });

  it("exits 0 when every check holds, and writes Budget and Budgetkontroll with --out", async () => {
    // 004 with Umeå's 2021 fee at 2 360, so the kommuner pay the region's 2 845, and every total after it.
    const ok = edited("ok.csv", {
      "- Umeå kommun, 82,9% av arb-bef.": "2 360;2 353;2 353",
      "Summa intäkter": "11 490;11 493;11 496",
      Resultat: "-1 145;-102;-9",
      "Eget kapital vid årets början": "2 040;895;793",
      "Eget kapital vid årets slut": "895;793;784",
    });
    const out = path.join(tmp, "budget.xlsx");
    const r = samkalk("budget", "import", ok, "--format", "json", "--out", out, "--forbund", "Samordningsförbundet Umeåregionen");
    expect(JSON.parse(r.out).kontroller).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Skrev .*budget\.xlsx: Budget, Budgetkontroll\./);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name)).toEqual(["Budget", "Budgetkontroll"]);
    expect(Object.keys((wb.getWorksheet("Budget") as unknown as { tables: Record<string, unknown> }).tables)).toEqual(["Samkalk_Budget"]);
  });

  it("reads TSV, and CSV in Windows-1252 as Swedish Excel saves it", () => {
    const tsv = file("budget.tsv", fs.readFileSync(fixture, "utf8").replace(/;/g, "\t"));
    expect(samkalk("budget", "import", tsv).out.split("\n")).toHaveLength(98);
    const latin1 = file("latin1.csv", Buffer.from(fs.readFileSync(fixture, "utf8"), "latin1"));
    const r = samkalk("budget", "import", latin1);
    expect(r.out).toContain("kostnader,Verksamhetsnära kostnader,Kompetensutveckling och mötesplatser,2023,-450,tkr,,,D32");
  });

  it("reads a sheet of an .xlsx workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Försättsblad").getCell("A1").value = "Verksamhetsplan 2021";
    const ws = wb.addWorksheet("Budget 2021");
    BUDGET_004.forEach((row, i) => row.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
    const xlsx = path.join(tmp, "vp.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const r = samkalk("budget", "import", xlsx, "--sheet", "Budget 2021", "--format", "json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).kontroller).toHaveLength(1);
    const wrong = samkalk("budget", "import", xlsx, "--sheet", "Budget");
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe('vp.xlsx: Bladet "Budget" finns inte. Bladen heter "Försättsblad", "Budget 2021".\n');
  });

  it("refuses merged cells in an .xlsx, naming them, and writes nothing", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Budget");
    BUDGET_004.forEach((row, i) => row.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
    ws.mergeCells("A1:D1");
    const xlsx = path.join(tmp, "merged.xlsx");
    await wb.xlsx.writeFile(xlsx);
    const out = path.join(tmp, "merged-out.xlsx");
    const r = samkalk("budget", "import", xlsx, "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^merged\.xlsx: celler A1:D1: Området innehåller sammanfogade celler/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it.each([
    ["text in an amount cell", "text.csv", { "- Lokalhyra": "-85;ca 90;-95" }, /^text\.csv: cell C22: "ca 90" är inte ett belopp \(raden "- Lokalhyra", år 2022\)/],
    ["a Summa line with no parts above it", "summa.csv", { Verksamheter: ";;\nSumma projekt;-10;-10;-10" }, /^summa\.csv: rad 35: Summaraden "Summa projekt" har inga poster ovanför sig/],
    ["a year twice", "twice.csv", { "@3": ";2021;2022;2022" }, /^twice\.csv: cell D3: År 2022 finns redan i C3/],
    ["no year headers", "noyear.csv", { "@3": ";;;" }, /^noyear\.csv: område A1:D51: Hittar ingen rubrikrad med år/],
  ])("bad input: %s, located, exit 1, nothing written", (_what, name, replace, message) => {
    const p = edited(name as string, replace as Record<string, string>);
    const out = path.join(tmp, `${name}.xlsx`);
    const r = samkalk("budget", "import", p, "--out", out);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message as RegExp);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("refuses a post named with more text than an Excel cell holds, with --out or without, and prints nothing", () => {
    const text = fs.readFileSync(fixture, "utf8").replace("Kanslipersonal", `Kanslipersonal ${"x".repeat(40_000)}`);
    const p = file("long-post.csv", text);
    const out = path.join(tmp, "long-post.xlsx");
    const printed = samkalk("budget", "import", p);
    const written = samkalk("budget", "import", p, "--out", out);
    for (const r of [printed, written]) {
      expect(r.code).toBe(1);
      expect(r.out).toBe("");
      expect(r.err).toMatch(/bladet "Budget", cell C\d+: Texten är 40\s015 tecken; en cell i Excel rymmer högst 32\s767/);
    }
    expect(printed.err).toBe(written.err);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a missing file", () => {
    const r = samkalk("budget", "import", "finns-inte.csv");
    expect(r.code).toBe(1);
    expect(r.err).toBe("Filen finns-inte.csv finns inte. Kontrollera namnet och mappen.\n");
  });
});
