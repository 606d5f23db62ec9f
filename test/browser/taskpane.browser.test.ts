/**
 * @jest-environment node
 *
 * The production task pane in Debian Chromium, used the way an analyst would: dist/ is served over
 * http://127.0.0.1, and the page's office.js request is answered with the strict Office.js/Excel fake
 * (test/fakes/excelFake.ts, bundled with esbuild at test time), so every workbook call goes through the
 * real OfficeWorkbookHost. Assertions read the fake workbook back through window.__samkalkFake.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { OUT, axeSeriousViolations, fake, harnessForSuite, initialJavaScript, waitForValue, describeBrowser } from "./harness";

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

async function fillBasics(page: Page, ar: string, belopp: string) {
  await page.getByTestId("ar").fill(ar);
  await page.getByTestId("belopp").fill(belopp);
  await page.getByRole("radio", { name: "tkr" }).check();
}

describeBrowser("task pane (production bundle, strict Office.js fake, Chromium)", () => {
  test("initial JavaScript of taskpane.html is at most 300 KB gzipped", () => {
    const { scripts, gzipBytes: total } = initialJavaScript();
    expect(scripts.length).toBeGreaterThan(0);
    console.log(`initial JS: ${scripts.join(", ")} = ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(INITIAL_JS_LIMIT_GZ);
  });

  test("Swedish: two kommuner, embedded 2019 population, 11 380 tkr → sheet Medlemsavgifter 2021", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await page.getByRole("button", { name: /Medlemsavgifter/ }).click();
    await page.getByRole("heading", { name: "Medlemsavgifter", level: 2 }).waitFor();

    await page.getByLabel("Samordningsförbundets namn").fill("Samordningsförbundet Umeå");
    await page.getByLabel("Region", { exact: true }).fill("Region Västerbotten");
    await addKommun(page, "Umeå", /^Umeå \(2480\)/);
    await addKommun(page, "2460", /^Vännäs \(2460\)/);
    await page.getByRole("radio", { name: "20–64 år" }).check();
    await page.getByRole("button", { name: "Fyll i SCB:s befolkning 2019 (inbyggd)" }).click();
    const umea = await page.getByLabel("Befolkning Umeå").inputValue();
    const vannas = await page.getByLabel("Befolkning Vännäs").inputValue();
    expect(umea).toMatch(/^\d+$/);
    expect(vannas).toMatch(/^\d+$/);
    expect(Number(umea)).toBeGreaterThan(Number(vannas));
    await waitForValue(page.getByTestId("referensar"), "2019");

    await fillBasics(page, "2021", "11 380");
    await page.getByRole("button", { name: "Skapa blad" }).click();

    const success = page.getByTestId("result-success");
    await success.waitFor({ state: "visible", timeout: 30_000 });
    const text = await success.innerText();
    expect(text).toContain("Medlemsavgifter 2021");
    expect(text.replace(/\s/g, " ")).toMatch(/11.380 tkr/);
    for (const label of ["Totalt", "Staten", "Regionen", "Kommunerna"]) expect(text).toContain(label);
    await page.getByRole("button", { name: "Uppdatera blad" }).waitFor();

    // The workbook, read back from the fake.
    const names = await fake(page, (f) => f.sheetNames());
    expect(names).toContain("Medlemsavgifter 2021");
    const cells = (await fake(page, (f) => f.sheetValues("Medlemsavgifter 2021")))
      .flat()
      .map((v) => String(v));
    expect(cells).toEqual(expect.arrayContaining(["Umeå", "Vännäs"]));
    expect(cells.some((c) => c === "2480" || c === "2480.0")).toBe(true);
    expect(cells.some((c) => c === "2460" || c === "2460.0")).toBe(true);
    expect(cells).toEqual(expect.arrayContaining([umea, vannas].map((v) => expect.stringMatching(new RegExp(`^${v}$`)))));
    // The choices are stored in the workbook for the next person who opens it.
    const stored = await fake(page, (f) => f.setting("samkalk.medlemsavgifter"));
    expect(JSON.stringify(stored)).toContain("Vännäs");

    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(OUT, "taskpane.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  test("Swedish: a population that is not a number gives a located problem and writes nothing", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await page.getByRole("button", { name: /Medlemsavgifter/ }).click();
    await addKommun(page, "Umeå", /^Umeå \(2480\)/);
    await addKommun(page, "Vännäs", /^Vännäs \(2460\)/);
    await page.getByLabel("Befolkning Umeå").fill("78 389");
    await page.getByLabel("Befolkning Vännäs").fill("fyratusen");
    await fillBasics(page, "2021", "11 380");
    const sheetsBefore = await fake(page, (f) => f.sheetNames());
    await page.getByRole("button", { name: "Skapa blad" }).click();

    const problems = page.getByTestId("result-problems");
    await problems.waitFor({ state: "visible", timeout: 30_000 });
    const text = await problems.innerText();
    expect(text).toContain("Inget har skrivits");
    expect(text).toMatch(/rad 2\b[^\n]*Vännäs/);
    expect(text).toContain("fyratusen");
    expect(await page.getByLabel("Befolkning Vännäs").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Befolkning Umeå").getAttribute("aria-invalid")).toBeNull();
    expect(await page.getByTestId("result-success").count()).toBe(0);

    expect(await fake(page, (f) => f.sheetNames())).toEqual(sheetsBefore);
    expect(await fake(page, (f) => f.setting("samkalk.medlemsavgifter"))).toBeUndefined();
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "taskpane-problem.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  test("a colleague opening the shared workbook sees the stored choices and can rerun them", async () => {
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
    await page.getByRole("button", { name: /Medlemsavgifter/ }).click();
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
    await page.getByTestId("result-success").waitFor({ state: "visible", timeout: 30_000 });
    expect(await fake(page, (f) => f.sheetNames())).toContain("Medlemsavgifter 2022");
    const text = await page.getByTestId("result-success").innerText();
    expect(text.replace(/\s/g, " ")).toMatch(/Kommunerna\s+12.000 kr/);
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
    await page.getByRole("button", { name: "Create sheet" }).waitFor();
    expect(await page.getByText("Skapa blad").count()).toBe(0);
    expect(await page.getByText("Samordningsförbundets namn").count()).toBe(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "taskpane-en.png"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
