/**
 * `samkalk styrelsepaket`: a förbund Samkalk does not know (Södra Dalarna, five Dalarna kommuner, its own
 * budget and twelve initiatives, test/fixtures/pack) gets its whole board pack offline with --inbyggd;
 * bad input and a failing step write nothing; --pdf prints the pack with LibreOffice.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { embeddedPopulation } from "../../src/domain/scb/embeddedPopulation";
import { FEE_SHEET_LAYOUT } from "../../src/sheets/fee/feeSheet";
import { describeWith } from "../harness/externalPrograms";
import { startReplayServer, type ReplayServer } from "../scb/replay/replayServer";

const root = path.resolve(__dirname, "../..");
const fixtures = path.join(root, "test/fixtures/pack");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-pack-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function samkalk(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [path.join(root, "bin/samkalk.js"), "styrelsepaket", ...args], {
    encoding: "utf8",
    cwd: tmp,
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of the Södra Dalarna inputs in a folder of its own, the profile changed by `edit`. */
function inputs(name: string, edit: (p: Record<string, unknown>) => void = () => undefined, files: Record<string, string> = {}): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  for (const f of ["budget.csv", "initiativ.csv"]) fs.copyFileSync(path.join(fixtures, f), path.join(dir, f));
  for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
  const profile = JSON.parse(fs.readFileSync(path.join(fixtures, "sodra-dalarna.profil.json"), "utf8")) as Record<string, unknown>;
  edit(profile);
  const file = path.join(dir, "profil.json");
  fs.writeFileSync(file, JSON.stringify(profile, null, 2));
  return file;
}

const profileJson = JSON.parse(fs.readFileSync(path.join(fixtures, "sodra-dalarna.profil.json"), "utf8")) as { kommuner: string[]; belopp: { total: string } };

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function shown(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  return v !== null && typeof v === "object" && "formula" in v ? v.result : v;
}


/** The sheets a user sees (the file also holds Samkalk's very hidden register sheet). */
function visibleSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((w) => w.state !== "veryHidden");
}
describe("samkalk styrelsepaket --inbyggd for a förbund in Dalarna", () => {
  const out = path.join(tmp, "dalarna.xlsx");
  let run: ReturnType<typeof samkalk>;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    run = samkalk(["--profil", path.join(fixtures, "sodra-dalarna.profil.json"), "--out", out, "--inbyggd", "--datum", "2025-03-31"]);
    wb = await open(out);
  });

  it("builds every sheet of the pack, Innehåll first and the summary second, reporting each step", () => {
    expect(run.err).not.toMatch(/Error|at /);
    expect(run.code).toBe(0);
    const names = visibleSheets(wb).map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(["Innehåll", "Sammanfattning för styrelsen", "Förbundsprofil"]);
    for (const sheet of ["Befolkning", "Källor", "Medlemsavgifter 2025", "Budget", "Budgetkontroll", "Budget 2025–2027", "Helårsekvivalenter", "Initiativ", "Initiativ översikt", "Initiativ historik"]) {
      expect(names).toContain(sheet);
    }
    expect(names.filter((n) => n.startsWith("Init "))).toHaveLength(12);
    for (const step of ["Befolkning", "Medlemsavgifter", "Budget och prognos tre år", "Helårsekvivalenter", "Samverkansinitiativ", "Skriver arbetsboken"]) expect(run.err).toContain(step);
  });

  it("splits the kommuner's quarter exactly: the fees sum to it and each lies within one krona of its quota", () => {
    const ws = wb.getWorksheet("Medlemsavgifter 2025")!;
    const { firstDataRow, columns } = FEE_SHEET_LAYOUT;
    const rows = profileJson.kommuner.map((_, i) => ws.getRow(firstDataRow + 1 + i));
    const kod = rows.map((r) => String(shown(r.getCell(columns.kod + 1))));
    expect(kod.sort()).toEqual([...profileJson.kommuner].sort());
    const pop = rows.map((r) => BigInt(Number(shown(r.getCell(columns.nyckel + 1)))));
    rows.forEach((r, i) => expect(Number(pop[i])).toBe(embeddedPopulation(String(shown(r.getCell(columns.kod + 1))), 20, 64)));
    const fees = rows.map((r) => BigInt(Number(shown(r.getCell(columns.belopp + 1)))));
    const total = BigInt(profileJson.belopp.total.replace(/\s/g, ""));
    expect(total % 4n).toBe(0n); // the profile's total splits into whole kronor: the kommuner's quarter is exact
    const quarter = total / 4n;
    expect(fees.reduce((a, b) => a + b, 0n)).toBe(quarter);
    const sumPop = pop.reduce((a, b) => a + b, 0n);
    fees.forEach((fee, i) => {
      const diff = fee * sumPop - quarter * pop[i]; // (fee − quota) × Σpop
      expect(diff < sumPop && -diff < sumPop).toBe(true);
    });
  });

  it("Innehåll links to every sheet and names the profile and the synthetic helårsekvivalenter", () => {
    const ws = wb.getWorksheet("Innehåll")!;
    const formulas: string[] = [];
    const texts: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value;
        if (v !== null && typeof v === "object" && "formula" in v) formulas.push(String(v.formula));
        else if (typeof v === "string") texts.push(v);
      }),
    );
    for (const name of visibleSheets(wb).map((w) => w.name)) expect(formulas).toContain(`HYPERLINK("#'${name.replace(/'/g, "''")}'!A1","${name}")`);
    expect(texts).toContain("Samordningsförbundet Södra Dalarna");
    expect(texts.some((t) => /2084 Avesta, 2083 Hedemora, 2082 Säter, 2061 Smedjebacken, 2085 Ludvika/.test(t))).toBe(true);
    expect(texts.some((t) => /SYNTETISKA EXEMPELDATA/.test(t))).toBe(true);
  });

  it("the summary lists every check with a live status formula and a link to the check's cell", () => {
    const ws = wb.getWorksheet("Sammanfattning för styrelsen")!;
    const statuses: string[] = [];
    const sheets = new Set<string>();
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value;
        if (v !== null && typeof v === "object" && "formula" in v && String(v.formula).startsWith("IF(LEFT(")) {
          statuses.push(String(v.result));
          const link = row.getCell(Number(c.col) + 1).value as ExcelJS.CellFormulaValue;
          const target = /'((?:[^']|'')+)'!([A-Z]+\d+)/.exec(String(v.formula))!;
          expect(String(link.formula)).toContain(`#'${target[1]}'!${target[2]}`);
          sheets.add(target[1]);
        }
      }),
    );
    expect([...sheets].sort()).toEqual(["Budget 2025–2027", "Budgetkontroll", "Medlemsavgifter 2025", "Statlig tilldelning 2025"]);
    expect(statuses.filter((s) => s === "FEL")).toEqual([]);
    // The empty equity staircase cannot be checked yet: one per projected year.
    expect(statuses.filter((s) => s === "ej kontrollerad")).toHaveLength(3);
    expect(run.out).toContain(`Kontroller: ${statuses.length}, inga FEL, 3 ej kontrollerade`);
  });
});

describe("samkalk styrelsepaket refuses bad input and writes nothing", () => {
  it("a bad profile: every problem named by its field, exit 1, no file", () => {
    const profile = inputs("bad", (p) => {
      p.kommuner = ["2084", "9999"];
      p.nyckel = { alder: "64-16", referensar: 2019 };
    });
    const out = path.join(tmp, "bad.xlsx");
    const r = samkalk(["--profil", profile, "--out", out, "--inbyggd"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/profil\.json, fältet kommuner\.1: "9999" är ingen kommunkod/);
    expect(r.err).toMatch(/fältet nyckel\.alder: Åldersgruppen "64-16"/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a reference year without embedded figures is refused offline before any step runs", () => {
    const profile = inputs("year", (p) => {
      p.nyckel = { alder: "20-64", referensar: 2023 };
    });
    const out = path.join(tmp, "year.xlsx");
    const r = samkalk(["--profil", profile, "--out", out, "--inbyggd"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nyckel\.referensar: Utan SCB finns bara de inbyggda befolkningssiffrorna för 2019/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a failing step (text in a budget amount) stops the pack, names the step and the cell, and writes nothing", () => {
    const budget = fs.readFileSync(path.join(fixtures, "budget.csv"), "utf8").replace("- Lokalhyra;-120000", "- Lokalhyra;etthundra");
    const profile = inputs("step", () => undefined, { "budget.csv": budget });
    const out = path.join(tmp, "step.xlsx");
    const r = samkalk(["--profil", profile, "--out", out, "--inbyggd"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Styrelsepaketet skapades inte \(steget Budget och prognos tre år\); inget har skrivits/);
    expect(r.err).toMatch(/B16/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a missing initiatives file is named with its path relative to the profile", () => {
    const profile = inputs("missing", (p) => {
      p.initiativ = "saknas/initiativ.csv";
    });
    const r = samkalk(["--profil", profile, "--out", path.join(tmp, "missing.xlsx"), "--inbyggd"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(path.join(tmp, "missing", "saknas", "initiativ.csv"));
    expect(r.err).toMatch(/Initiativfilen (finns inte eller )?kunde inte läsas/);
  });

  it("--pdf without LibreOffice says so in Swedish before anything is written", () => {
    const out = path.join(tmp, "nolo.xlsx");
    const r = samkalk(["--profil", path.join(fixtures, "sodra-dalarna.profil.json"), "--out", out, "--pdf", path.join(tmp, "nolo.pdf"), "--inbyggd"], {
      SAMKALK_SOFFICE: path.join(tmp, "finns-inte", "soffice"),
    });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/LibreOffice behövs för --pdf men programmet soffice finns inte/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describeWith(["soffice", "pdftotext"])("samkalk styrelsepaket --pdf", () => {
  const out = path.join(tmp, "pdf.xlsx");
  const pdf = path.join(tmp, "styrelsen.pdf");
  let text: string;
  let pages: string[];
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const r = samkalk(["--profil", path.join(fixtures, "sodra-dalarna.profil.json"), "--out", out, "--pdf", pdf, "--inbyggd", "--datum", "2025-03-31"]);
    expect(r.err).not.toMatch(/Error|at /);
    expect(r.code).toBe(0);
    text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    pages = text.split("\f").filter((p) => p.trim() !== "");
    wb = await open(out);
  }, 240_000);

  it("starts with the contents page, then the summary page, within 30 pages", () => {
    expect(pages[0]).toContain("Styrelsepaket 2025 – Samordningsförbundet Södra Dalarna");
    expect(pages[1]).toContain("Sammanfattning för styrelsen 2025 – Samordningsförbundet Södra Dalarna");
    expect(pages[1]).toContain("Alla kontroller");
    expect(pages.length).toBeLessThanOrEqual(30);
  });

  it("numbers the pages through the pack: Sida 1 av N on the contents page … Sida N av N on the last", () => {
    const footers = pages.map((p) => [...p.matchAll(/Sida (\d+) av (\d+)/g)].map((m) => `Sida ${m[1]} av ${m[2]}`));
    expect(footers).toEqual(pages.map((_, i) => [`Sida ${i + 1} av ${pages.length}`]));
  });

  it("prints every sheet's title in the workbook's order, and leaves the raw data sheets out", () => {
    const header = (ws: ExcelJS.Worksheet) => (ws.headerFooter.oddHeader ?? "").replace(/^&C&"-,Bold"/, "").replace(/&&/g, "&");
    const raw = new Set(["Befolkning", "Budget", "SCB Helårsekvivalenter", "Initiativ", "Initiativ historik"]);
    let at = 0;
    for (const ws of visibleSheets(wb)) {
      const title = header(ws);
      if (raw.has(ws.name)) continue;
      const page = pages.findIndex((p, i) => i >= at && p.startsWith(title));
      expect({ sheet: ws.name, title, found: page >= 0 }).toEqual({ sheet: ws.name, title, found: true });
      at = page;
    }
    for (const ws of wb.worksheets.filter((w) => raw.has(w.name))) {
      expect({ sheet: ws.name, printed: pages.some((p) => p.startsWith(header(ws) + "\n")) }).toEqual({ sheet: ws.name, printed: false });
    }
  });
});

describe("samkalk styrelsepaket --base-url (SCB's API, here the replay server)", () => {
  let server: ReplayServer;
  beforeAll(async () => {
    server = await startReplayServer({ config: { maxCallsPerTimeWindow: 1000 } });
  });
  afterAll(async () => server?.stop());

  /** The command in a child process, without blocking this process (which serves the replay server). */
  function samkalkAsync(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(root, "bin/samkalk.js"), "styrelsepaket", ...args], { cwd: tmp });
      let out = "";
      let err = "";
      child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
      child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
      child.on("close", (code) => resolve({ code, out, err }));
    });
  }

  it("fetches the population and the helårsekvivalenter from SCB and names the tables in Innehåll", async () => {
    const out = path.join(tmp, "scb.xlsx");
    const r = await samkalkAsync(["--profil", path.join(fixtures, "sodra-dalarna.profil.json"), "--out", out, "--base-url", server.v2, "--datum", "2025-03-31"]);
    expect(r.err).not.toMatch(/Error|at /);
    expect(r.code).toBe(0);
    const tables = new Set(server.calls.map((c) => /\/tables\/([^/]+)\/data/.exec(c.path)?.[1]).filter((t) => t !== undefined));
    expect([...tables].sort()).toEqual(["TAB1386", "TAB638"]);
    const wb = await open(out);
    const texts: string[] = [];
    wb.getWorksheet("Innehåll")!.eachRow((row) => row.eachCell((c) => void (typeof c.value === "string" && texts.push(c.value))));
    expect(texts).toContain("• Befolkning: SCB TAB638 (2019)");
    expect(texts).toContain("• Helårsekvivalenter: SCB TAB1386");
  }, 60_000);
});
