/**
 * `samkalk scb befolkning | helarsekvivalenter | tabell | sok` against the replay server on 127.0.0.1
 * (started here; --base-url points at it). The commands are registered on a `scb` command as main.ts
 * does and run in this process (the server answers from the same event loop); once main.ts registers
 * them, the last test also runs bin/samkalk.js as a child process.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import ExcelJS from "exceljs";
import { registerScbFetchCommands } from "../../src/cli/scb/fetchCommands";
import { parseBands, parseKommuner, parseSelection, parseYears } from "../../src/cli/scb/fetchArgs";
import { embeddedPopulation } from "../../src/domain/scb/embeddedPopulation";
import { ReplayServer, startReplayServer } from "../scb/replay/replayServer";

jest.setTimeout(30_000);

const root = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-scb-cli-"));
let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer({ config: { maxCallsPerTimeWindow: 1000 } });
});
afterAll(async () => {
  await server?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  server.misbehave(undefined);
  server.setConfig({ maxDataCells: 150000 });
  server.reset();
});

const now = () => new Date("2026-03-02T08:15:00Z");

/** Runs `samkalk <args>` in process, the scb commands registered as main.ts registers them. */
async function samkalk(args: string[], signal?: AbortSignal) {
  let code = 0;
  let out = "";
  let err = "";
  const program = new Command()
    .name("samkalk")
    .exitOverride()
    .configureOutput({ writeErr: (s) => (err += s), writeOut: (s) => (out += s) });
  const scb = program.command("scb").description("SCB-statistik");
  registerScbFetchCommands(scb, { out: (s) => (out += s), err: (s) => (err += `${s}\n`), setCode: (c) => (code = c), client: { backoffMs: 10, retries: 1 }, signal, now });
  try {
    await program.parseAsync(["node", "samkalk", ...args]);
  } catch (e) {
    const ce = e as { exitCode?: number };
    if (ce.exitCode === undefined) throw e;
    code = 2;
  }
  return { code, out, err };
}

const file = (name: string) => path.join(tmp, name);

async function sheetNames(xlsx: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  return wb.worksheets.filter((w) => w.state !== "veryHidden").map((w) => w.name);
}

describe("samkalk scb befolkning", () => {
  it("writes Befolkning and Källor and prints CSV: Umeå and Vännäs 2019 are SCB's real figures, with län and riket", async () => {
    const out = file("befolkning.xlsx");
    const r = await samkalk(["scb", "befolkning", "--kommuner", "2480,Vännäs", "--alder", "20-64", "--ar", "2019", "--lan", "--riket", "--base-url", server.v2, "--out", out, "--format", "csv"]);
    expect(r.err).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toBe("regionkod,region,alder,kon,ar,folkmangd");
    expect(lines).toContain(`2480,Umeå,20–64 år,totalt,2019,${embeddedPopulation("2480", 20, 64)}`);
    expect(lines).toContain(`2460,Vännäs,20–64 år,totalt,2019,${embeddedPopulation("2460", 20, 64)}`);
    // In SCB's order: riket, län, kommuner.
    expect(lines.map((l) => l.split(",")[0])).toEqual(["regionkod", "00", "24", "2460", "2480"]);
    expect(r.err).toContain("Hämtar från SCB: del 1 av 1");
    expect(r.err).toMatch(/Skrev .*befolkning\.xlsx: Befolkning, Källor \(4 rader\)\./);
    expect(await sheetNames(out)).toEqual(["Befolkning", "Källor"]);
  });

  it("--format json to stdout, several years and bands, per kön", async () => {
    const r = await samkalk(["scb", "befolkning", "--kommuner", "2480", "--alder", "16-64,20-64", "--ar", "2019-2020", "--per-kon", "--base-url", server.v2, "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.kalla).toMatchObject({ typ: "SCB API", tabell: "TAB638", apiVersion: "v2" });
    expect(j.befolkning).toHaveLength(2 * 2 * 3);
    expect(j.befolkning[0]).toEqual({ regionkod: "2480", region: "Umeå", alder: "16–64 år", kon: "totalt", ar: 2019, folkmangd: embeddedPopulation("2480", 16, 64) });
  });

  it("bad input and SCB's errors: a Swedish message on stderr, exit 1, no file", async () => {
    const out = file("never.xlsx");
    const unknown = await samkalk(["scb", "befolkning", "--kommuner", "2480,Gotham", "--ar", "2019", "--base-url", server.v2, "--out", out]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^--kommuner: "Gotham" är ingen kommun/m);
    const url = await samkalk(["scb", "befolkning", "--kommuner", "2480", "--ar", "2019", "--base-url", "scb.se"]);
    expect(url.err).toMatch(/^SCB:s adress: "scb\.se" är ingen webbadress/m);
    expect(url.code).toBe(1);
    server.misbehave({ fail: { first: 100, status: 503 }, only: /\/data$/ });
    const down = await samkalk(["scb", "befolkning", "--kommuner", "2480", "--ar", "2019", "--base-url", server.v2, "--out", out]);
    expect(down.code).toBe(1);
    expect(down.err).toMatch(/^SCB, tabell TAB638: SCB:s server svarade med fel \(HTTP 503\) i alla 2 försök\./m);
    server.misbehave(undefined);
    const ckm = await samkalk(["scb", "befolkning", "--kommuner", "2480", "--ar", "2025", "--base-url", server.v2, "--out", out]);
    expect(ckm.code).toBe(1);
    expect(ckm.err).toMatch(/Tabellen TAB5557 finns inte hos SCB/);
    expect(fs.existsSync(out)).toBe(false);
    expect((await samkalk(["scb", "befolkning", "--ar", "2019"])).code).toBe(2);
  });

  it("cancelled mid-way: exit 130, nothing written", async () => {
    server.setConfig({ maxDataCells: 45 });
    server.misbehave({ delayMs: 400, only: /\/data$/ });
    const out = file("cancelled.xlsx");
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 600);
    const r = await samkalk(["scb", "befolkning", "--kommuner", "2480,2460,2401,2404,2409,2403", "--ar", "2019", "--base-url", server.v2, "--out", out], ctrl.signal);
    expect(r.code).toBe(130);
    expect(r.err).toContain("Hämtningen avbröts. Inget har skrivits i arbetsboken.");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("samkalk scb helarsekvivalenter, tabell, sok", () => {
  it("helårsekvivalenter: the data sheet, the analysis sheet and Källor", async () => {
    const out = file("he.xlsx");
    const r = await samkalk(["scb", "helarsekvivalenter", "--kommuner", "2480,2460", "--fran", "2023M01", "--till", "2024M12", "--forbund", "Testförbundet", "--base-url", server.v2, "--out", out]);
    expect(r.err).not.toMatch(/Error/);
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    expect(await sheetNames(out)).toEqual(["SCB Helårsekvivalenter", "Helårsekvivalenter", "Källor"]);
    expect(r.err).toMatch(/\(648 rader\)/); // 3 regions × 9 contents × 24 months
  });

  it("tabell: without --val the variables; with --val the rows", async () => {
    const list = await samkalk(["scb", "tabell", "TAB638", "--base-url", server.v2]);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^TAB638: Folkmängden efter region/);
    expect(list.out).toContain("  ContentsCode – tabellinnehåll [måste väljas]: BE0101N1 (Folkmängd), BE0101N2 (Folkökning)");
    const r = await samkalk(["scb", "tabell", "TAB638", "--val", "Region=2480", "--val", "Alder=20,21", "--val", "ContentsCode=BE0101N1", "--val", "Tid=2019", "--base-url", server.v2, "--format", "json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ regionkod: "2480", region: "Umeå", period: "2019" });
    const bad = await samkalk(["scb", "tabell", "TAB638", "--val", "Region=2480", "--val", "Tid=2019", "--base-url", server.v2]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Variabeln ContentsCode \(tabellinnehåll\) måste väljas/);
  });

  it("sok: by text or id", async () => {
    const r = await samkalk(["scb", "sok", "helårsekvivalenter", "--base-url", server.v2]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^TAB1386\tSYNTETISK: Antal helårsekvivalenter/);
    expect((await samkalk(["scb", "sok", "tab638", "--base-url", server.v2])).out).toMatch(/^TAB638\t/);
  });

  it("parses the options as documented", () => {
    expect(parseKommuner("2480, umeå ,Vännäs")).toEqual(["2480", "2460"]);
    expect(parseYears("2019,2017-2018")).toEqual([2017, 2018, 2019]);
    expect(parseBands("16-64,20–64")).toEqual([{ fran: 16, till: 64 }, { fran: 20, till: 64 }]);
    expect(parseSelection(["Region=2480,2460", "Tid=*", "Region=2401"])).toEqual({ Region: ["2480", "2460", "2401"], Tid: "*" });
    expect(() => parseSelection(["Region"])).toThrow(/VARIABEL=KOD/);
    expect(() => parseYears("nittonhundra")).toThrow(/inget år/);
  });
});

const registered = fs.readFileSync(path.join(root, "src/cli/main.ts"), "utf8").includes("registerScbFetchCommands");

/** bin/samkalk.js as a child process (asynchronously: the replay server lives in this process). */
function samkalkBin(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "bin/samkalk.js"), ...args], { cwd: tmp });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

(registered ? it : it.skip)("bin/samkalk.js scb befolkning (once main.ts registers the commands)", async () => {
  const out = file("bin.xlsx");
  const r = await samkalkBin(["scb", "befolkning", "--kommuner", "2480", "--ar", "2019", "--base-url", server.v2, "--out", out, "--format", "csv"]);
  expect(r.err).not.toMatch(/Error/);
  expect(r.code).toBe(0);
  expect(r.out).toContain(`2480,Umeå,20–64 år,totalt,2019,${embeddedPopulation("2480", 20, 64)}`);
  expect(await sheetNames(out)).toEqual(["Befolkning", "Källor"]);
});
