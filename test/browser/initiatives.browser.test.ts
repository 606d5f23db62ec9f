/**
 * @jest-environment node
 *
 * Samverkansinitiativ in the production task pane (Debian Chromium, strict Office.js fake), used as an
 * analyst would: the view creates or imports the "Initiativ" table, the analyst types into the fake
 * workbook (window.__samkalkUser, FakeUser), and the status sheets are written through the real
 * OfficeWorkbookHost. Assertions read the fake workbook back through window.__samkalkFake.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import type { FakeUserHands } from "./fakeOfficeEntry";
import { OUT, axeSeriousViolations, eventually, fake, harnessForSuite, user, describeBrowser } from "./harness";
import { PANE, expectInViewport, expectNoInternalKeys, expectOnlyOutcome, outcomeAfterRun, shot } from "./viewState";

jest.setTimeout(240_000);

const harness = harnessForSuite();

/** Types a row into the fake workbook, cell by cell, as the analyst would ({ F: "pågående", ... }). */
async function typeRow(page: Page, sheet: string, row: number, cells: Record<string, string | number>) {
  const edits = Object.entries(cells).map(([col, value]) => [`${col}${row}`, value] as const);
  await page.evaluate(
    ([s, e]) => {
      const u = (window as unknown as { __samkalkUser: FakeUserHands }).__samkalkUser;
      for (const [address, value] of e) u.editCell(s, address, value);
    },
    [sheet, edits] as const,
  );
}

/** The Initiativ table's columns: A Nr, B Område, C Initiativ, F Nuläge, N Påverkan, P Statustext. */
const INIT_1 = { A: 1, B: "Arbete", C: "Gemensam kartläggning", F: "pågående", N: 3, P: "Kartläggningen är klar till hälften." };
const INIT_2 = { A: 2, B: "Hälsa", C: "Samverkan kring unga", F: "ej påbörjad", P: "Planeringen har börjat." };
const SHEET_1 = "Init 01 Gemensam kartläggning";
const SHEET_2 = "Init 02 Samverkan kring unga";

async function openView(page: Page) {
  await page.setViewportSize(PANE);
  await page.getByRole("button", { name: /Samverkansinitiativ/ }).click();
  await page.getByRole("heading", { name: "Samverkansinitiativ", level: 2 }).waitFor();
}

async function fillReport(page: Page, forbund: string, datum: string) {
  await page.getByLabel("Samordningsförbundets namn").fill(forbund);
  await page.getByLabel("Rapportens datum").fill(datum);
}

async function createTable(page: Page) {
  await page.getByRole("button", { name: "Skapa initiativtabell" }).click();
  const done = await outcomeAfterRun(page, "result-success");
  await expectInViewport(page, done);
  expect(await done.innerText()).toContain("Initiativ");
}

async function runJob(page: Page) {
  await page.getByRole("button", { name: "Skriv statusblad" }).click();
}

/** The status sheets' outcome (its list of sheets written), in view; nothing else on screen. */
async function waitForSuccess(page: Page): Promise<string> {
  await outcomeAfterRun(page, "result-sheets");
  const success = page.getByTestId("status").getByTestId("result-success");
  await expectInViewport(page, success);
  await expectOnlyOutcome(page, "result-success");
  return success.innerText();
}

/** Where `text` is on a sheet, as an A1 address (first match, row by row). */
async function findCell(page: Page, sheet: string, text: string): Promise<string | null> {
  const values = await fake(page, (f, s: string) => f.sheetValues(s), sheet);
  for (let r = 0; r < values.length; r++) {
    const c = values[r].findIndex((v) => v === text);
    if (c >= 0) return `${String.fromCharCode(65 + c)}${r + 1}`;
  }
  return null;
}

async function sheetText(page: Page, sheet: string): Promise<string> {
  const values = await fake(page, (f, s: string) => f.sheetValues(s), sheet);
  return values.flat().map(String).join("\n");
}

/** Opens the view, creates the table and types two initiatives into it; the report is dated 2024-03-15. */
async function twoInitiatives(page: Page) {
  if ((await page.getByRole("heading", { name: "Samverkansinitiativ", level: 2 }).count()) === 0) await openView(page);
  await fillReport(page, "Samordningsförbundet Umeå", "2024-03-15");
  await createTable(page);
  expect(await fake(page, (f) => f.tables())).toEqual(
    expect.arrayContaining([expect.objectContaining({ name: "Samkalk_Initiativ", sheet: "Initiativ", address: "A4:R5" })]),
  );
  await typeRow(page, "Initiativ", 5, INIT_1);
  await typeRow(page, "Initiativ", 6, INIT_2);
}

describeBrowser("Samverkansinitiativ (production bundle, strict Office.js fake, Chromium)", () => {
  test("without a name the status sheets are refused at the name; named, the table created, two initiatives typed: the overview and two status sheets", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await openView(page);
    // Nothing known: the name is empty (a placeholder, not a value), and a run is refused at the field.
    expect(await page.getByLabel("Samordningsförbundets namn").inputValue()).toBe("");
    await runJob(page);
    const refused = await outcomeAfterRun(page, "result-problems");
    await expectInViewport(page, refused);
    await expectOnlyOutcome(page, "result-problems");
    expect(await refused.innerText()).toContain("Samordningsförbundets namn – Ange förbundets namn.");
    await expectNoInternalKeys(page);
    expect(await page.getByLabel("Samordningsförbundets namn").getAttribute("aria-invalid")).toBe("true");
    await shot(page, "initiatives-1-problems.png");

    await twoInitiatives(page);
    expect(await page.getByTestId("result-problems").count()).toBe(0);
    // The table written, the profile folds to its summary; nothing is marked any more.
    expect(await page.getByTestId("profile-toggle").innerText()).toContain("Samordningsförbundet Umeå");
    expect(await page.locator("[aria-invalid=true]").count()).toBe(0);
    await shot(page, "initiatives-2-table.png");
    // Excel grows the table by the row typed below it.
    expect((await fake(page, (f) => f.tables())).find((t) => t.name === "Samkalk_Initiativ")?.address).toBe("A4:R6");

    await runJob(page);
    const text = await waitForSuccess(page);
    for (const name of ["Initiativ översikt", SHEET_1, SHEET_2, "Initiativ historik"]) expect(text).toContain(name);
    expect(text).toContain("2 initiativ");
    // Per område and per nuläge, from outcome.oversikt.
    const omraden = await page.getByTestId("result-omraden").innerText();
    expect(omraden).toMatch(/Arbete\s+1/);
    expect(omraden).toMatch(/Hälsa\s+1/);
    const nulagen = await page.getByTestId("result-nulagen").innerText();
    expect(nulagen).toMatch(/pågående\s+1/);
    expect(nulagen).toMatch(/ej påbörjad\s+1/);
    expect(nulagen).toMatch(/genomförd\s+0/);
    expect(nulagen).toMatch(/Totalt\s+2/);
    expect(text).toContain("Första rapporten");

    const names = await fake(page, (f) => f.sheetNames());
    expect(names).toEqual(expect.arrayContaining(["Initiativ", "Initiativ översikt", SHEET_1, SHEET_2, "Initiativ historik"]));
    expect(names.filter((n) => n.startsWith("Init 0"))).toHaveLength(2);
    expect(await sheetText(page, SHEET_1)).toContain("Kartläggningen är klar till hälften.");
    expect(await sheetText(page, SHEET_2)).toContain("Planeringen har börjat.");
    const overview = await sheetText(page, "Initiativ översikt");
    for (const t of ["Samordningsförbundet Umeå", "Gemensam kartläggning", "Samverkan kring unga"]) expect(overview).toContain(t);
    // Settings are kept with the workbook.
    const stored = (await fake(page, (f) => f.setting("samkalk.initiativ"))) as { forbund: string; datum: string; nulagen: string[] };
    expect(stored).toMatchObject({ forbund: "Samordningsförbundet Umeå", datum: "2024-03-15" });
    expect(stored.nulagen).toContain("pågående");

    // Accessibility of the view with its results, and a picture of it.
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(OUT, "initiatives.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  test("an edited status sheet: cancel, then keep a copy with the edit next to a fresh sheet", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await twoInitiatives(page);
    await runJob(page);
    await waitForSuccess(page);

    // The analyst edits the generated sheet by hand, and moves initiative 1 on in the table.
    const at = await findCell(page, SHEET_1, "Kartläggningen är klar till hälften.");
    expect(at).not.toBeNull();
    await user(page, (u, a: [string, string]) => u.editCell(a[0], a[1], "Min egen anteckning"), [SHEET_1, at as string]);
    await typeRow(page, "Initiativ", 5, { F: "genomförd" });
    await page.getByLabel("Rapportens datum").fill("2024-06-15");

    // First: Avbryt writes nothing.
    await runJob(page);
    const dialog = page.getByRole("alertdialog", { name: "Du har ändrat statusblad" });
    await dialog.waitFor({ state: "visible", timeout: 30_000 });
    expect(await dialog.getByTestId("edited-sheets").innerText()).toBe(SHEET_1);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "initiatives-dialog.png"), fullPage: true });
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await page.getByTestId("run-note").waitFor({ state: "visible" });
    expect(await page.getByTestId("run-note").innerText()).toContain("Inget har skrivits");
    expect(await sheetText(page, SHEET_1)).toContain("Min egen anteckning");
    expect(await page.getByTestId("result-success").count()).toBe(0);

    // Then: keep my changes as a copy.
    await runJob(page);
    await dialog.waitFor({ state: "visible", timeout: 30_000 });
    await dialog.getByRole("button", { name: "Behåll mina ändringar som kopia" }).click();
    const text = await waitForSuccess(page);
    const names = await fake(page, (f) => f.sheetNames());
    const copies = names.filter((n) => n.startsWith("Init 01") && n.includes("(ändrad)"));
    expect(copies).toHaveLength(1);
    expect(await page.getByTestId("result-kept").innerText()).toContain(copies[0]);
    expect(await sheetText(page, copies[0])).toContain("Min egen anteckning");
    expect(names).toContain(SHEET_1);
    const fresh = await sheetText(page, SHEET_1);
    expect(fresh).not.toContain("Min egen anteckning");
    expect(fresh).toContain("Kartläggningen är klar till hälften.");
    // What changed since the report of 2024-03-15.
    expect(text).toContain("Ändrat sedan 2024-03-15");
    expect(text).toMatch(/Nr 1 Gemensam kartläggning: nuläge pågående → genomförd/);
    expect(text).not.toMatch(/Nr 2 /);
    expect(await page.getByTestId("result-nulagen").innerText()).toMatch(/genomförd\s+1/);
    expect(errors).toEqual([]);
  });

  test("an unknown status in the table: a Swedish message naming the row, and no sheets written", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await openView(page);
    await fillReport(page, "Samordningsförbundet Umeå", "2024-03-15");
    await createTable(page);
    await typeRow(page, "Initiativ", 5, { ...INIT_1, F: "på gång" });
    await typeRow(page, "Initiativ", 6, INIT_2);
    const before = await fake(page, (f) => f.sheetNames());

    await runJob(page);
    const problems = await outcomeAfterRun(page, "result-problems");
    await expectInViewport(page, problems);
    await expectOnlyOutcome(page, "result-problems");
    const text = await problems.innerText();
    expect(text).toContain("Inget har skrivits");
    expect(text).toMatch(/Bladet Initiativ, rad 5, kolumn "Nuläge" – Okänt nuläge "på gång"/);
    expect(text).not.toMatch(/rad 6/);
    expect(await page.getByTestId("result-success").count()).toBe(0);
    expect(await fake(page, (f) => f.sheetNames())).toEqual(before);
    expect(before.some((n) => n.startsWith("Init ") || n === "Initiativ översikt")).toBe(false);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "initiatives-problem.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  test("carry over last year's table: paste, select, import; importing again asks before replacing", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await openView(page);
    await fillReport(page, "Samordningsförbundet Umeå", "2024-03-15");

    // Last year's table, pasted at B2 of a sheet of its own, in last year's layout.
    await user(page, (u) => u.addSheet("Förra året"));
    await typeRow(page, "Förra året", 2, { B: "Nr", C: "Fokusområde", D: "Initiativ", E: "Status", F: "Nuläge juni 2023" });
    await typeRow(page, "Förra året", 3, { B: 3, C: "Arbete", D: "Jobbspår", E: "Pågående", F: "Tio deltagare." });
    await typeRow(page, "Förra året", 4, { B: 7, C: "Ungdomar", D: "Unga vuxna", E: "avslutad", F: "Avslutat i maj." });
    await user(page, (u) => u.select("Förra året", "B2:F4"));

    await page.getByRole("button", { name: "Importera markerad tabell" }).click();
    const done = await outcomeAfterRun(page, "result-success");
    expect(await done.innerText()).toContain("2 initiativ har förts över till bladet ”Initiativ”");
    const input = await sheetText(page, "Initiativ");
    for (const t of ["Jobbspår", "Unga vuxna", "Tio deltagare.", "Avslutat i maj.", "pågående"]) expect(input).toContain(t);

    // Again: the table exists. "Avbryt" leaves it; yes keeps the old one as a copy. (Writing the table
    // made Initiativ the active sheet, so the analyst selects the pasted table again.)
    await user(page, (u) => u.select("Förra året", "B2:F4"));
    await page.getByRole("button", { name: "Importera markerad tabell" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Ersätta initiativtabellen?" });
    await dialog.waitFor({ state: "visible", timeout: 30_000 });
    expect(await dialog.innerText()).toContain("Det finns redan en initiativtabell. Ersätt den och behåll den gamla som kopia?");
    expect(await axeSeriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await outcomeAfterRun(page, "run-note");
    await expectOnlyOutcome(page, "run-note");
    expect((await fake(page, (f) => f.sheetNames())).filter((n) => n.startsWith("Initiativ ("))).toEqual([]);

    await typeRow(page, "Förra året", 4, { D: "Unga vuxna i arbete" });
    await user(page, (u) => u.select("Förra året", "B2:F4"));
    await page.getByRole("button", { name: "Importera markerad tabell" }).click();
    await dialog.waitFor({ state: "visible", timeout: 30_000 });
    await dialog.getByRole("button", { name: "Ersätt och behåll kopia" }).click();
    await done.waitFor({ state: "visible", timeout: 30_000 });
    const copyNote = await done.innerText();
    const copy = /bladet ”(Initiativ \(ändrad[^”]*\))”/.exec(copyNote)?.[1];
    expect(copy).toBeDefined();
    expect(await fake(page, (f) => f.sheetNames())).toEqual(expect.arrayContaining(["Initiativ", copy]));
    expect(await sheetText(page, "Initiativ")).toContain("Unga vuxna i arbete");
    expect(await sheetText(page, copy as string)).not.toContain("Unga vuxna i arbete");

    // The imported initiatives are what the job then writes.
    await runJob(page);
    await waitForSuccess(page);
    const names = await eventually(() => fake(page, (f) => f.sheetNames()), (n) => n.includes("Initiativ historik"));
    expect(names).toEqual(expect.arrayContaining(["Init 03 Jobbspår", "Init 07 Unga vuxna i arbete"]));
    expect(errors).toEqual([]);
  });

  test("the status list is editable and becomes the table's drop-down list", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await openView(page);
    const list = page.getByRole("list", { name: "Statuslistan" });
    await list.waitFor();
    expect(await list.getByRole("listitem").count()).toBe(5);
    await page.getByLabel("Nuläge 2").fill("planerad");
    await page.getByRole("button", { name: "Ta bort avslutad" }).click();
    await page.getByLabel("Nytt nuläge").fill("vilande");
    await page.getByRole("button", { name: "Lägg till", exact: true }).click();
    await page.getByRole("button", { name: "Flytta upp vilande" }).click();
    const values = await list.getByRole("textbox").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values).toEqual(["ej påbörjad", "planerad", "pågående", "vilande", "genomförd"]);

    // A duplicate is flagged at the entry and blocks writing.
    await page.getByLabel("Nuläge 5").fill("Pagaende");
    expect(await page.getByLabel("Nuläge 5").getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("button", { name: "Skapa initiativtabell" }).click();
    await (await outcomeAfterRun(page, "result-problems")).getByText("Statuslista (nuläge) – Rätta statuslistan först.").waitFor();
    expect(await fake(page, (f) => f.sheetNames())).not.toContain("Initiativ");
    await page.getByLabel("Nuläge 5").fill("genomförd");

    await fillReport(page, "Samordningsförbundet Umeå", "2024-03-15");
    await createTable(page);
    const stored = (await fake(page, (f) => f.setting("samkalk.initiativ"))) as { nulagen: string[] };
    expect(stored.nulagen).toEqual(["ej påbörjad", "planerad", "pågående", "vilande", "genomförd"]);
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("a colleague opening the workbook sees the stored förbund and status list; English labels in English Excel", async () => {
    const stored = { forbund: "Samordningsförbundet Skellefteå", datum: "2023-06-15", nulagen: ["ej startad", "pågår", "klar"] };
    const { page, errors } = await harness().openTaskpane("en-US", { "samkalk.initiativ": stored });
    await page.getByRole("button", { name: /Collaboration initiatives/ }).click();
    await page.getByRole("heading", { name: "Collaboration initiatives", level: 2 }).waitFor();
    expect(await page.getByLabel("Association name").inputValue()).toBe("Samordningsförbundet Skellefteå");
    // The report date is today's; the last report's date is shown.
    expect(await page.getByLabel("Report date").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByText("The latest report was written for 2023-06-15").waitFor();
    await page.getByRole("list", { name: "Status list" }).waitFor();
    const values = await page
      .getByRole("list", { name: "Status list" })
      .getByRole("textbox")
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(values).toEqual(stored.nulagen);
    for (const name of ["Create initiative table", "Import selected table", "Write status sheets"]) {
      await page.getByRole("button", { name }).waitFor();
    }
    expect(await page.getByText("Skriv statusblad").count()).toBe(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "initiatives-en.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
