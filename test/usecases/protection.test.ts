/**
 * A protected sheet or a workbook with protected structure: the job says so in Swedish, naming the sheet and
 * how to lift the protection, and writes nothing (Office host on the strict fake, which refuses writes to
 * protected sheets with AccessDenied as Excel does).
 */
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../../src/hosts/office/officeHost";
import { umearegionenSettings } from "../../src/demo/demoWorkbook";
import { buildFeeSheet, feeSheetName } from "../../src/sheets/fee/feeSheet";
import { computeFeeSplit } from "../../src/domain/fee/feeSplit";
import { initiatives001 } from "../../src/samples/initiatives001";
import { OVERVIEW_SHEET } from "../../src/sheets/initiatives/overviewSheet";
import { defaultInitiativesSettings, runInitiativesJob, writeInitiativeInput } from "../../src/usecases/initiatives/initiativesJob";
import { runFeeSplitJob, toFeeSplitRequest } from "../../src/usecases/fee/feeSplitJob";
import { createFakeOffice } from "../fakes/excelFake";

function setup() {
  const fake = createFakeOffice();
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  return { fake, host, store: createOfficeSettingsStore(fake.settings) };
}

describe("protection", () => {
  it("a protected fee sheet: the re-run is refused with the sheet named, and the sheet keeps its contents", async () => {
    const { fake, host, store } = setup();
    const settings = umearegionenSettings();
    expect((await runFeeSplitJob(host, settings, { lang: "sv", store })).ok).toBe(true);
    const sheet = feeSheetName(settings.ar);
    const before = fake.inspect.sheetValues(sheet);
    fake.user.protectSheet(sheet);

    const out = await runFeeSplitJob(host, settings, { lang: "sv", store });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toEqual([{ plats: `bladet "${sheet}"`, meddelande: expect.stringMatching(/är skyddat.*Ta bort skyddet.*Inget har skrivits/) }]);
    expect(fake.inspect.sheetValues(sheet)).toEqual(before);
  });

  it("a workbook with protected structure: the status sheets are refused before any is added", async () => {
    const { fake, host } = setup();
    const settings = { ...defaultInitiativesSettings(), forbund: "Samordningsförbundet Umeåregionen", datum: "2023-06-15" };
    expect((await writeInitiativeInput(host, initiatives001, settings)).ok).toBe(true);
    const sheetsBefore = fake.inspect.sheetNames();
    fake.user.protectWorkbookStructure();

    const out = await runInitiativesJob(host, settings);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems[0]).toEqual({ plats: `bladet "${OVERVIEW_SHEET}"`, meddelande: expect.stringMatching(/Arbetsbokens struktur är skyddad.*Granska > Skydda arbetsbok/) });
    expect(fake.inspect.sheetNames()).toEqual(sheetsBefore);
  });

  it("the host itself refuses a protected sheet with the Swedish message even when the job did not look first", async () => {
    const { fake, host, store } = setup();
    const settings = umearegionenSettings();
    await runFeeSplitJob(host, settings, { lang: "sv", store });
    const sheet = feeSheetName(settings.ar);
    const state = await host.inspectSheet(sheet, []);
    fake.user.protectSheet(sheet);
    const spec = buildFeeSheet(computeFeeSplit(toFeeSplitRequest(settings)), { today: new Date() });
    await expect(host.writeSheet(spec, state)).rejects.toThrow(/Bladet ".*" är skyddat/);
  });
});
