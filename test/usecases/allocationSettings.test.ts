/**
 * The state-allocation forecast's figures are kept with the workbook (its document settings, on the strict
 * Office.js fake): what was saved is read back as it was typed; nothing stored, or something that is not
 * such figures, reads as nothing (the view then shows its defaults) and never stops the pane.
 */
import { createOfficeSettingsStore } from "../../src/hosts/office/officeHost";
import { ALLOCATION_SETTINGS_KEY, loadAllocationSettings, saveAllocationSettings, type AllocationSettings } from "../../src/usecases/tilldelning/allocationSettings";
import { createFakeOffice } from "../fakes/excelFake";

const typed: AllocationSettings = { ar: 2028, anslag: "350 000 000", grund: "400 000", sparr: "7,5", forraAret: "5 000 000" };

describe("the forecast's figures kept with the workbook", () => {
  test("saved figures are read back as typed, also from a workbook opened again", async () => {
    const fake = createFakeOffice();
    await saveAllocationSettings(createOfficeSettingsStore(fake.settings), typed);
    expect(loadAllocationSettings(createOfficeSettingsStore(fake.settings))).toEqual(typed);
    const reopened = createFakeOffice({ settings: { [ALLOCATION_SETTINGS_KEY]: fake.settings.get(ALLOCATION_SETTINGS_KEY) } });
    expect(loadAllocationSettings(createOfficeSettingsStore(reopened.settings))).toEqual(typed);
  });

  test("a year left to follow the profile is kept as not typed", async () => {
    const fake = createFakeOffice();
    const store = createOfficeSettingsStore(fake.settings);
    await saveAllocationSettings(store, { ...typed, ar: null });
    expect(loadAllocationSettings(store)?.ar).toBeNull();
  });

  test.each<[string, unknown]>([
    ["nothing stored", undefined],
    ["text that is not JSON", "{inte json"],
    ["a number", 42],
    ["figures as numbers instead of text", { ...typed, anslag: 350000000 }],
    ["a year that is no whole number", { ...typed, ar: 2027.5 }],
    ["a year out of range", { ...typed, ar: 1999 }],
    ["a missing field", { ar: 2028, anslag: "1", grund: "1", sparr: "1" }],
  ])("%s reads as no stored figures, without an error", (_what, stored) => {
    const fake = createFakeOffice(stored === undefined ? {} : { settings: { [ALLOCATION_SETTINGS_KEY]: stored } });
    expect(loadAllocationSettings(createOfficeSettingsStore(fake.settings))).toBeNull();
  });
});
