/**
 * @jest-environment node
 *
 * The förbundsprofil in the production task pane (Debian Chromium, strict Office.js fake): asked once,
 * refused while the name is empty, stored in the workbook (document setting samkalk.profil) and read by
 * every view; edited in one view, every other view shows the change.
 */
import type { Page } from "playwright-core";
import { axeSeriousViolations, fake, harnessForSuite, waitForValue, describeBrowser } from "./harness";
import { PANE, expectNoInternalKeys, shot } from "./viewState";

jest.setTimeout(240_000);

const harness = harnessForSuite();

async function openView(page: Page, title: RegExp, heading: string) {
  await page.getByRole("button", { name: title }).click();
  await page.getByRole("heading", { name: heading, level: 2 }).waitFor();
}

async function back(page: Page) {
  await page.getByTestId("back").click();
  await page.getByRole("heading", { name: "Välj uppgift" }).waitFor();
}

describeBrowser("Förbundsprofil (production bundle, strict Office.js fake, Chromium)", () => {
  test("refused without a name, saved once from Budget, read and edited from every other view", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE");
    await page.setViewportSize(PANE);
    await openView(page, /^Budget/, "Budget");
    const panel = page.getByTestId("profile-panel");
    expect(await page.getByTestId("profile-toggle").innerText()).toContain("Inte ifylld ännu");

    // A name of spaces is no name.
    await panel.getByLabel("Samordningsförbundets namn").fill("   ");
    await page.getByRole("button", { name: "Spara förbundsprofil" }).click();
    const refused = panel.getByTestId("result-problems");
    await refused.waitFor();
    const text = await refused.innerText();
    expect(text).toContain("Samordningsförbundets namn – Ange förbundets namn.");
    expect(text).toContain("Regionens namn – Ange regionens namn.");
    expect(text).toContain("Medlemskommuner – Ange minst en medlemskommun.");
    await expectNoInternalKeys(page);
    expect(await fake(page, (f) => f.setting("samkalk.profil"))).toBeUndefined();
    await shot(page, "profile-1-refused.png");

    await panel.getByLabel("Samordningsförbundets namn").fill("Samordningsförbundet Umeå");
    await panel.getByLabel("Regionens namn").fill("Region Västerbotten");
    const search = panel.getByRole("combobox", { name: "Lägg till medlemskommun" });
    await search.click();
    await search.pressSequentially("Umeå", { delay: 20 });
    await page.getByRole("option", { name: /^Umeå \(2480\)/ }).click();
    await waitForValue(search, "");
    await panel.getByTestId("belopp").fill("11 380");
    await page.getByRole("button", { name: "Spara förbundsprofil" }).click();
    await panel.getByTestId("profile-saved").waitFor();
    expect(await panel.getByTestId("result-problems").count()).toBe(0);
    expect(await fake(page, (f) => f.setting("samkalk.profil"))).toMatchObject({
      forbund: "Samordningsförbundet Umeå",
      region: "Region Västerbotten",
      kommuner: ["2480"],
      belopp: { total: expect.stringMatching(/^11[ \u00a0]380$/), enhet: "tkr" },
    });
    expect(await page.getByTestId("profile-toggle").innerText()).toContain("Samordningsförbundet Umeå, Region Västerbotten · 1 kommun");
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shot(page, "profile-2-saved.png");

    // Samverkansinitiativ: the stored profile, folded to its summary; edited here…
    await back(page);
    await openView(page, /Samverkansinitiativ/, "Samverkansinitiativ");
    expect(await page.getByTestId("profile-toggle").innerText()).toContain("Samordningsförbundet Umeå");
    await page.getByTestId("profile-toggle").click();
    await page.getByLabel("Samordningsförbundets namn").fill("Samordningsförbundet Umeåregionen");
    await page.getByRole("button", { name: "Spara förbundsprofil" }).click();
    await page.getByTestId("profile-saved").waitFor();
    expect(await fake(page, (f) => f.setting("samkalk.profil"))).toMatchObject({ forbund: "Samordningsförbundet Umeåregionen" });

    // …and Medlemsavgifter and SCB-data show the change and the members.
    await back(page);
    await openView(page, /Medlemsavgifter/, "Medlemsavgifter");
    await page.getByTestId("profile-toggle").click();
    expect(await page.getByLabel("Samordningsförbundets namn").inputValue()).toBe("Samordningsförbundet Umeåregionen");
    expect(await page.getByTestId("member-2480").count()).toBe(1);
    await back(page);
    await openView(page, /SCB-data/, "SCB-data");
    expect(await page.getByTestId("scb-kommuner").innerText()).toContain("Umeå");
    expect(errors).toEqual([]);
  });
});
