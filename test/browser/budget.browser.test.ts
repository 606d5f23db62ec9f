/**
 * @jest-environment node
 *
 * Budget in the production task pane (Debian Chromium, strict Office.js fake), used as an economist
 * would: seed 004's budget (Samordningsförbundet Umeåregionen, verksamhetsplan 2021–2023) is typed into
 * the fake workbook cell by cell (window.__samkalkUser), selected and imported; then the three-year
 * projection and the follow-up are written through the real OfficeWorkbookHost. Assertions read the fake
 * workbook back through window.__samkalkFake.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import type { CellValue } from "../../src/sources/budget/budgetCells";
import { BUDGET_004 } from "../../src/samples/budget004";
import type { FakeUserHands } from "./fakeOfficeEntry";
import { OUT, axeSeriousViolations, fake, harnessForSuite, user, describeBrowser } from "./harness";
import { PANE, expectInViewport, expectNoInternalKeys, expectOnlyOutcome, outcomeAfterRun, shot } from "./viewState";

jest.setTimeout(240_000);

const harness = harnessForSuite();

/** Non-breaking spaces (thousands, before the unit) as plain spaces, for matching. */
const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");

const column = (c: number) => String.fromCharCode(65 + c);

/**
 * Types a grid into a sheet from A1, cell by cell, as the economist would. A text that Excel would take
 * for a formula ("- Lokalhyra") is typed with a leading apostrophe, as one has to in Excel.
 */
async function typeGrid(page: Page, sheet: string, grid: CellValue[][]) {
  const edits: [string, string | number][] = [];
  grid.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      edits.push([`${column(c)}${r + 1}`, typeof v === "string" && /^[-+=@]/.test(v) ? `'${v}` : (v as string | number)]);
    }),
  );
  await page.evaluate(
    ([s, e]) => {
      const u = (window as unknown as { __samkalkUser: FakeUserHands }).__samkalkUser;
      for (const [address, value] of e) u.editCell(s, address, value);
    },
    [sheet, edits] as const,
  );
}

/** Seed 004 with one cell changed. */
function budget004With(change?: { row: number; col: number; value: CellValue }): CellValue[][] {
  const grid = BUDGET_004.map((r) => [...r]);
  if (change) grid[change.row][change.col] = change.value;
  return grid;
}

const rowOf = (label: string) => BUDGET_004.findIndex((r) => r[0] === label);

async function openView(page: Page, title = "Budget") {
  await page.setViewportSize(PANE);
  await page.getByRole("button", { name: new RegExp(`^${title}`) }).click();
  await page.getByRole("heading", { name: title, level: 2 }).waitFor();
}

/** Types the budget into Blad1, selects A1:D51 and presses "Importera markerad budget". */
async function importBudget(page: Page, grid: CellValue[][]) {
  await typeGrid(page, "Blad1", grid);
  await user(page, (u) => u.select("Blad1", "A1:D51"));
  await page.getByRole("button", { name: "Importera markerad budget" }).click();
}

async function sheetText(page: Page, sheet: string): Promise<string> {
  const values = await fake(page, (f, s: string) => f.sheetValues(s), sheet);
  return values.flat().map(String).join("\n");
}

describeBrowser("Budget (production bundle, strict Office.js fake, Chromium)", () => {
  test("type 004's budget, import it without a name (refused at the name), name it, import: 1 avvikelse with its cell; then the projection sheet and the follow-up", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await openView(page);
    expect(await page.getByLabel("Samordningsförbundets namn").inputValue()).toBe("");
    // The view is in steps; the projection's step says what comes first.
    await page.getByTestId("budget-step-projection").click();
    expect(await page.getByTestId("budget-no-table").innerText()).toContain("Läs in budgeten först");

    // The mistake: no name. One summary in the status area, the problem at the field, with its label.
    await importBudget(page, BUDGET_004);
    const refused = await outcomeAfterRun(page, "result-problems");
    await expectInViewport(page, refused);
    await expectOnlyOutcome(page, "result-problems");
    expect(await refused.innerText()).toMatch(/Samordningsförbundets namn – Ange förbundets namn\./);
    await expectNoInternalKeys(page);
    expect(await page.getByLabel("Samordningsförbundets namn").getAttribute("aria-invalid")).toBe("true");
    expect(await fake(page, (f) => f.sheetNames())).toEqual(["Blad1"]);
    await shot(page, "budget-1-problems.png");

    // The fix: the field's problem goes as it is typed, and the next run leaves nothing of the last.
    await page.getByLabel("Samordningsförbundets namn").fill("Samordningsförbundet Umeåregionen");
    expect(await page.getByLabel("Samordningsförbundets namn").getAttribute("aria-invalid")).toBeNull();
    expect(await page.getByTestId("result-problems").count()).toBe(0);
    await page.getByRole("button", { name: "Importera markerad budget" }).click();
    const area = page.getByTestId("status");
    const deviations = await outcomeAfterRun(page, "result-deviations");
    await expectInViewport(page, deviations);
    await expectOnlyOutcome(page, "result-success");
    expect(await page.getByText("Ange förbundets namn.").count()).toBe(0);
    await shot(page, "budget-2-imported.png");
    // In steps, the view stays short at 350 px: after the import, the projection's step is open, the profile folded (≈3 700 px before, all at once).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`Budget view at ${PANE.width} px, the projection step open: ${height} px tall`);
    expect(height).toBeLessThan(2500);
    const text = plain(await deviations.innerText());
    expect(text).toContain("1 avvikelse");
    expect(text).toContain("28 av 29 kontroller stämmer");
    // The one failed check: the 2021 kommun fees sum to 2 844 tkr, the region pays 2 845 tkr.
    const items = deviations.getByTestId("deviation");
    expect(await items.count()).toBe(1);
    const item = plain(await items.first().innerText());
    expect(item).toContain("Kommunernas medlemsavgifter 2021");
    expect(item).toMatch(/Cell\s+B6:B11/);
    expect(item).toMatch(/Förväntat\s+2 845 tkr/);
    expect(item).toMatch(/Funnet\s+2 844 tkr/);
    const success = plain(await area.getByTestId("result-success").innerText());
    expect(success).toContain("Budgeten är inläst");
    expect(success).toMatch(/poster för 2021–2023, i tkr/);
    expect(await area.getByTestId("result-problems").count()).toBe(0);
    expect(await fake(page, (f) => f.sheetNames())).toEqual(["Blad1", "Budget", "Budgetkontroll"]);
    expect(await fake(page, (f) => f.tableNames())).toContain("Samkalk_Budget");
    // The source cells are left as typed.
    expect((await fake(page, (f) => f.sheetValues("Blad1")))[5][1]).toBe(2359);

    // The base year comes from the imported table; the equity from its "Eget kapital vid årets slut".
    const basAr = page.getByTestId("budget-basar");
    expect(await basAr.inputValue()).toBe("2021");
    expect(await basAr.locator("option").allTextContents()).toEqual(["2021", "2022", "2023"]);
    expect(await page.getByTestId("budget-ek").inputValue()).toBe("894");
    await page.getByText("Från den inlästa budgeten: eget kapital vid slutet av 2021.").waitFor();
    // A change that is not a number is shown at once, before any run.
    await page.getByTestId("budget-standard").fill("2 procent");
    await page.getByText("Skriv ett tal, t.ex. 2 eller −1,5.").waitFor();
    await page.getByTestId("budget-standard").fill("2");
    expect(await page.getByText("Skriv ett tal, t.ex. 2 eller −1,5.").count()).toBe(0);
    // 003's co-financing commitment: 400 tkr 2022 and 200 tkr 2023.
    for (const [i, ar, belopp] of [
      [1, "2022", "400"],
      [2, "2023", "200"],
    ] as const) {
      await page.getByTestId("budget-cofin-add").click();
      await page.getByLabel(`Åtagande, rad ${i}`).fill("Arbetsgivarkoordinator");
      await page.getByLabel(`År, rad ${i}`).fill(ar);
      await page.getByLabel(`Belopp (tkr), rad ${i}`).fill(belopp);
    }
    // 2022's fees typed: the region's and the state's (the kommuner follow the change).
    const fees2022 = page.getByTestId("budget-fees-2022");
    await fees2022.getByRole("radio", { name: "Ange belopp" }).check();
    await fees2022.getByLabel("Regionen", { exact: true }).fill("2 900");
    await fees2022.getByLabel("Statens bidrag (Försäkringskassan)").fill("5 800");
    expect(await fees2022.getByLabel("Umeå (2480)").count()).toBe(1);

    await page.getByRole("button", { name: "Skriv projektionen" }).click();
    const projection = page.getByTestId("status");
    const projSuccess = await outcomeAfterRun(page, "result-checks").then(() => projection.getByTestId("result-success"));
    await expectInViewport(page, projSuccess);
    // The import's outcome is gone: one outcome on screen, the projection's.
    expect(await page.getByTestId("result-deviations").count()).toBe(0);
    await expectOnlyOutcome(page, "result-success");
    await shot(page, "budget-3-projection.png");
    expect(await projSuccess.innerText()).toContain("Bladet ”Budget 2022–2024” är klart");
    const years = plain(await projection.getByTestId("result-years").innerText());
    expect(years).toMatch(/2022\s+−?[\d ]+ tkr\s+−?[\d ]+ tkr/);
    expect(years).toContain("2024");
    // The board's checks: the fees do not follow 50/25/25 (2 844 against 2 845, and 2022 as typed).
    const checks = plain(await projection.getByTestId("result-checks").innerText());
    expect(checks).toMatch(/\d anmärkning/);
    expect(checks).toContain("Medlemsavgifterna 2022 följer inte 50/25/25: staten 5 800 tkr, regionen 2 900 tkr");
    expect(await fake(page, (f) => f.sheetNames())).toContain("Budget 2022–2024");
    const sheet = await sheetText(page, "Budget 2022–2024");
    expect(sheet).toContain("Arbetsgivarkoordinator");
    expect(sheet).toContain("Samordningsförbundet Umeåregionen");

    // The settings are kept with the workbook.
    const stored = (await fake(page, (f) => f.setting("samkalk.budget"))) as Record<string, unknown>;
    expect(stored).toMatchObject({
      forbund: "Samordningsförbundet Umeåregionen",
      enhet: "tkr",
      prognos: { basAr: 2021, standardForandring: "2", ekBorjan: "894", medlemsavgifter: [{ ar: 2022, stat: expect.stringMatching(/^5[ \u00a0]800$/), region: expect.stringMatching(/^2[ \u00a0]900$/) }] },
      medfinansiering: [{ namn: "Arbetsgivarkoordinator", belopp: { "2022": "400", "2023": "200" } }],
    });

    // The follow-up of 003's first half-year: −143 817 kr against a budget of −585 289 kr.
    await page.getByTestId("budget-step-followup").click();
    await page.getByLabel("Period", { exact: true }).fill("jan–jun 2021");
    await page.getByTestId("budget-uppf-enhet").getByRole("radio", { name: "kr", exact: true }).check();
    await page.getByLabel("Resultat enligt budget").fill("−585 289");
    await page.getByLabel("Resultat, utfall").fill("−143 817");
    await page.getByRole("button", { name: "Skriv uppföljningen" }).click();
    const followUp = await outcomeAfterRun(page, "result-verdict").then(() => page.getByTestId("status").getByTestId("result-success"));
    await expectInViewport(page, followUp);
    expect(await page.getByTestId("result-checks").count()).toBe(0);
    await expectOnlyOutcome(page, "result-success");
    await expectNoInternalKeys(page);
    await shot(page, "budget-4-followup.png");
    const fu = plain(await followUp.innerText());
    expect(fu).toContain("Bladet ”Uppföljning jan–jun 2021” är klart");
    expect(fu).toContain("Resultatet för jan–jun 2021 är bättre än budget");
    expect(fu).toMatch(/Avvikelse \(utfall − budget\)\s+441 472 kr/);
    expect(fu).toMatch(/Avvikelse i procent av budget\s+75,4 %/);
    expect(await fake(page, (f) => f.sheetNames())).toContain("Uppföljning jan–jun 2021");
    expect(await sheetText(page, "Uppföljning jan–jun 2021")).toContain("Arbetsgivarkoordinator");

    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(OUT, "budget.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  test("a text in an amount cell: the Swedish message names the cell, and nothing is written", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await openView(page);
    await page.getByLabel("Samordningsförbundets namn").fill("Samordningsförbundet Umeåregionen");
    await importBudget(page, budget004With({ row: rowOf("- Lokalhyra"), col: 2, value: "ca 90" }));
    const problems = await outcomeAfterRun(page, "result-problems");
    await expectInViewport(page, problems);
    const text = await problems.innerText();
    expect(text).toContain("Inget har skrivits");
    expect(text).toContain('Cell C22 – "ca 90" är inte ett belopp');
    await expectNoInternalKeys(page);
    expect(await page.getByTestId("result-success").count()).toBe(0);
    expect(await fake(page, (f) => f.sheetNames())).toEqual(["Blad1"]);
    expect(await fake(page, (f) => f.setting("samkalk.budget"))).toBeUndefined();
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "budget-problem.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  test("an edited Budget table: importing again asks; cancel leaves it, keep a copy keeps the edit", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await openView(page);
    await page.getByLabel("Samordningsförbundets namn").fill("Samordningsförbundet Umeåregionen");
    await importBudget(page, BUDGET_004);
    await page.getByTestId("result-deviations").waitFor({ state: "visible", timeout: 30_000 });

    // The economist corrects the state's 2021 contribution in the table (its first row, E6).
    await user(page, (u) => u.editCell("Budget", "E6", 5691));
    await user(page, (u) => u.select("Blad1", "A1:D51"));
    // The import folded to let the projection through; the economist opens its step again (once it has folded).
    const importButton = page.getByRole("button", { name: "Importera markerad budget" });
    await importButton.waitFor({ state: "hidden", timeout: 30_000 });
    await page.getByTestId("budget-step-import").click();
    await importButton.click();
    const dialog = page.getByRole("alertdialog", { name: "Du har ändrat blad som Samkalk skrivit" });
    await dialog.waitFor({ state: "visible", timeout: 60_000 });
    expect(await dialog.getByTestId("edited-sheets").innerText()).toBe("Budget");
    expect(await axeSeriousViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await page.getByTestId("run-note").waitFor({ state: "visible" });
    expect(await page.getByTestId("run-note").innerText()).toContain("Inget har skrivits");
    expect((await fake(page, (f) => f.sheetValues("Budget")))[5][4]).toBe(5691);

    await page.getByRole("button", { name: "Importera markerad budget" }).click();
    await dialog.waitFor({ state: "visible", timeout: 30_000 });
    await dialog.getByRole("button", { name: "Behåll mina ändringar som kopia" }).click();
    const kept = page.getByTestId("status").getByTestId("result-kept");
    await kept.waitFor({ state: "visible", timeout: 30_000 });
    expect(await kept.innerText()).toContain("Budget (ändrad)");
    expect((await fake(page, (f) => f.sheetValues("Budget (ändrad)")))[5][4]).toBe(5691);
    expect((await fake(page, (f) => f.sheetValues("Budget")))[5][4]).toBe(5690);
    expect(errors).toEqual([]);
  });

  test("a colleague opening the workbook sees the stored settings; English labels in English Excel", async () => {
    const stored = {
      forbund: "Samordningsförbundet Umeåregionen",
      enhet: "tkr",
      prognos: { basAr: 2021, standardForandring: "2,5", ekBorjan: "894" },
      uppfoljning: { period: "jan–jun 2021", enhet: "kr", resultat: { budget: "−585 289", utfall: "−143 817" } },
      medfinansiering: [{ namn: "Arbetsgivarkoordinator", belopp: { "2022": "400", "2023": "200" } }],
    };
    const { page, errors } = await harness().openTaskpane("en-US", { "samkalk.budget": stored });
    await openView(page);
    expect(await page.getByLabel("Association name").inputValue()).toBe("Samordningsförbundet Umeåregionen");
    expect(await page.getByTestId("budget-standard").inputValue()).toBe("2,5");
    expect(await page.getByLabel("Equity at the start of 2022").inputValue()).toBe("894");
    expect(await page.getByLabel("Commitment, row 2").inputValue()).toBe("Arbetsgivarkoordinator");
    expect(await page.getByLabel("Year, row 2").inputValue()).toBe("2023");
    await page.getByTestId("budget-step-followup").click();
    expect(await page.getByLabel("Period", { exact: true }).inputValue()).toBe("jan–jun 2021");
    // A stored projection: its step is open, the import's folded.
    await page.getByTestId("budget-step-import").click();
    for (const name of ["Import selected budget", "Write the projection", "Write the follow-up"]) {
      await page.getByRole("button", { name }).waitFor();
    }
    expect(await page.getByText("Importera markerad budget").count()).toBe(0);

    // No Budget table in this workbook: the projection says what to do and writes nothing.
    await page.getByRole("button", { name: "Write the projection" }).click();
    const problems = await outcomeAfterRun(page, "result-problems");
    expect(await problems.innerText()).toContain("Läs in budgeten först");

    // The follow-up needs no import: the stored result against budget.
    await page.getByRole("button", { name: "Write the follow-up" }).click();
    const done = await outcomeAfterRun(page, "result-success");
    expect(await page.getByTestId("result-problems").count()).toBe(0);
    expect(plain(await done.innerText())).toMatch(/Deviation \(actual − budget\)\s+441 472 SEK/);
    expect(await fake(page, (f) => f.sheetNames())).toEqual(["Blad1", "Uppföljning jan–jun 2021"]);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(OUT, "budget-en.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
