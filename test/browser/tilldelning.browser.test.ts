/**
 * @jest-environment node
 *
 * Statlig tilldelning in the production task pane (Debian Chromium, strict Office.js fake), as an
 * economist in Umeåregionen uses it in spring: the förbundsprofil is stored in the workbook, last year's
 * allocation is typed, the national amount is mistyped with letters (refused at its field, nothing
 * written), fixed, and the forecast is written as the sheet "Statlig tilldelning <år>". The forecast the
 * pane shows is checked against the domain's for the same whole-country underlag, and the sheet is read
 * back from the fake workbook (window.__samkalkFake).
 */
import { formatAmount } from "../../src/domain/amount";
import { ALLOCATION_SHEET_LAYOUT as L } from "../../src/sheets/tilldelning/allocationSheet";
import { profileToJson } from "../../src/sources/profile/profileJson";
import { UMEAREGIONEN_PROFILE } from "../../src/samples/umearegionenProfile";
import { wholeCountryAllocationInput } from "../../src/samples/wholeCountryAllocation";
import { computeAllocationOf } from "../../src/usecases/tilldelning/allocationJob";
import { axeSeriousViolations, describeBrowser, eventually, fake, harnessForSuite, user, waitForValue } from "./harness";
import { PANE, expectInViewport, expectNoInternalKeys, expectOnlyOutcome, outcomeAfterRun, shot } from "./viewState";

jest.setTimeout(240_000);

const harness = harnessForSuite();

/** Non-breaking spaces (thousands) as plain spaces, for matching. */
const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, " ");
const kr = (v: bigint) => plain(formatAmount({ minor: v, decimals: 0 }));

const P = UMEAREGIONEN_PROFILE;
const SHEET = `Statlig tilldelning ${P.ar}`;
const FORRA_ARET = 5_000_000n;

describeBrowser("Statlig tilldelning (production bundle, strict Office.js fake, Chromium)", () => {
  test("letters in the national amount are refused at the field and nothing is written; fixed, the forecast for the profile's förbund is written and shown with the change against last year", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE", { "samkalk.profil": profileToJson(P) });
    await page.setViewportSize(PANE);
    await page.getByRole("button", { name: /^Statlig tilldelning/ }).click();
    await page.getByRole("heading", { name: "Statlig tilldelning", level: 2 }).waitFor();
    const before = await fake(page, (f) => f.sheetNames());

    // From the profile: the förbund, its six kommuner, its budget year; the model's defaults.
    expect(await page.getByTestId("alloc-profile").innerText()).toBe(`${P.forbund}, 6 medlemskommuner, mot resten av landet`);
    expect(await page.getByLabel("Prognosår").inputValue()).toBe(String(P.ar));
    expect(plain(await page.getByLabel("Nationellt anslag").inputValue())).toBe("339 000 000");
    expect(plain(await page.getByLabel("Grundtilldelning per förbund").inputValue())).toBe("400 000");
    expect(await page.getByLabel("Spärr, största minskning").inputValue()).toBe("10");
    await page.getByLabel("Förra årets tilldelning till förbundet").fill("5000000");

    // The mistake: letters in the amount. Said at once under the field; the run is refused there, by the field's label.
    const anslag = page.getByLabel("Nationellt anslag");
    await anslag.fill("339 milj");
    await page.getByText("Skriv ett belopp i hela kronor, t.ex. 339 000 000.").waitFor();
    await page.getByRole("button", { name: "Skapa prognos" }).click();
    const refused = await outcomeAfterRun(page, "result-problems");
    await expectInViewport(page, refused);
    await expectOnlyOutcome(page, "result-problems");
    expect(plain(await refused.innerText())).toContain('Nationellt anslag – "339 milj" är inte ett belopp i kronor. Skriv t.ex. 339 000 000.');
    expect(await anslag.getAttribute("aria-invalid")).toBe("true");
    await expectNoInternalKeys(page);
    expect(await fake(page, (f) => f.sheetNames())).toEqual(before);
    await shot(page, "tilldelning-1-problems.png");

    // The fix: the problem goes as the field is changed; leaving the field writes the number the Swedish way.
    await anslag.fill("339000000");
    expect(await page.getByTestId("result-problems").count()).toBe(0);
    expect(await anslag.getAttribute("aria-invalid")).toBeNull();
    await anslag.blur();
    await waitForValue(anslag, "339\u00a0000\u00a0000");
    await page.getByRole("button", { name: "Skapa prognos" }).click();

    const done = await outcomeAfterRun(page, "result-success");
    await expectInViewport(page, done);
    await expectOnlyOutcome(page, "result-success");
    expect(await page.getByText("är inte ett belopp i kronor").count()).toBe(0);
    await expectNoInternalKeys(page);

    // What the pane says is the domain's forecast for the same underlag, and the change against last year.
    const expected = computeAllocationOf(
      wholeCountryAllocationInput({ forbund: P.forbund, kommuner: [...P.kommuner], ar: P.ar, anslag: "339000000", forraAret: String(FORRA_ARET) }),
    ).forbund[0];
    const text = plain(await done.innerText());
    expect(text).toContain(`Prognos för statlig tilldelning ${P.ar}`);
    expect(text).toContain(`${P.forbund} får enligt prognosen ${kr(expected.tilldelning)} kr.`);
    const change = expected.tilldelning - FORRA_ARET;
    expect(text).toContain(`Förändring mot förra året: ${change > 0n ? "+" : ""}${kr(change)} kr (`);
    expect(text).toContain("Försörjningsmåttet är syntetiskt");

    // The sheet is in the workbook, with the amount as typed and this förbund on its line.
    expect(await fake(page, (f) => f.sheetNames())).toEqual([...before, SHEET]);
    const values = await fake(page, (f, s: string) => f.sheetValues(s), SHEET);
    expect(values[L.PARAM.anslag][1]).toBe(339_000_000);
    expect(values.flat()).toContain(P.forbund);

    // The figures are kept with the workbook; the year is not, since it follows the profile's budget year.
    const stored = (await fake(page, (f) => f.setting("samkalk.tilldelning"))) as Record<string, unknown>;
    expect({ ...stored, anslag: plain(String(stored.anslag)), grund: plain(String(stored.grund)), forraAret: plain(String(stored.forraAret)).replace(/ /g, "") }).toEqual({
      ar: null,
      anslag: "339 000 000",
      grund: "400 000",
      sparr: "10",
      forraAret: String(FORRA_ARET),
    });

    // The link in the status area shows the sheet.
    await page.getByTestId("show-sheet").click();
    expect(await eventually(() => fake(page, (f) => f.activeSheet()), (v) => v === SHEET)).toBe(SHEET);

    expect(await axeSeriousViolations(page)).toEqual([]);
    await shot(page, "tilldelning-2-done.png");

    // Last year far above the model: the 10 % cap holds the förbund at 90 % of it, and the new outcome replaces the old.
    const high = 8_000_000n;
    await page.getByLabel("Förra årets tilldelning till förbundet").fill("8 000 000");
    await page.getByRole("button", { name: "Skapa prognos" }).click();
    const capped = await eventually(
      async () => plain(await page.getByTestId("status").innerText()),
      (t) => t.includes("Spärren håller förbundet uppe"),
      30_000,
    );
    await expectOnlyOutcome(page, "result-success");
    expect(capped).toContain("Spärren håller förbundet uppe: högst 10 % minskning, minst 7 200 000 kr.");
    expect(capped).toContain(`${P.forbund} får enligt prognosen 7 200 000 kr.`);
    expect(capped).toContain(`Förändring mot förra året: ${kr(7_200_000n - high)} kr (−10,0 %).`);
    expect(capped).not.toContain(kr(expected.tilldelning));
    await expectInViewport(page, page.getByTestId("status").getByTestId("result-success"));
    expect(await fake(page, (f) => f.sheetNames())).toEqual([...before, SHEET]);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shot(page, "tilldelning-3-capped.png");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the figures of the last forecast stored in the workbook are shown when the view opens; the year follows the profile's", async () => {
    const stored = { ar: null, anslag: "350 000 000", grund: "450 000", sparr: "5", forraAret: "4 000 000" };
    const { page, errors } = await harness().openTaskpane("sv-SE", { "samkalk.profil": profileToJson(P), "samkalk.tilldelning": stored });
    await page.setViewportSize(PANE);
    await page.getByRole("button", { name: /^Statlig tilldelning/ }).click();
    await page.getByRole("heading", { name: "Statlig tilldelning", level: 2 }).waitFor();
    expect(await page.getByLabel("Prognosår").inputValue()).toBe(String(P.ar));
    expect(plain(await page.getByLabel("Nationellt anslag").inputValue())).toBe("350 000 000");
    expect(plain(await page.getByLabel("Grundtilldelning per förbund").inputValue())).toBe("450 000");
    expect(await page.getByLabel("Spärr, största minskning").inputValue()).toBe("5");
    expect(plain(await page.getByLabel("Förra årets tilldelning till förbundet").inputValue())).toBe("4 000 000");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the forecast's sheet edited by the user: the pane asks; Avbryt writes nothing, keeping a copy rewrites the sheet and names the copy", async () => {
    const { page, errors } = await harness().openTaskpane("sv-SE", { "samkalk.profil": profileToJson(P) });
    await page.setViewportSize(PANE);
    await page.getByRole("button", { name: /^Statlig tilldelning/ }).click();
    await page.getByRole("button", { name: "Skapa prognos" }).click();
    const first = plain(await (await outcomeAfterRun(page, "result-success")).innerText());
    // Without last year's allocation there is no change to show, and the pane says how to get one.
    expect(first).toContain("Ange förra årets tilldelning för att se förändringen.");
    const before = await fake(page, (f) => f.sheetNames());
    await user(page, (u, sheet: string) => u.editCell(sheet, "A1", "Min egen prognos"), SHEET);

    await page.getByRole("button", { name: "Skapa prognos" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.getByTestId("edited-sheets").innerText()).toBe(SHEET);
    await dialog.getByTestId("edited-cancel").click();
    await outcomeAfterRun(page, "run-note");
    await expectOnlyOutcome(page, "run-note");
    expect(await fake(page, (f) => f.sheetNames())).toEqual(before);
    expect((await fake(page, (f, s: string) => f.sheetValues(s), SHEET))[0][0]).toBe("Min egen prognos");

    await page.getByRole("button", { name: "Skapa prognos" }).click();
    await dialog.waitFor();
    await dialog.getByTestId("edited-keep").click();
    const done = await outcomeAfterRun(page, "result-success");
    await expectOnlyOutcome(page, "result-success");
    await expectInViewport(page, done);
    const names = await fake(page, (f) => f.sheetNames());
    const copies = names.filter((n) => !before.includes(n));
    expect(copies).toHaveLength(1);
    expect((await fake(page, (f, s: string) => f.sheetValues(s), copies[0]))[0][0]).toBe("Min egen prognos");
    expect((await fake(page, (f, s: string) => f.sheetValues(s), SHEET))[0][0]).not.toBe("Min egen prognos");
    expect(await done.innerText()).toContain(copies[0]);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await shot(page, "tilldelning-4-kept-copy.png");
    expect(errors).toEqual([]);
    await page.close();
  });
});
