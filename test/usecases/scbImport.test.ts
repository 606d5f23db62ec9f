/**
 * Cleaning SCB data into the workbook: a pasted extract (selected in Excel), a picked file, a fetch by
 * the live client — each as a tidy table sheet with a row in Källor; bad input writes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import type { TidyTable } from "../../src/domain/scb/tidy";
import { XlsxWorkbookHost } from "../../src/hosts/xlsx/xlsxHost";
import { KALLOR_LAYOUT, KALLOR_TABLE } from "../../src/sheets/scb/kallorSheet";
import { tidySheetLayout } from "../../src/sheets/scb/tidySheet";
import { FetchRows, KALLOR_SHEET, fetchScbTable, importExtractFile, importExtractFromSelection } from "../../src/usecases/scb/scbImport";
import { FakeOffice } from "../fakes/excelFake";
import { officeSetup, paste } from "../scb/sheets/scbTestSupport";
import { FILES, fixturePath } from "../scb/fixturePaths";

const today = new Date("2026-03-02T08:15:00Z"); // 09:15 in Stockholm

const EXTRACT = [
  ["Folkmängd efter region, kön och år", null, null, null],
  [null, null, null, null],
  ["region", "kön", "2022", "2023"],
  ["2480 Umeå", "män", 66012, ".."],
  ["2480 Umeå", "kvinnor", 65233, "'-"],
  ["00 Riket", "män", 5252734, 5278962],
  [null, null, null, null],
  ["Källa: SCB", null, null, null],
];

function pastedExtract() {
  const setup = officeSetup();
  paste(setup.fake, "Blad1", { row: 2, col: 1 }, EXTRACT); // B3:E10
  setup.fake.user.select("Blad1", "B3:E10");
  return setup;
}

/** Everything in the workbook, to show nothing changed. */
function snapshot(fake: FakeOffice) {
  return { sheets: fake.inspect.sheetNames(), blad1: fake.inspect.sheetValues("Blad1"), tables: fake.inspect.tables(), settings: fake.inspect.savedSettings() };
}

describe("cleaning a pasted extract (importExtractFromSelection)", () => {
  it("a pasted extract with '..' gives an empty cell and a status, one row per observation", async () => {
    const { fake, host } = pastedExtract();
    const out = await importExtractFromSelection(host, { today });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const sheet = "SCB Folkmängd efter region, kön";
    expect(out.sheets).toEqual([sheet, KALLOR_SHEET]);
    expect(out.rows).toBe(6);
    const values = fake.inspect.sheetValues(sheet);
    const header = values.findIndex((r) => r[0] === "Regionkod");
    expect(values.slice(header, header + 7)).toEqual([
      ["Regionkod", "Region", "Kön", "Period", "Värde", "Status"],
      ["2480", "Umeå", "män", "2022", 66012, ""],
      ["2480", "Umeå", "män", "2023", "", ".."],
      ["2480", "Umeå", "kvinnor", "2022", 65233, ""],
      ["2480", "Umeå", "kvinnor", "2023", "", "-"],
      ["00", "Riket", "män", "2022", 5252734, ""],
      ["00", "Riket", "män", "2023", 5278962, ""],
    ]);
    expect(fake.inspect.formulaCells(sheet)).toEqual([]);
    expect(values.flat()).toContain("Källa: SCB"); // the footnote
  });

  it("the Källor sheet records where it came from: the selection, the title and the time", async () => {
    const { fake, host } = pastedExtract();
    await importExtractFromSelection(host, { today });
    const first = KALLOR_LAYOUT.firstDataRow + 1;
    expect(fake.inspect.grid(KALLOR_SHEET, `A${first}:I${first}`)[0]).toEqual([
      "2026-03-02 09:15",
      "Inklistrat utdrag",
      "Blad1!B3:E10",
      "Folkmängd efter region, kön och år",
      "",
      "",
      6,
      "SCB Folkmängd efter region, kön",
      "",
    ]);
  });

  it("importing again makes a new sheet with a numbered name and adds a row to Källor", async () => {
    const { fake, host } = pastedExtract();
    await importExtractFromSelection(host, { today });
    fake.user.select("Blad1", "B3:E10");
    const again = await importExtractFromSelection(host, { today });
    expect(again.ok && again.sheets[0]).toBe("SCB Folkmängd efter region, (2)");
    const first = KALLOR_LAYOUT.firstDataRow + 1;
    expect(fake.inspect.grid(KALLOR_SHEET, `H${first}:H${first + 1}`).flat()).toEqual(["SCB Folkmängd efter region, kön", "SCB Folkmängd efter region, (2)"]);
  });

  it("nothing is written when the selection is not an SCB extract, and the message says what and where", async () => {
    const { fake, host } = officeSetup();
    paste(fake, "Blad1", { row: 0, col: 0 }, [
      ["Namn", "Telefon", "Anteckning"],
      ["Anna", "090-123", "ring"],
      ["Bo", "090-456", "mejla"],
    ]);
    fake.user.select("Blad1", "A1:C3");
    const before = snapshot(fake);
    const out = await importExtractFromSelection(host, { today });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems[0]).toEqual({ plats: 'bladet "Blad1", området A1:C3', meddelande: "Markeringen kunde inte läsas som en SCB-tabell, så inget har skrivits:" });
    expect(out.problems[1].plats).toMatch(/^bladet "Blad1", (cell|rad) /);
    expect(snapshot(fake)).toEqual(before);
  });

  it("nothing is written when the selection is empty, or a single cell", async () => {
    const { fake, host } = officeSetup();
    fake.user.select("Blad1", "C5:F9");
    const before = snapshot(fake);
    const empty = await importExtractFromSelection(host, { today });
    expect(!empty.ok && empty.problems).toEqual([
      { plats: 'bladet "Blad1", området C5:F9', meddelande: expect.stringMatching(/^Markeringen är tom\./) },
    ]);
    fake.user.editCell("Blad1", "C5", "Folkmängd");
    fake.user.select("Blad1", "C5");
    const single = await importExtractFromSelection(host, { today });
    expect(!single.ok && single.problems[0].plats).toBe('bladet "Blad1", cell C5');
    expect(snapshot(fake).sheets).toEqual(before.sheets);
  });

  it("nothing is written when a sheet named Källor exists that is not Samkalk's", async () => {
    const { fake, host } = pastedExtract();
    fake.user.addSheet("Källor");
    const before = snapshot(fake);
    const out = await importExtractFromSelection(host, { today });
    expect(!out.ok && out.problems[0]).toMatchObject({ plats: 'bladet "Källor"' });
    expect(snapshot(fake)).toEqual(before);
  });
});

describe("importing a file (importExtractFile)", () => {
  const csv = new TextEncoder().encode(
    ['"Folkmängd efter region och år"', "", '"region";"2023"', '"2480 Umeå";"=HYPERLINK(1)"'].join("\r\n"),
  );

  it("a bad value names the file and the row, and nothing is written", async () => {
    const host = new XlsxWorkbookHost();
    const out = await importExtractFile(host, csv, "folkmangd.csv", { today });
    expect(!out.ok && out.problems.map((p) => p.plats)).toEqual(["folkmangd.csv", "folkmangd.csv, rad 4, kolumn 2"]);
    expect(host.workbook.worksheets).toHaveLength(0);
  });

  it("a web export becomes 'SCB <title>' and Källor names the file", async () => {
    const host = new XlsxWorkbookHost();
    const ok = new TextEncoder().encode(['"Folkmängd efter region och år"', "", '"region";"2022";"2023"', '"2480 Umeå";131000;..'].join("\r\n"));
    const out = await importExtractFile(host, ok, "BE0101.csv", { today });
    expect(out.ok && [out.sheets, out.kalla.typ, out.kalla.tabell, out.rows]).toEqual([["SCB Folkmängd efter region och", "Källor"], "Fil", "BE0101.csv", 2]);
  });
});

describe("fetching with the live client (fetchScbTable through the FetchRows seam)", () => {
  const table: TidyTable = {
    dimensions: ["ålder", "kön"],
    notes: ["Fr.o.m. 2025 med brus."],
    rows: [
      { regionkod: "2480", region: "Umeå", dimensions: { ålder: "20-64 år", kön: "totalt" }, period: "2024", varde: 80123, status: null },
      { regionkod: "2480", region: "Umeå", dimensions: { ålder: "16-64 år", kön: "totalt" }, period: "2024", varde: 86001, status: null },
    ],
  };
  const query = { selection: [{ variableCode: "Region", valueCodes: ["2480"] }], outputFormat: "json-stat2" };
  const fetchOk: FetchRows = async (_signal, onProgress) => {
    onProgress(0.5, "Hämtar 1 av 2");
    onProgress(1);
    return { ...table, kalla: { typ: "SCB API", tabell: "TAB5557", titel: "Folkmängd efter region, ålder, kön och år", fraga: query, apiVersion: "v2", hamtad: "2026-03-02T08:15:00Z" } };
  };

  it("the Källor sheet records table id, query, API version and fetch time", async () => {
    const host = new XlsxWorkbookHost();
    const steps: Array<[string, number]> = [];
    const out = await fetchScbTable(host, fetchOk, { today, onProgress: (s, f) => steps.push([s, f]) });
    expect(out.ok).toBe(true);
    const state = await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE]);
    expect(state.tableHeaders[KALLOR_TABLE]).toEqual(["Tid", "Typ", "Tabell eller fil", "Titel", "Fråga (JSON)", "API-version", "Rader", "Blad", "Anmärkning"]);
    expect(state.tables[KALLOR_TABLE]).toEqual([
      ["2026-03-02 09:15", "SCB API", "TAB5557", "Folkmängd efter region, ålder, kön och år", JSON.stringify(query), "v2", 2, "SCB Folkmängd efter region", ""],
    ]);
    expect(steps[1]).toEqual(["Hämtar 1 av 2", 0.35]);
    expect(steps[steps.length - 1]).toEqual(["Klart", 1]);
  });

  it("a second fetch rewrites the same sheet and appends to Källor", async () => {
    const host = new XlsxWorkbookHost();
    await fetchScbTable(host, fetchOk, { today });
    const out = await fetchScbTable(host, fetchOk, { today });
    expect(out.ok && out.sheets[0]).toBe("SCB Folkmängd efter region");
    expect(host.workbook.worksheets.map((w) => w.name)).toEqual(["SCB Folkmängd efter region", "Källor"]);
    expect((await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE])).tables[KALLOR_TABLE]).toHaveLength(2);
  });

  it("Källor is appended to: what the user wrote in its table stays", async () => {
    const host = new XlsxWorkbookHost();
    await fetchScbTable(host, fetchOk, { today });
    host.workbook.getWorksheet(KALLOR_SHEET)!.getCell(KALLOR_LAYOUT.firstDataRow + 1, 9).value = "Underlag till styrelsen 12 mars";
    await fetchScbTable(host, fetchOk, { today });
    const rows = (await host.inspectSheet(KALLOR_SHEET, [KALLOR_TABLE])).tables[KALLOR_TABLE];
    expect(rows.map((r) => [r[2], r[8]])).toEqual([
      ["TAB5557", "Underlag till styrelsen 12 mars"],
      ["TAB5557", ""],
    ]);
  });

  it("a cancelled or failed fetch writes nothing", async () => {
    const host = new XlsxWorkbookHost();
    const controller = new AbortController();
    const cancelled = await fetchScbTable(
      host,
      async (signal) => {
        controller.abort();
        if (signal.aborted) throw Object.assign(new Error("aborted"), { name: "AbortError" });
        return fetchOk(signal, () => undefined);
      },
      { today, signal: controller.signal },
    );
    expect(cancelled).toEqual({ ok: false, cancelled: true, problems: [{ meddelande: "Hämtningen avbröts. Inget har skrivits i arbetsboken." }] });
    const failed = await fetchScbTable(host, async () => Promise.reject(new Error("429 Too Many Requests")), { today });
    expect(!failed.ok && failed.problems[0].meddelande).toBe("Hämtningen misslyckades, inget har skrivits: 429 Too Many Requests");
    expect(host.workbook.worksheets).toHaveLength(0);
  });

  it("the tidy sheet's layout is what the analysis sheets read", () => {
    const layout = tidySheetLayout({ sheetName: "SCB X", title: "X", kallaText: "", table });
    expect(layout.columns).toEqual({ regionkod: 0, region: 1, period: 4, varde: 5, status: 6, dimensions: { ålder: 2, kön: 3 } });
  });
});

describe("the synthetic HE fixture imported as a file", () => {
  const file = fixturePath(FILES.heSample);
  it("json-stat2 becomes a tidy sheet named after its title", async () => {
    const host = new XlsxWorkbookHost();
    const out = await importExtractFile(host, new Uint8Array(fs.readFileSync(file)), path.basename(file), { today });
    expect(out.ok && out.rows).toBe(9072);
    expect(out.ok && out.sheets[0]).toMatch(/^SCB SYNTETISK/);
  });
});
