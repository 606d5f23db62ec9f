/**
 * A workbook the command line wrote, opened in Excel: the add-in knows which sheets are Samkalk's from the
 * very hidden sheet *Samkalk data* the command line stored in the file, and updates it as safely as a
 * workbook it wrote itself.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../../src/hosts/office/officeHost";
import { OWNERSHIP_KEY } from "../../src/hosts/office/ownership";
import { SAMKALK_DATA_SHEET } from "../../src/hosts/dataSheet";
import { cellAddress } from "../../src/domain/a1";
import { FEE_SHEET_LAYOUT } from "../../src/sheets/fee/feeSheet";
import { umearegionenSettings } from "../../src/demo/demoWorkbook";
import { UMEAREGIONEN_PROFILE } from "../../src/samples/umearegionenProfile";
import { loadFeeSettings, runFeeSplitJob } from "../../src/usecases/fee/feeSplitJob";
import { loadProfile, saveProfile } from "../../src/usecases/profile/profileSettings";
import { writeSheets } from "../../src/usecases/writeSheets";
import { FakeOffice, createFakeOffice } from "../fakes/excelFake";
import { fakeFromXlsx } from "../fakes/fakeFromXlsx";
import { absent, feeLikeSpec, minimalSpec, num, text, FEE_SHEET, FEE_TABLE } from "../fakes/sheetSpecs";
import { formula } from "../../src/sheets/cells";
import type { SheetSpec } from "../../src/sheets/spec";

const FEE_2021 = "Medlemsavgifter 2021";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "samkalk-adopt-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `write` on the xlsx host, saved as the command line saves --out, and the file opened in (the fake) Excel. */
async function writtenByCommandLine(name: string, write: (host: XlsxWorkbookHost) => Promise<void>): Promise<FakeOffice> {
  const file = path.join(dir, `${name}.xlsx`);
  const cli = new XlsxWorkbookHost();
  cli.workbook.addWorksheet("Mina siffror").getCell("A1").value = "mina egna anteckningar";
  await write(cli);
  await cli.save(file);
  return fakeFromXlsx((await XlsxWorkbookHost.open(file)).workbook);
}

function officeHost(fake: FakeOffice) {
  return new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
}

const populationCell = (i: number) => cellAddress(FEE_SHEET_LAYOUT.firstDataRow + i, FEE_SHEET_LAYOUT.columns.nyckel);

describe("a fee workbook written by the command line, opened in Excel", () => {
  const cliFee = () =>
    writtenByCommandLine("avgift", async (cli) => {
      const out = await runFeeSplitJob(cli, umearegionenSettings(), { lang: "sv", store: cli.settings });
      expect(out.ok).toBe(true);
      await saveProfile(cli.settings, UMEAREGIONEN_PROFILE);
    });

  it("holds the command line's data in a very hidden sheet the add-in can see", async () => {
    const fake = await cliFee();
    expect(fake.inspect.sheets().find((s) => s.name === SAMKALK_DATA_SHEET)?.visibility).toBe("VeryHidden");
  });

  it("the fee job re-runs in the add-in without refusing, and keeps the user's own sheet", async () => {
    const fake = await cliFee();
    const host = officeHost(fake);
    // The fingerprints of both hosts agree: the sheet as Excel reads it from the file is the one the command line wrote.
    expect(await host.inspectSheet(FEE_2021, [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });
    const store = createOfficeSettingsStore(fake.settings);
    const changed = { ...umearegionenSettings(), belopp: "5700" };
    const out = await runFeeSplitJob(host, changed, { lang: "sv", store });
    expect(out.ok).toBe(true);
    expect(fake.inspect.sheetValues("Mina siffror")[0][0]).toBe("mina egna anteckningar");
    // The sheet is now in the add-in's own register, by its Office id.
    const register = fake.inspect.savedSettings()[OWNERSHIP_KEY] as Array<{ name: string }>;
    expect(register.map((e) => e.name)).toEqual([FEE_2021]);
    expect(fake.inspect.sheetNames()).toContain(SAMKALK_DATA_SHEET);
  });

  it("keeps a population the user typed into the command line's sheet in Excel", async () => {
    const fake = await cliFee();
    fake.user.editCell(FEE_2021, populationCell(1), 6000);
    const store = createOfficeSettingsStore(fake.settings);
    const out = await runFeeSplitJob(officeHost(fake), umearegionenSettings(), { lang: "sv", store });
    expect(out.ok && out.keptUserValues).toBe(1);
    expect(fake.inspect.cell(FEE_2021, populationCell(1)).value).toBe(6000);
    expect(loadFeeSettings(store)!.kommuner[1].varde).toBe("6000");
  });

  it("shows the profile the command line stored", async () => {
    const fake = await cliFee();
    const store = createOfficeSettingsStore(fake.settings);
    expect(loadProfile(store)).toBeNull();
    expect(await officeHost(fake).adoptCommandLineSettings()).toBe(true);
    expect(loadProfile(store)).toEqual(UMEAREGIONEN_PROFILE);
    // Saved into the document, not only held in memory.
    expect(fake.inspect.savedSettings()["samkalk.profil"]).toBeDefined();
  });
});

describe("sheets of a command-line workbook, by what happened to them in Excel", () => {
  const cliSheet = () =>
    writtenByCommandLine("blad", async (cli) => {
      await cli.writeSheet(feeLikeSpec(6), absent());
    });

  it("an unedited sheet is Samkalk's and unedited, and is rewritten without a question", async () => {
    const fake = await cliSheet();
    const host = officeHost(fake);
    const state = await host.inspectSheet(FEE_SHEET, [FEE_TABLE]);
    expect(state).toMatchObject({ exists: true, ownedBySamkalk: true, editedSinceWritten: false });
    const result = await writeSheets(host, [feeLikeSpec(7)], new Map(), undefined);
    expect(result.kind).toBe("done");
    expect(fake.inspect.storedCellCount(FEE_SHEET)).toBeGreaterThan(0);
    expect((await host.inspectSheet(FEE_SHEET, [])).editedSinceWritten).toBe(false);
  });

  it("a sheet the user edited after the command line wrote it is asked about, not overwritten", async () => {
    const fake = await cliSheet();
    fake.user.editCell(FEE_SHEET, "A1", "Min egen rubrik");
    const host = officeHost(fake);
    const result = await writeSheets(host, [feeLikeSpec(7)], new Map(), undefined);
    expect(result).toEqual({ kind: "ask", edited: [FEE_SHEET] });
    expect(fake.inspect.cell(FEE_SHEET, "A1").value).toBe("Min egen rubrik");
    // Still edited when looked at again (the command line's fingerprint is kept until Samkalk rewrites it).
    expect((await host.inspectSheet(FEE_SHEET, [])).editedSinceWritten).toBe(true);
  });

  it("the user's edited version can be kept as their own copy, and Samkalk writes a fresh sheet", async () => {
    const fake = await cliSheet();
    fake.user.editCell(FEE_SHEET, "A1", "Min egen rubrik");
    const host = officeHost(fake);
    const result = await writeSheets(host, [feeLikeSpec(7)], new Map(), "keepCopy");
    expect(result).toMatchObject({ kind: "done", keptCopies: [`${FEE_SHEET} (ändrad)`] });
    expect(fake.inspect.cell(`${FEE_SHEET} (ändrad)`, "A1").value).toBe("Min egen rubrik");
    expect(await host.inspectSheet(`${FEE_SHEET} (ändrad)`, [])).toMatchObject({ exists: true, ownedBySamkalk: false });
    expect(await host.inspectSheet(FEE_SHEET, [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });
  });

  it("a sheet the command line did not write is still refused, and left as it was", async () => {
    const fake = await cliSheet();
    const result = await writeSheets(officeHost(fake), [feeLikeSpec(6, "Mina siffror")], new Map(), undefined);
    expect(result.kind).toBe("refused");
    expect(fake.inspect.sheetValues("Mina siffror")[0][0]).toBe("mina egna anteckningar");
  });
});

describe("typed cells of a command-line sheet (SheetSpec.typedCells)", () => {
  const BUDGET = "Budget 2026–2028";
  /** B3 a typed input, C3 a computed amount, with B3 marked as typed. */
  const spec: SheetSpec = minimalSpec(BUDGET, {
    kind: "budget-projektion",
    blocks: [{ row: 0, col: 0, cells: [[text(BUDGET, "title")], [], [text("Lokalhyra"), num(2, "input"), formula("100*(1+B3/100)", 102)]] }],
    typedCells: [{ row: 2, col: 1, rows: 1, cols: 1 }],
  });
  const file = () => path.join(dir, "typed.xlsx");
  const written = async () => {
    const cli = new XlsxWorkbookHost();
    await cli.writeSheet(spec, absent(BUDGET));
    await cli.save(file());
  };

  it("a value typed there is not an edit when the command line opens its file again", async () => {
    await written();
    const again = await XlsxWorkbookHost.open(file());
    again.workbook.getWorksheet(BUDGET)!.getCell("B3").value = 3.5;
    expect((await again.inspectSheet(BUDGET, [])).editedSinceWritten).toBe(false);
    again.workbook.getWorksheet(BUDGET)!.getCell("C3").value = 99;
    expect((await again.inspectSheet(BUDGET, [])).editedSinceWritten).toBe(true);
  });

  it("nor when the add-in opens it; an amount typed over is", async () => {
    await written();
    const fake = fakeFromXlsx((await XlsxWorkbookHost.open(file())).workbook);
    fake.user.editCell(BUDGET, "B3", 3.5);
    expect(await officeHost(fake).inspectSheet(BUDGET, [])).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });
    fake.user.editCell(BUDGET, "C3", 99);
    expect((await officeHost(fake).inspectSheet(BUDGET, [])).editedSinceWritten).toBe(true);
  });
});

describe("round trips", () => {
  it("a first write into a workbook without the data sheet takes as many syncs as before", async () => {
    const fake = createFakeOffice();
    const out = await runFeeSplitJob(officeHost(fake), umearegionenSettings(), { lang: "sv", store: createOfficeSettingsStore(fake.settings) });
    expect(out.ok).toBe(true);
    expect(fake.stats.syncs).toBe(2);
  });

  it("looking at the whole workbook reads the contents of the command line's sheets only, not the user's own", async () => {
    const fake = await writtenByCommandLine("helbok", async (cli) => {
      await cli.writeSheet(feeLikeSpec(6), absent());
    });
    fake.resetStats();
    const states = await officeHost(fake).inspectWorkbook([]);
    const byName = new Map(states.map((s) => [s.sheetName, s]));
    expect(byName.get(FEE_SHEET)).toMatchObject({ ownedBySamkalk: true, editedSinceWritten: false });
    expect(byName.get("Mina siffror")).toMatchObject({ ownedBySamkalk: false });
    // The workbook, the data sheet, the command line's sheet: nothing of "Mina siffror" is read.
    expect(fake.stats.syncs).toBe(3);
  });

  it("a first run on the command line's workbook reads the data sheet with the sheet's state: 3 syncs, as any rewrite", async () => {
    const fake = await writtenByCommandLine("syncs", async (cli) => {
      await runFeeSplitJob(cli, umearegionenSettings(), { lang: "sv", store: cli.settings });
    });
    fake.resetStats();
    const out = await runFeeSplitJob(officeHost(fake), umearegionenSettings(), { lang: "sv", store: createOfficeSettingsStore(fake.settings) });
    expect(out.ok).toBe(true);
    expect(fake.stats.syncs).toBe(3);
  });
});
