import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../../src/hosts/office/officeHost";
import { cellAddress } from "../../src/domain/a1";
import { createFakeOffice } from "../fakes/excelFake";
import type { SettingsStore } from "../../src/hosts/host";
import { FEE_SHEET_LAYOUT } from "../../src/sheets/fee/feeSheet";
import { umearegionenSettings } from "../../src/demo/demoWorkbook";
import { FeeSplitSettings, loadFeeSettings, runFeeSplitJob } from "../../src/usecases/fee/feeSplitJob";

function memoryStore(): SettingsStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: async (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))) };
}

const keyCell = (host: XlsxWorkbookHost, sheet: string, i: number) =>
  host.workbook.getWorksheet(sheet)!.getCell(FEE_SHEET_LAYOUT.firstDataRow + i + 1, FEE_SHEET_LAYOUT.columns.nyckel + 1);

describe("running the fee split job on a workbook", () => {
  it("writes 'Medlemsavgifter 2021' and stores the choices in the workbook", async () => {
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    const out = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.sheetName).toBe("Medlemsavgifter 2021");
    expect(out.summary).toEqual({ total: "11\u00a0380", stat: "5\u00a0690", region: "2\u00a0845", kommuner: "2\u00a0845", enhet: "tkr" });
    expect(loadFeeSettings(store)).toEqual(umearegionenSettings());
  });

  it("on a re-run keeps a population the user typed into the sheet, and uses the task pane's other changes", async () => {
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    keyCell(host, "Medlemsavgifter 2021", 1).value = 6000; // the user corrects Vännäs in Excel
    const changed: FeeSplitSettings = { ...umearegionenSettings(), belopp: "5700" };
    const out = await runFeeSplitJob(host, changed, { lang: "sv", store });
    expect(out.ok && out.keptUserValues).toBe(1);
    expect(keyCell(host, "Medlemsavgifter 2021", 1).value).toBe(6000);
    expect(out.ok && out.summary.stat).toBe("5\u00a0700");
    expect(loadFeeSettings(store)!.kommuner[1].varde).toBe("6000");
  });

  it("keeps a population typed on the sheet over every later run given the same figures, until another figure is given", async () => {
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    const sheet = "Medlemsavgifter 2021";
    // The figures are given anew on every run (as a board pack gives SCB's).
    const given = () => umearegionenSettings();
    await runFeeSplitJob(host, given(), { lang: "sv", store });
    const scb = given().kommuner[1].varde;
    keyCell(host, sheet, 1).value = 6000; // the user corrects Vännäs in Excel
    for (const run of [2, 3, 4]) {
      const out = await runFeeSplitJob(host, given(), { lang: "sv", store });
      expect({ run, kept: out.ok && out.keptUserValues, shown: keyCell(host, sheet, 1).value }).toEqual({ run, kept: 1, shown: 6000 });
      expect(out.ok && out.result.kommuner[1].vikt).toBe(6000n);
    }
    expect(loadFeeSettings(store)!.skrivetPaBladet).toEqual([{ kod: given().kommuner[1].kod, varde: "6000", givet: scb }]);
    // A new figure given for Vännäs wins over the typed one, and is kept on the run after.
    const newer = given();
    newer.kommuner[1] = { ...newer.kommuner[1], varde: "5800" };
    for (const run of [5, 6]) {
      const out = await runFeeSplitJob(host, newer, { lang: "sv", store });
      expect({ run, kept: out.ok && out.keptUserValues, shown: keyCell(host, sheet, 1).value }).toEqual({ run, kept: 0, shown: 5800 });
    }
    expect(loadFeeSettings(store)!.skrivetPaBladet).toBeUndefined();
  });

  it("a run in between from the task pane's stored choices (holding the typed population) does not lose it for the next run given the figures", async () => {
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    const sheet = "Medlemsavgifter 2021";
    await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    keyCell(host, sheet, 1).value = 6000;
    await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    // The task pane runs with what is stored (Vännäs 6000), a new amount changed.
    const pane = await runFeeSplitJob(host, { ...loadFeeSettings(store)!, belopp: "12000" }, { lang: "sv", store });
    expect(pane.ok && pane.result.kommuner[1].vikt).toBe(6000n);
    const next = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    expect(next.ok && next.keptUserValues).toBe(1);
    expect(keyCell(host, sheet, 1).value).toBe(6000);
  });

  it("a population typed back to the given figure is no longer recorded as typed", async () => {
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    const sheet = "Medlemsavgifter 2021";
    await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    const scb = Number(umearegionenSettings().kommuner[1].varde);
    keyCell(host, sheet, 1).value = 6000;
    await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    keyCell(host, sheet, 1).value = scb; // typed back
    const back = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    expect(back.ok && back.keptUserValues).toBe(0);
    expect(keyCell(host, sheet, 1).value).toBe(scb);
    expect(loadFeeSettings(store)!.skrivetPaBladet).toBeUndefined();
  });

  it("a value changed in the task pane wins over the sheet when the sheet still holds what Samkalk wrote", async () => {
    const host = new XlsxWorkbookHost();
    const store = memoryStore();
    await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    const s = umearegionenSettings();
    s.kommuner[2] = { ...s.kommuner[2], varde: "4100" };
    const out = await runFeeSplitJob(host, s, { lang: "sv", store });
    expect(out.ok && out.keptUserValues).toBe(0);
    expect(keyCell(host, "Medlemsavgifter 2021", 2).value).toBe(4100);
  });

  it("refuses to overwrite a sheet of the same name that the user made, and leaves it as it was", async () => {
    const host = new XlsxWorkbookHost();
    host.workbook.addWorksheet("Medlemsavgifter 2021").getCell("A1").value = "mina egna anteckningar";
    const out = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv" });
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems[0].meddelande).toMatch(/inte är skapat av Samkalk/);
    expect(host.workbook.getWorksheet("Medlemsavgifter 2021")!.getCell("A1").value).toBe("mina egna anteckningar");
    expect(host.workbook.worksheets).toHaveLength(1);
  });

  it("reports a sheet that was written even if storing the choices fails, with a warning", async () => {
    const host = new XlsxWorkbookHost();
    const store: SettingsStore = { get: () => undefined, set: async () => Promise.reject(new Error("nätverket svarar inte")) };
    const out = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    expect(out.ok).toBe(true);
    expect(out.ok && out.varningar).toEqual([expect.stringMatching(/Bladet skrevs, men valen kunde inte sparas/)]);
  });

  it("says in Swedish that a year which is not a number must be a whole number", async () => {
    const out = await runFeeSplitJob(new XlsxWorkbookHost(), { ...umearegionenSettings(), ar: Number.NaN }, { lang: "en" });
    expect(!out.ok && out.problems).toEqual([{ plats: "ar", meddelande: "Budgetåret ska vara ett heltal." }]);
  });

  it("reports progress in the task pane's language", async () => {
    const steps: string[] = [];
    await runFeeSplitJob(new XlsxWorkbookHost(), umearegionenSettings(), { lang: "en", onProgress: (s) => steps.push(s) });
    expect(steps).toEqual(["Reading the workbook", "Computing the split", "Writing the sheet", "Done"]);
  });

  describe("bad input names the row and writes nothing", () => {
    const cases: [string, (s: FeeSplitSettings) => void, RegExp, string | undefined][] = [
      ["negative population", (s) => (s.kommuner[1].varde = "-5"), /negativ/, "rad 2"],
      ["non-numeric population", (s) => (s.kommuner[3].varde = "många"), /"många".*inte ett heltal/, "rad 4"],
      ["duplicate kommun", (s) => s.kommuner.push({ ...s.kommuner[0] }), /finns redan på rad 1/, "rad 7"],
      ["unknown kommun code", (s) => (s.kommuner[0].kod = "2499"), /Okänd kommunkod "2499"/, "rad 1"],
      ["a total that is not a number", (s) => (s.belopp = "elva miljoner"), /inte ett belopp/, "belopp"],
      ["no kommuner", (s) => (s.kommuner = []), /Inga kommuner/, undefined],
      [
        "shares far from 100 %",
        (s) => {
          s.nyckel = { kind: "andel" };
          s.kommuner.forEach((k) => (k.varde = "10"));
        },
        /60 % i stället för 100 %/,
        undefined,
      ],
    ];
    it.each(cases)("%s", async (_name, spoil, message, plats) => {
      const host = new XlsxWorkbookHost();
      const store = memoryStore();
      const s = umearegionenSettings();
      spoil(s);
      const out = await runFeeSplitJob(host, s, { lang: "sv", store });
      expect(out.ok).toBe(false);
      if (out.ok) return;
      expect(out.problems).toContainEqual(plats ? { plats, meddelande: expect.stringMatching(message) } : { meddelande: expect.stringMatching(message) });
      expect(host.workbook.worksheets).toHaveLength(0);
      expect(store.data.size).toBe(0);
    });
  });
});

describe("the fee split job through the Office host (strict fake, counting round trips)", () => {
  function officeSetup() {
    const fake = createFakeOffice();
    const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
    return { fake, host, store: createOfficeSettingsStore(fake.settings) };
  }
  const nyckelAddress = (i: number) => cellAddress(FEE_SHEET_LAYOUT.firstDataRow + i, FEE_SHEET_LAYOUT.columns.nyckel);

  it("writes the sheet on a first run in 2 syncs: the look at the workbook is shared by the inspection and the write", async () => {
    const { fake, host, store } = officeSetup();
    const out = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    expect(out.ok).toBe(true);
    expect(fake.stats.syncs).toBe(2);
    expect(out.ok && out.report.syncs).toBe(2);
    expect(fake.inspect.cell("Medlemsavgifter 2021", nyckelAddress(1)).value).toBe(Number(umearegionenSettings().kommuner[1].varde));
  });

  it("on a re-run reads the population the user typed into the sheet and writes it back, in 3 syncs", async () => {
    const { fake, host, store } = officeSetup();
    await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    fake.user.editCell("Medlemsavgifter 2021", nyckelAddress(1), 6000); // the user corrects Vännäs in Excel
    fake.resetStats();
    const out = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    expect(out.ok && out.keptUserValues).toBe(1);
    expect(fake.inspect.cell("Medlemsavgifter 2021", nyckelAddress(1)).value).toBe(6000);
    expect(fake.stats.syncs).toBe(3);
  });

  it("refuses a sheet of the same name that the user made after one look at the workbook, writing nothing", async () => {
    const { fake, host, store } = officeSetup();
    fake.user.addSheet("Medlemsavgifter 2021");
    fake.user.editCell("Medlemsavgifter 2021", "A1", "mina egna anteckningar");
    fake.resetStats();
    const out = await runFeeSplitJob(host, umearegionenSettings(), { lang: "sv", store });
    expect(!out.ok && out.problems[0]).toEqual({ plats: 'bladet "Medlemsavgifter 2021"', meddelande: expect.stringMatching(/inte är skapat av Samkalk/) });
    expect(fake.inspect.cell("Medlemsavgifter 2021", "A1").value).toBe("mina egna anteckningar");
    expect(fake.stats.syncs).toBe(1);
  });
});
