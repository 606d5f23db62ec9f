/**
 * Every command reads the user's file the same way: a file past its job's limit is refused by its size on
 * disk before it is read (the message states the limit), a missing file or a folder is named in Swedish,
 * UTF-16 and Windows-1252 files read as well as UTF-8, a file with a hundred thousand bad rows lists a few
 * dozen problems and counts the rest, and numbers Excel would change (past 2^53, more than 15 digits) are
 * refused with their cell or row.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-input-files-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const samkalk = (...args: string[]) => {
  const r = spawnSync(process.execPath, [path.join(root, "bin/samkalk.js"), ...args], { encoding: "utf8", cwd: tmp, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
function file(name: string, content: string | Buffer) {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, content);
  return p;
}
/** A file of `mb` megabytes whose every byte is "x": only its size is ever looked at. */
function sparse(name: string, mb: number) {
  const p = path.join(tmp, name);
  const fd = fs.openSync(p, "w");
  fs.ftruncateSync(fd, mb * 1024 * 1024);
  fs.closeSync(fd);
  return p;
}

describe("files past a job's size limit are refused unread, stating the limit", () => {
  test.each([
    ["split", (f: string) => ["split", "--members", f, "--total", "1000"], 6, "5 MB"],
    ["budget import", (f: string) => ["budget", "import", f], 2, "512 kB"],
    ["budget import of an .xlsx", (f: string) => ["budget", "import", f], 2, "512 kB"],
    ["initiativ", (f: string) => ["initiativ", f, "--out", "ut.xlsx"], 3, "2 MB"],
    ["scb import", (f: string) => ["scb", "import", f], 17, "16 MB"],
  ])("%s", (name, args, mb, limit) => {
    const f = sparse(`${name.replace(/\W/g, "-")}${name.includes("xlsx") ? ".xlsx" : ".csv"}`, mb as number);
    const t0 = Date.now();
    const r = samkalk(...(args as (f: string) => string[])(f));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`Filen är ${mb} MB; Samkalk läser högst ${limit}`);
    expect(r.err).toContain("Inget har lästs in.");
    expect(r.out).toBe("");
    expect(fs.existsSync(path.join(tmp, "ut.xlsx"))).toBe(false);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});

describe("files that are not there", () => {
  test("a missing file and a folder are named in Swedish, exit 1", () => {
    expect(samkalk("scb", "import", "saknas.csv")).toMatchObject({ code: 1, err: "Filen saknas.csv finns inte. Kontrollera namnet och mappen.\n" });
    fs.mkdirSync(path.join(tmp, "mapp"), { recursive: true });
    expect(samkalk("split", "--members", "mapp", "--total", "1", "--ar", "2025")).toMatchObject({ code: 1, err: "mapp är en mapp, inte en fil.\n" });
  });
});

describe("a hundred thousand bad rows", () => {
  test("split lists thirty problems and counts the rest, without a stack trace", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `x${i},Namn ${i},abc`);
    const r = samkalk("split", "--members", file("manga.csv", `kod,namn,befolkning\n${rows.join("\n")}\n`), "--total", "1000");
    expect(r.code).toBe(1);
    const lines = r.err.trim().split("\n");
    expect(lines).toHaveLength(31);
    expect(lines[0]).toBe('manga.csv, rad 2: Kommunkoden "x0" ska vara fyra siffror, t.ex. 2480.');
    expect(lines[30]).toBe("… och 199\u00a0970 till.");
  });
});

describe("encodings", () => {
  const csv = "kod,namn,befolkning\n2480,Umeå,78389\n2403,Bjurholm,1300\n";
  test.each([
    ["UTF-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")])],
    ["UTF-16 LE (Excel's Unicode text)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")])],
    ["UTF-16 BE", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(csv, "utf16le").swap16()])],
    ["Windows-1252", Buffer.from(csv, "latin1")],
  ])("split reads a members file in %s", (_, bytes) => {
    const r = samkalk("split", "--members", file("enc.csv", bytes), "--kommun-total", "1000", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).kommuner.map((k: { namn: string }) => k.namn)).toEqual(["Umeå", "Bjurholm"]);
  });
});

describe("numbers Excel would change", () => {
  test("budget import refuses 9007199254740993 naming the cell", () => {
    const budget = ";2021;2022\nIntäkter;;\n- Försäkringskassan;9007199254740993;5690\nSumma intäkter;9007199254740993;5690\n";
    const r = samkalk("budget", "import", file("stor.csv", budget));
    expect(r.code).toBe(1);
    expect(r.err).toContain('stor.csv: cell B3: Talet 9007199254740993 är för stort: Excel räknar exakt bara med heltal under 9 007 199 254 740 992 (2^53)');
    expect(r.out).toBe("");
  });

  test("budget import refuses 16 significant digits, and an amount of 15 is read", () => {
    const budget = (v: string) => `;2021;2022\nIntäkter;;\n- Försäkringskassan;${v};1\nSumma intäkter;${v};1\n`;
    const r = samkalk("budget", "import", file("siffror.csv", budget("12345678901234,56")));
    expect(r.code).toBe(1);
    expect(r.err).toContain("cell B3: Talet 12345678901234,56 har 16 värdesiffror; Excel sparar högst 15");
    const ok = samkalk("budget", "import", file("siffror15.csv", budget("1234567890123,45")), "--format", "json");
    expect(JSON.parse(ok.out).rader[0].belopp).toBe(1234567890123.45);
  });

  test("scb import refuses 9007199254740993 naming the cell", () => {
    const extract = '"Folkmängd efter region och år"\n\n"region";"2023"\n"2480 Umeå";"9007199254740993"\n"2403 Bjurholm";"2450"\n';
    const r = samkalk("scb", "import", file("scb.csv", extract));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^scb\.csv, rad 4, kolumn 2: Talet 9007199254740993 är för stort/);
    expect(r.out).toBe("");
  });
});

describe("each value blamed on where it was typed", () => {
  test("a 400-digit population is the member row's problem, not --total's, and is not echoed in full", () => {
    const r = samkalk("split", "--members", file("m400.csv", `kod,namn,befolkning\n2480,Umeå,${"9".repeat(400)}\n2403,Bjurholm,1300\n`), "--total", "1000");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^m400\.csv, rad 2: Befolkningen för Umeå: Talet 9{60}… \(400 tecken\) är för stort/);
    expect(r.err).not.toContain("--total");
  });

  test("a kommun name longer than a cell holds is refused on its row, quoted only in part", () => {
    const r = samkalk("split", "--members", file("lang.csv", `kod,namn,befolkning\n2480,${"Å".repeat(40_000)},78389\n`), "--total", "1000");
    expect(r.code).toBe(1);
    expect(r.err).toContain("lang.csv, rad 2: Namnet är 40\u00a0000 tecken; en cell i Excel rymmer högst 32\u00a0767.");
    expect(r.err.length).toBeLessThan(500);
    expect(r.out).toBe("");
  });

  test("a budget post called +1+1 is a post (its text escaped in CSV), not a line without text", () => {
    const r = samkalk("budget", "import", file("plus.csv", ";2021;2022\nIntäkter;;\n+1+1;10;20\n- Försäkringskassan;5;5\nSumma intäkter;15;25\n"), "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).rader.filter((x: { post: string }) => x.post === "+1+1").map((x: { belopp: number }) => x.belopp)).toEqual([10, 20]);
  });

  test("years and age bands of the SCB commands are checked with their flag before anything is fetched", () => {
    expect(samkalk("scb", "befolkning", "--kommuner", "2480", "--ar", "0001")).toMatchObject({ code: 1, err: '--ar: "0001" är inget år som SCB har statistik för (skriv t.ex. 2019).\n' });
    expect(samkalk("scb", "befolkning", "--kommuner", "2480", "--ar", "2019", "--alder", "64-20").err).toBe('--alder: "64-20" är ingen åldersgrupp (från-till i hela år upp till 110, t.ex. 20-64).\n');
  });
});

describe("initiatives", () => {
  test("more than 1 000 initiatives (one status sheet each) are refused, naming the count; nothing is written", () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `${i + 1},Område ${i % 5},Initiativ ${i},pågående,Text ${i}`);
    const out = path.join(tmp, "status.xlsx");
    const r = samkalk("initiativ", file("init.csv", ["Nr,Område,Initiativ,Nuläge,Beskrivning", ...rows].join("\n") + "\n"), "--out", out, "--datum", "2023-06-15");
    expect(r.code).toBe(1);
    expect(r.err).toBe('bladet "Initiativ": Tabellen har 1001 initiativ; Samkalk skriver ett statusblad per initiativ och högst 1000. Dela upp tabellen (t.ex. per område). Inget har skrivits.\n');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("text Excel cannot hold in an SCB extract", () => {
  test("a region text of 40 000 characters is refused at its row and column, and not echoed", () => {
    const extract = `"Folkmängd efter region och år"\n\n"region";"2023"\n"2480 ${"Umeå".repeat(10_000)}";"130000"\n"2403 Bjurholm";"2450"\n`;
    const r = samkalk("scb", "import", file("langt.csv", extract));
    expect(r.code).toBe(1);
    expect(r.err).toBe("langt.csv, rad 4, kolumn 1: Texten är 40\u00a0005 tecken; en cell i Excel rymmer högst 32\u00a0767.\n");
    expect(r.out).toBe("");
  });
});
