/**
 * @jest-environment node
 *
 * The production task pane in Debian Chromium, used the way an analyst would: dist/ is served over
 * http://127.0.0.1, and the page's office.js request is answered with the strict Office.js/Excel fake
 * (test/fakes/excelFake.ts, bundled with esbuild at test time), so every workbook call goes through the
 * real OfficeWorkbookHost. Assertions read the fake workbook back through window.__samkalkFake.
 * The Medlemsavgifter view is driven through a mistake, its fix and success at 350 × 800.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { OUT, axeSeriousViolations, fake, harnessForSuite, initialJavaScript, waitForValue, describeBrowser } from "./harness";
import { PANE, expectInViewport, expectNoInternalKeys, expectOnlyOutcome, outcomeAfterRun, shot } from "./viewState";

jest.setTimeout(240_000);

const INITIAL_JS_LIMIT_GZ = 300 * 1024;

const harness = harnessForSuite();

/** Types into the kommun search (as a user does, key by key) and picks the option. */
async function addKommun(page: Page, query: string, option: RegExp) {
  const search = page.getByRole("combobox", { name: /Lägg till kommun|Add municipality/ });
  await search.click();
  await search.fill("");
  await search.pressSequentially(query, { delay: 20 });
  await page.getByRole("option", { name: option }).click();
  await waitForValue(search, "");
}

async function openFee(page: Page) {
  await page.setViewportSize(PANE);
  await page.getByRole("button", { name: /Medlemsavgifter/ }).click();
  await page.getByRole("heading", { name: "Medlemsavgifter", level: 2 }).waitFor();
}

/** A number the Swedish way: groups of three separated by a (non-breaking) space. */
const SWEDISH_INTEGER = /^\d{1,3}([\s\u00a0]\d{3})*$/;

describeBrowser("task pane (production bundle, strict Office.js fake, Chromium)", () => {
  test("initial JavaScript of taskpane.html is at most 300 KB gzipped", () => {
    const { scripts, gzipBytes: total } = initialJavaScript();
    expect(scripts.length).toBeGreaterThan(0);
    console.log(`initial JS: ${scripts.join(", ")} = ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(INITIAL_JS_LIMIT_GZ);
  });

  test("Medlemsavgifter: empty profile refused at its fields, fixed, reference year chosen explicitly, 11 380 tkr → sheet Medlemsavgifter 2021", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await openFee(page);
    // Nothing known yet: empty fields with placeholders, never a placeholder as a value.
    expect(await page.getByLabel("Samordningsförbundets namn").inputValue()).toBe("");
    expect(await page.getByLabel("Regionens namn").inputValue()).toBe("");
    expect(await page.getByTestId("status").innerText()).toContain("Inget har körts ännu.");
    await shot(page, "fee-1-idle.png");

    // The mistake: run with nothing filled in.
    await page.getByRole("button", { name: "Skapa blad" }).click();
    const problems = await outcomeAfterRun(page, "result-problems");
    await expectInViewport(page, problems);
    await expectOnlyOutcome(page, "result-problems");
    const text = await problems.innerText();
    expect(text).toContain("Inget har skrivits");
    expect(text).toContain("Samordningsförbundets namn");
    expect(text).toContain("Regionens namn");
    await expectNoInternalKeys(page);
    expect(await fake(page, (f) => f.sheetNames())).toEqual(["Blad1"]);
    // Focus is on the status area when the run ends; from there the keyboard reaches the summary's link to
    // the field, and the field shows its own problem.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("status");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("problem-link-forbund");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("sk-profil-forbund");
    expect(await page.getByLabel("Samordningsförbundets namn").getAttribute("aria-invalid")).toBe("true");
    await shot(page, "fee-2-problems.png");

    // The fix: each field's problem clears as it is fixed.
    await page.getByLabel("Samordningsförbundets namn").fill("Samordningsförbundet Umeå");
    expect(await page.getByLabel("Samordningsförbundets namn").getAttribute("aria-invalid")).toBeNull();
    expect(await page.getByTestId("result-problems").innerText()).not.toContain("Samordningsförbundets namn");
    await page.getByLabel("Regionens namn").fill("Region Västerbotten");
    await page.getByTestId("ar").fill("2021");
    await page.getByTestId("belopp").fill("11 38o");
    // Amounts are checked as they are typed.
    await page.getByText("Skriv ett belopp, t.ex. 11 380").waitFor();
    await page.getByTestId("belopp").fill("11380");
    await page.getByRole("radio", { name: "tkr" }).check();
    await page.getByRole("radio", { name: "20–64 år" }).check();
    await addKommun(page, "Umeå", /^Umeå \(2480\)/);
    await addKommun(page, "2460", /^Vännäs \(2460\)/);
    // Leaving the amount wrote it the Swedish way.
    expect((await page.getByTestId("belopp").inputValue()).replace(/\u00a0/g, " ")).toBe("11 380");

    // The reference year is never changed silently: the built-in 2019 figures need the user's choice.
    expect(await page.getByTestId("fill-embedded").count()).toBe(0);
    expect(await page.getByTestId("embedded-other-year").innerText()).toMatch(/bara för den 31 december 2019/);
    await page.getByRole("button", { name: "Byt referensåret till 2019" }).click();
    await waitForValue(page.getByTestId("referensar"), "2019");
    await page.getByRole("button", { name: "Fyll i SCB:s befolkning 2019 (inbyggd)" }).click();
    const umea = await page.getByLabel("Befolkning Umeå").inputValue();
    const vannas = await page.getByLabel("Befolkning Vännäs").inputValue();
    expect(umea).toMatch(SWEDISH_INTEGER);
    expect(vannas).toMatch(SWEDISH_INTEGER);
    const num = (t: string) => Number(t.replace(/\D/g, ""));
    expect(num(umea)).toBeGreaterThan(num(vannas));

    await page.getByRole("button", { name: "Skapa blad" }).click();
    const success = await outcomeAfterRun(page, "result-success");
    await expectInViewport(page, success);
    await expectOnlyOutcome(page, "result-success");
    expect(await page.locator("[aria-invalid=true]").count()).toBe(0);
    const done = await success.innerText();
    expect(done).toContain("Medlemsavgifter 2021");
    expect(done.replace(/\s/g, " ")).toMatch(/11.380 tkr/);
    for (const label of ["Totalt", "Staten", "Regionen", "Kommunerna"]) expect(done).toContain(label);
    await page.getByRole("button", { name: "Uppdatera blad" }).waitFor();
    await expectNoInternalKeys(page);

    // The workbook, read back from the fake.
    expect(await fake(page, (f) => f.sheetNames())).toContain("Medlemsavgifter 2021");
    const cells = (await fake(page, (f) => f.sheetValues("Medlemsavgifter 2021"))).flat().map((v) => String(v));
    expect(cells).toEqual(expect.arrayContaining(["Umeå", "Vännäs", String(num(umea)), String(num(vannas))]));
    // The profile and the choices are stored in the workbook for every view and the next person.
    const profile = (await fake(page, (f) => f.setting("samkalk.profil"))) as { forbund: string; region: string; kommuner: string[] };
    expect(profile).toMatchObject({ forbund: "Samordningsförbundet Umeå", region: "Region Västerbotten", kommuner: ["2480", "2460"] });
    expect(JSON.stringify(await fake(page, (f) => f.setting("samkalk.medlemsavgifter")))).toContain("Vännäs");
    // The status links to the sheet written.
    await page.getByTestId("show-sheet").click();
    expect(await fake(page, (f) => f.activeSheet())).toBe("Medlemsavgifter 2021");

    expect(await axeSeriousViolations(page)).toEqual([]);
    await shot(page, "fee-3-done.png");
    await page.screenshot({ path: path.join(OUT, "taskpane.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  test("Medlemsavgifter: a population that is not a number is marked as typed, refused at its row, then fixed and written", async () => {
    const profil = {
      forbund: "Samordningsförbundet Umeå",
      region: "Region Västerbotten",
      ar: 2021,
      kommuner: ["2480", "2460"],
      nyckel: { alder: "20-64", referensar: 2019 },
      belopp: { total: "11380", enhet: "tkr" },
    };
    const { page, errors } = await harness().openTaskpane("sv-SE", { "samkalk.profil": profil });
    await openFee(page);
    // A stored profile: the panel is folded to its summary, the members are there.
    expect(await page.getByTestId("profile-toggle").innerText()).toContain("Samordningsförbundet Umeå");
    await page.getByLabel("Befolkning Umeå").fill("78 389");
    await page.getByLabel("Befolkning Vännäs").fill("fyratusen");
    expect(await page.getByLabel("Befolkning Vännäs").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Befolkning Umeå").getAttribute("aria-invalid")).toBeNull();
    const sheetsBefore = await fake(page, (f) => f.sheetNames());
    await page.getByRole("button", { name: "Skapa blad" }).click();

    const problems = await outcomeAfterRun(page, "result-problems");
    await expectInViewport(page, problems);
    await expectOnlyOutcome(page, "result-problems");
    const text = await problems.innerText();
    expect(text).toMatch(/Rad 2 \(Vännäs\)/);
    expect(text).toContain("fyratusen");
    await expectNoInternalKeys(page);
    expect(await fake(page, (f) => f.sheetNames())).toEqual(sheetsBefore);
    expect(await fake(page, (f) => f.setting("samkalk.medlemsavgifter"))).toBeUndefined();
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shot(page, "fee-4-row-problem.png");
    await page.screenshot({ path: path.join(OUT, "taskpane-problem.png"), fullPage: true });

    await page.getByLabel("Befolkning Vännäs").fill("4 123");
    expect(await page.getByLabel("Befolkning Vännäs").getAttribute("aria-invalid")).toBeNull();
    await page.getByRole("button", { name: "Skapa blad" }).click();
    const success = await outcomeAfterRun(page, "result-success");
    await expectInViewport(page, success);
    await expectOnlyOutcome(page, "result-success");
    expect(await fake(page, (f) => f.sheetNames())).toContain("Medlemsavgifter 2021");
    expect(errors).toEqual([]);
  });

  test("a colleague opening a workbook from before the profile sees the stored choices and can rerun them", async () => {
    const stored = {
      forbund: "Samordningsförbundet Umeå",
      region: "Region Västerbotten",
      ar: 2022,
      belopp: "12 000",
      avser: "kommuner",
      enhet: "kr",
      nyckel: { kind: "andel" },
      kommuner: [
        { kod: "2480", namn: "Umeå", varde: "90" },
        { kod: "2460", namn: "Vännäs", varde: "10" },
      ],
    };
    const { page, errors } = await harness().openTaskpane("sv-SE", { "samkalk.medlemsavgifter": stored });
    await openFee(page);
    expect(await page.getByLabel("Samordningsförbundets namn").inputValue()).toBe("Samordningsförbundet Umeå");
    expect(await page.getByTestId("ar").inputValue()).toBe("2022");
    expect(await page.getByTestId("belopp").inputValue()).toBe("12 000");
    expect(await page.getByRole("radio", { name: "Kommunernas del (25 %)" }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "kr", exact: true }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: "Fasta andelar enligt förbundsordningen" }).isChecked()).toBe(true);
    expect(await page.getByLabel("Andel i procent Umeå").inputValue()).toBe("90");
    expect(await page.getByLabel("Andel i procent Vännäs").inputValue()).toBe("10");
    // Population-only controls are not offered for fixed shares.
    expect(await page.getByTestId("fill-embedded").count()).toBe(0);

    await page.getByRole("button", { name: "Uppdatera blad" }).click();
    const success = await outcomeAfterRun(page, "result-success");
    expect(await fake(page, (f) => f.sheetNames())).toContain("Medlemsavgifter 2022");
    expect((await success.innerText()).replace(/\s/g, " ")).toMatch(/Kommunerna\s+12.000 kr/);
    // Now the profile is stored too, for every other view.
    expect(await fake(page, (f) => f.setting("samkalk.profil"))).toMatchObject({ forbund: "Samordningsförbundet Umeå", kommuner: ["2480", "2460"] });
    expect(errors).toEqual([]);
  });

  test("English display language: English labels throughout", async () => {
    const { page, errors } = await harness().openTaskpane("en-US");
    expect(await page.locator("html").getAttribute("lang")).toBe("en-US");
    await page.getByRole("heading", { name: "Choose a task" }).waitFor();
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: /Member fees/ }).click();
    await page.getByRole("heading", { name: "Member fees", level: 2 }).waitFor();
    for (const label of ["Association name", "Budget year", "Amount", "Add municipality"]) {
      await page.getByLabel(label, { exact: true }).first().waitFor();
    }
    await page.getByRole("radio", { name: "Working-age population" }).waitFor();
    await page.getByRole("button", { name: "Create sheet" }).click();
    const problems = await outcomeAfterRun(page, "result-problems");
    expect(await problems.innerText()).toContain("Association name");
    expect(await page.getByText("Skapa blad").count()).toBe(0);
    expect(await page.getByText("Samordningsförbundets namn").count()).toBe(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "taskpane-en.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
