/**
 * The initiative status job in a workbook as the chief has it: the Office host on the strict fake.
 */
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../../src/hosts/office/officeHost";
import { initiatives001 } from "../../src/samples/initiatives001";
import { INITIATIV_RUBRIKER } from "../../src/domain/initiatives/model";
import { INPUT_HEADER_ROW, INPUT_SHEET } from "../../src/sheets/initiatives/inputSheet";
import { OVERVIEW_SHEET } from "../../src/sheets/initiatives/overviewSheet";
import { HISTORY_SHEET } from "../../src/sheets/initiatives/historySheet";
import { cellAddress } from "../../src/domain/a1";
import { InitiativesSettings, defaultInitiativesSettings, runInitiativesJob, writeInitiativeInput } from "../../src/usecases/initiatives/initiativesJob";
import { createFakeOffice } from "../fakes/excelFake";

function setup() {
  const fake = createFakeOffice();
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  const store = createOfficeSettingsStore(fake.settings);
  return { fake, host, store };
}

const settings = (datum: string): InitiativesSettings => ({ ...defaultInitiativesSettings(), forbund: "Samordningsförbundet Umeåregionen", datum });
/** A1 address of a field of data row i (0-based) in the Initiativ table. */
const inputCell = (i: number, rubrik: string) => cellAddress(INPUT_HEADER_ROW + 1 + i, INITIATIV_RUBRIKER.indexOf(rubrik));
const texts = (fake: ReturnType<typeof setup>["fake"], sheet: string) => fake.inspect.sheetValues(sheet).flat().filter((v) => typeof v === "string") as string[];

async function with001() {
  const s = setup();
  const input = await writeInitiativeInput(s.host, initiatives001, settings("2023-06-15"));
  expect(input.ok).toBe(true);
  return s;
}

describe("status sheets for 001's twelve initiatives", () => {
  it("gives an overview with the right counts per område and status, and one sheet per initiative", async () => {
    const { fake, host, store } = await with001();
    const out = await runInitiativesJob(host, settings("2023-06-15"), { store });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.oversikt.omraden.map((o) => [o.omrade, o.initiativ.length])).toEqual([
      ["OHÄLSA", 5],
      ["ARBETSLÖSHET", 5],
      ["FÖREBYGGANDE OCH FÖRUTSÄTTNINGAR FÖR SAMVERKAN", 2],
    ]);
    const overview = texts(fake, OVERVIEW_SHEET);
    expect(overview).toEqual(expect.arrayContaining(["5 initiativ (pågående 5)", "2 initiativ (pågående 2)"]));
    const statusSheets = fake.inspect.sheetNames().filter((n) => n.startsWith("Init "));
    expect(statusSheets).toHaveLength(12);
    expect(statusSheets.every((n) => n.length <= 31 && !/[[\]:*?/\\]/.test(n))).toBe(true);
    expect(fake.inspect.sheetNames()).toEqual(expect.arrayContaining([INPUT_SHEET, OVERVIEW_SHEET, HISTORY_SHEET]));
  });

  it("keeps the previous status in the history and shows what moved since the last report", async () => {
    const { fake, host } = await with001();
    await runInitiativesJob(host, settings("2023-06-15"));
    fake.user.editCell(INPUT_SHEET, inputCell(0, "Nuläge"), "genomförd");
    fake.user.editCell(INPUT_SHEET, inputCell(1, "Påverkan på helårsekvivalenter"), 4);
    const out = await runInitiativesJob(host, settings("2023-12-01"));
    expect(out.ok && out.jamfortMed).toBe("2023-06-15");
    const overview = texts(fake, OVERVIEW_SHEET);
    expect(overview).toContain("nuläge: pågående → genomförd");
    expect(overview).toContain("påverkan: 3 → 4");
    expect(fake.inspect.sheetValues(HISTORY_SHEET).filter((r) => r[0] === "2023-06-15" || r[0] === "2023-12-01")).toHaveLength(24);
  });

  it("a re-run for the same date does not duplicate the history", async () => {
    const { fake, host } = await with001();
    await runInitiativesJob(host, settings("2023-06-15"));
    await runInitiativesJob(host, settings("2023-06-15"));
    expect(fake.inspect.sheetValues(HISTORY_SHEET).filter((r) => r[0] === "2023-06-15")).toHaveLength(12);
  });
});

describe("a user's edit in a generated sheet is not lost on regeneration", () => {
  it("asks first and writes nothing, then keeps the edited sheet as the user's copy", async () => {
    const { fake, host } = await with001();
    const first = await runInitiativesJob(host, settings("2023-06-15"));
    expect(first.ok).toBe(true);
    const sheet = fake.inspect.sheetNames().find((n) => n.startsWith("Init 03"))!;
    fake.user.editCell(sheet, "B30", "Styrelsen vill ha en extra genomgång i augusti.");

    const asked = await runInitiativesJob(host, settings("2023-06-15"));
    expect(asked.ok).toBe(false);
    expect(!asked.ok && asked.editedSheets).toEqual([sheet]);
    expect(fake.inspect.cell(sheet, "B30").value).toBe("Styrelsen vill ha en extra genomgång i augusti.");

    const kept = await runInitiativesJob(host, settings("2023-06-15"), { onEdited: "keepCopy" });
    expect(kept.ok && kept.keptCopies).toEqual([`${sheet.slice(0, 22).trimEnd()} (ändrad)`]);
    const copy = (kept.ok && kept.keptCopies[0]) as string;
    expect(fake.inspect.cell(copy, "B30").value).toBe("Styrelsen vill ha en extra genomgång i augusti.");
    expect(fake.inspect.cell(sheet, "B30").value).not.toBe("Styrelsen vill ha en extra genomgång i augusti.");

    // The copy is the user's now: a later run neither asks about it nor touches it.
    const again = await runInitiativesJob(host, settings("2023-06-15"));
    expect(again.ok).toBe(true);
    expect(fake.inspect.cell(copy, "B30").value).toBe("Styrelsen vill ha en extra genomgång i augusti.");
  });

  it("refuses when a sheet of the same name is the user's own, and writes nothing", async () => {
    const { fake, host } = await with001();
    fake.user.addSheet(OVERVIEW_SHEET);
    fake.user.editCell(OVERVIEW_SHEET, "A1", "min egen översikt");
    const before = fake.inspect.sheetNames();
    const out = await runInitiativesJob(host, settings("2023-06-15"));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems[0]).toEqual({ plats: `bladet "${OVERVIEW_SHEET}"`, meddelande: expect.stringMatching(/inte skapat av Samkalk/) });
    expect(fake.inspect.sheetNames()).toEqual(before);
    expect(fake.inspect.cell(OVERVIEW_SHEET, "A1").value).toBe("min egen översikt");
  });
});

describe("bad input names the row and writes nothing", () => {
  it.each([
    ["an unknown status", "Nuläge", 2, "klar", /Okänt nuläge "klar"/],
    ["impact 7", "Påverkan på helårsekvivalenter", 4, 7, /ska vara 1–5/],
    ["a duplicate nr", "Nr", 5, 1, /1/],
    ["an empty name", "Initiativ", 7, "", /saknar namn/],
  ])("%s", async (_what, rubrik, row, value, message) => {
    const { fake, host } = await with001();
    fake.user.editCell(INPUT_SHEET, inputCell(row, rubrik), value);
    const before = fake.inspect.sheetNames();
    const out = await runInitiativesJob(host, settings("2023-06-15"));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problems).toContainEqual({ plats: expect.stringContaining(`bladet Initiativ, rad ${INPUT_HEADER_ROW + 2 + row}`), meddelande: expect.stringMatching(message) });
    expect(fake.inspect.sheetNames()).toEqual(before);
  });
});
