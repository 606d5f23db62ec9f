/**
 * @jest-environment node
 *
 * The SCB-data view of the production task pane in Chromium, pointed at the replay server (started here
 * on 127.0.0.1; the harness lets the page reach that one origin, everything else stays blocked). The page
 * calls the server itself (CORS), through the real client, adapters and use cases; the workbook is the
 * strict Office.js fake, read back through window.__samkalkFake.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { embeddedPopulation } from "../../src/domain/scb/embeddedPopulation";
import { FILES, fixturePath } from "../scb/fixturePaths";
import { ReplayServer, startReplayServer } from "../scb/replay/replayServer";
import type { FakeProbe, FakeUserHands } from "./fakeOfficeEntry";
import { OUT, axeSeriousViolations, eventually, inPage, startHarness, type Harness, describeBrowser, chromiumPresent } from "./harness";
import { PANE, expectInViewport, expectNoInternalKeys, expectOnlyOutcome, outcomeAfterRun, shot } from "./viewState";

jest.setTimeout(240_000);

let harness: Harness;
let server: ReplayServer;

beforeAll(async () => {
  if (!chromiumPresent()) return; // describeBrowser reports the missing browser
  server = await startReplayServer({ config: { maxCallsPerTimeWindow: 1000 } });
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
  await server?.stop();
});
beforeEach(() => {
  if (!server) return;
  server.misbehave(undefined);
  server.setConfig({ maxDataCells: 150000 });
  server.reset();
});

const fake = <T>(page: Page, fn: (f: FakeProbe) => T): Promise<T> => inPage(page, "__samkalkFake", fn);
const user = <A>(page: Page, fn: (u: FakeUserHands, arg: A) => void, arg: A): Promise<void> => inPage(page, "__samkalkUser", fn, arg);
const dataCalls = () => server.calls.filter((c) => c.method === "POST" && c.path.endsWith("/data"));
/** Chromium logs every HTTP error answer to the console; where a test asks SCB for one, those lines are expected. */
const besidesHttpErrors = (errors: string[]) =>
  errors.filter((e) => !/^console: Failed to load resource: (the server responded with a status of (404|500)\b|net::ERR_)/.test(e));

/** The fee split a colleague set up: 2021, population 20–64 on 31 December 2019, Umeå and Vännäs. */
const FEE_SETTINGS = {
  forbund: "Samordningsförbundet Umeå",
  region: "Region Västerbotten",
  ar: 2021,
  belopp: "11 380",
  avser: "total",
  enhet: "tkr",
  nyckel: { kind: "befolkning", aldersFran: 20, aldersTill: 64, referensAr: 2019 },
  kommuner: [
    { kod: "2480", namn: "Umeå", varde: "" },
    { kod: "2460", namn: "Vännäs", varde: "" },
  ],
};

/** An address where nothing answers (the harness lets the page try it). */
const UNREACHABLE = "http://127.0.0.1:9";

async function openScb(settings?: Record<string, unknown>) {
  const opened = await harness.openTaskpane("sv-SE", settings, { allowOrigins: [server.origin, UNREACHABLE] });
  await opened.page.setViewportSize(PANE);
  await opened.page.getByRole("button", { name: /SCB-data/ }).click();
  await opened.page.getByRole("heading", { name: "SCB-data", level: 2 }).waitFor();
  return opened;
}

/** Row of a sheet (as the fake has it) whose cells include all of `cells`. */
function rowWith(values: (string | number | boolean)[][], ...cells: (string | number)[]) {
  return values.find((r) => cells.every((c) => r.map(String).includes(String(c))));
}

describeBrowser("SCB-data (production bundle, replay server, Chromium)", () => {
  test("Umeå and Vännäs: population 20–64 for 2019 fetched batch by batch into Befolkning and Källor, then into the fee split", async () => {
    // 4 regions × 45 ages = 180 cells; at most 20 per request and a little delay: several visible batches.
    server.setConfig({ maxDataCells: 20 });
    server.misbehave({ delayMs: 250, only: /^POST .*\/data$/ });
    const { page, errors } = await openScb({ "samkalk.medlemsavgifter": FEE_SETTINGS });

    // The base URL: an advanced setting, stored in the workbook.
    await page.getByRole("button", { name: "Avancerat" }).click();
    const baseUrl = page.getByLabel("SCB:s adress (API)");
    expect(await baseUrl.inputValue()).toBe("https://statistikdatabasen.scb.se/api/v2");
    await baseUrl.fill(server.v2);
    await baseUrl.press("Enter");
    expect(await eventually(() => fake(page, (f) => (f.setting("samkalk.scb") as { baseUrl?: string } | undefined)?.baseUrl), (v) => v === server.v2)).toBe(server.v2);

    expect(await page.getByRole("radio", { name: /^Befolkning/ }).isChecked()).toBe(true);
    // The förbund's members (here from the fee split a colleague set up) are the kommuner to fetch.
    expect(await page.getByTestId("scb-kommuner").innerText()).toMatch(/Umeå[\s\S]*Vännäs/);
    // With the profile open there is one kommun picker, the fetch's: the profile asks no members here.
    await page.getByTestId("profile-toggle").click();
    await page.getByLabel("Samordningsförbundets namn").waitFor();
    expect(await page.getByRole("combobox", { name: /^Lägg till/ }).count()).toBe(1);
    expect(await page.getByRole("combobox", { name: "Lägg till kommun i hämtningen" }).count()).toBe(1);
    expect(await page.getByTestId("scb-kommuner-hint").innerText()).toContain("förbundsprofilens medlemskommuner");
    await shot(page, "scb-0-profile-open.png");
    await page.locator('section[aria-labelledby="sk-scb-kommuner"]').screenshot({ path: path.join(OUT, "scb-0-kommuner.png") });
    await page.getByTestId("profile-toggle").click();
    await page.getByRole("checkbox", { name: "Ta med länet" }).check();
    await page.getByRole("checkbox", { name: "Ta med riket" }).check();
    await page.getByRole("radio", { name: "20–64 år" }).check();
    await page.getByTestId("scb-ar-fran").fill("2019");
    await page.getByTestId("scb-ar-till").fill("2019");

    await page.getByRole("button", { name: "Hämta", exact: true }).click();
    // Progress by batch, while nothing is in the workbook yet.
    const step = page.getByText(/^Hämtar från SCB: del [1-8] av 9$/);
    await step.first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("progress").isVisible()).toBe(true);
    await expectInViewport(page, page.getByTestId("progress"));
    // While it runs, what cannot change the fetch is disabled; Avbryt is not.
    expect(await page.getByRole("button", { name: "Avbryt" }).isEnabled()).toBe(true);
    expect(await page.getByTestId("scb-ar-fran").isDisabled()).toBe(true);
    expect(await page.getByRole("combobox", { name: /Lägg till kommun/ }).isDisabled()).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Ta med riket" }).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: "Hämta", exact: true }).isDisabled()).toBe(true);
    expect(await fake(page, (f) => f.sheetNames())).not.toContain("Befolkning");
    await page.getByTestId("status").screenshot({ path: path.join(OUT, "scb-progress.png") });
    await shot(page, "scb-1-running.png");

    const success = await outcomeAfterRun(page, "result-success");
    await expectInViewport(page, success);
    await expectOnlyOutcome(page, "result-success");
    expect(await page.getByTestId("scb-ar-fran").isEnabled()).toBe(true);
    const text = (await success.innerText()).replace(/\s+/g, " ");
    expect(text).toContain("4 rader är skrivna"); // Umeå, Vännäs, the län and riket
    expect(text).toContain("Skrivna blad Befolkning, Källor");
    expect(text).toMatch(/Typ SCB API Tabell TAB638 Titel Folkmängden efter region/);
    expect(dataCalls()).toHaveLength(9);
    expect(errors).toEqual([]);

    // The workbook: Befolkning with SCB's figures (the replay's 2019 sums are SCB's real ones) and a Källor row.
    expect(await fake(page, (f) => f.sheetNames())).toEqual(expect.arrayContaining(["Befolkning", "Källor"]));
    const befolkning = await fake(page, (f) => f.sheetValues("Befolkning"));
    expect(rowWith(befolkning, "2480", "Umeå", "20–64 år", "totalt", 2019)).toContain(embeddedPopulation("2480", 20, 64));
    expect(rowWith(befolkning, "2460", "Vännäs", "20–64 år", "totalt", 2019)).toContain(embeddedPopulation("2460", 20, 64));
    expect(rowWith(befolkning, "24", "Västerbottens län", "20–64 år")).toBeDefined();
    expect(rowWith(befolkning, "00", "Riket", "20–64 år")).toBeDefined();
    const kallor = await fake(page, (f) => f.sheetValues("Källor"));
    const row = rowWith(kallor, "SCB API", "TAB638");
    expect(row).toBeDefined();
    expect(row!.map(String).some((c) => c.includes('"Region":["00","24","2460","2480"]') || c.includes('"Region":["2480","2460","24","00"]'))).toBe(true);
    expect(row!.map(String).some((c) => c.includes(`URL: ${server.v2}/tables/TAB638/data`))).toBe(true);
    expect(await fake(page, (f) => f.setting("samkalk.scb"))).toMatchObject({ baseUrl: server.v2, kommuner: ["2480", "2460"], lan: true, riket: true, arFran: 2019 });

    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(OUT, "scb.png"), fullPage: true });

    // One click: the fee split's population column from the Befolkning sheet.
    await page.getByRole("button", { name: "Fyll befolkning i Medlemsavgifter 2021" }).click();
    const filled = page.getByTestId("result-success");
    await page.getByText("Befolkningen är ifylld i ”Medlemsavgifter 2021”").waitFor({ timeout: 30_000 });
    const filledText = await filled.innerText();
    expect(filledText.replace(/\s/g, " ")).toMatch(new RegExp(`Umeå: – → ${embeddedPopulation("2480", 20, 64)!.toLocaleString("sv-SE").replace(/\s/g, " ")}`));
    const feeSheet = await fake(page, (f) => f.sheetValues("Medlemsavgifter 2021"));
    expect(feeSheet.flat()).toEqual(expect.arrayContaining([embeddedPopulation("2480", 20, 64), embeddedPopulation("2460", 20, 64)]));
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("cancel mid-way: Avbryt stops the fetch and nothing is written", async () => {
    server.setConfig({ maxDataCells: 45 });
    server.misbehave({ delayMs: 1500, only: /^POST .*\/data$/ });
    const { page, errors } = await openScb({ "samkalk.scb": { baseUrl: server.v2, kommuner: ["2480", "2460", "2401", "2404", "2409", "2403"], arFran: 2019, arTill: 2019 } });
    // The stored choices are back: a colleague's workbook remembers them.
    expect(await page.getByTestId("scb-kommuner").innerText()).toMatch(/Umeå[\s\S]*Bjurholm/);
    const sheetsBefore = await fake(page, (f) => f.sheetNames());

    await page.getByRole("button", { name: "Hämta", exact: true }).click();
    await page.getByText(/^Hämtar från SCB: del [1-5] av 6$/).first().waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Avbryt" }).click();
    const cancelled = await outcomeAfterRun(page, "run-note");
    await expectInViewport(page, cancelled);
    await expectOnlyOutcome(page, "run-note");
    expect(await cancelled.innerText()).toContain("Hämtningen avbröts. Inget har skrivits i arbetsboken.");
    expect(await page.getByTestId("result-success").count()).toBe(0);
    await new Promise((r) => setTimeout(r, 1000));
    expect(await fake(page, (f) => f.sheetNames())).toEqual(sheetsBefore);
    expect(dataCalls().length).toBeLessThan(6);
    expect(await page.getByRole("button", { name: "Avbryt" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Hämta", exact: true }).isEnabled()).toBe(true);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "scb-cancelled.png"), fullPage: true });
    expect(errors).toEqual([]);
  });

  test("SCB's refusal, SCB failing and SCB out of reach: each said once, in words, with what to try; fixed, the fetch succeeds", async () => {
    const { page, errors } = await openScb({ "samkalk.scb": { baseUrl: server.v2, kommuner: ["2480"], arFran: 2025, arTill: 2025 } });
    const sheetsBefore = await fake(page, (f) => f.sheetNames());
    const status = page.getByTestId("status");
    await page.getByRole("button", { name: "Hämta", exact: true }).click();
    const problems = await outcomeAfterRun(page, "result-problems");
    await expectInViewport(page, problems);
    await expectOnlyOutcome(page, "result-problems");
    const text = await problems.innerText();
    expect(text).toContain("Inget har skrivits");
    expect(text).toMatch(/Tabellen TAB5557 finns inte hos SCB \(längre\)\. Kontrollera tabell-id:t/);
    await expectNoInternalKeys(page, status);
    expect(await fake(page, (f) => f.sheetNames())).toEqual(sheetsBefore);
    await shot(page, "scb-2-refused.png");

    // A server that answers 500 every time: a failure at SCB, not a mistake of the user's.
    server.misbehave({ fail: { first: 1000, status: 500 }, only: /^POST .*\/data$/ });
    await page.getByTestId("scb-ar-fran").fill("2019");
    await page.getByTestId("scb-ar-till").fill("2019");
    await page.getByRole("button", { name: "Hämta", exact: true }).click();
    const failed = await outcomeAfterRun(page, "result-error", 60_000);
    await expectInViewport(page, failed);
    await expectOnlyOutcome(page, "result-error");
    expect(await failed.innerText()).toContain("SCB kunde inte lämna ut data just nu");
    expect(await failed.innerText()).toContain("Försök igen om en stund");
    await expectNoInternalKeys(page, status);
    expect(await fake(page, (f) => f.sheetNames())).toEqual(sheetsBefore);
    await shot(page, "scb-3-scb-failed.png");

    // SCB out of reach: said as such, never "Failed to fetch" or an address.
    server.misbehave(undefined);
    await page.getByRole("button", { name: "Avancerat" }).click();
    const baseUrl = page.getByLabel("SCB:s adress (API)");
    await baseUrl.fill(`${UNREACHABLE}/api/v2`);
    await baseUrl.press("Enter");
    await page.getByRole("button", { name: "Hämta", exact: true }).click();
    const unreachable = await outcomeAfterRun(page, "result-error", 60_000);
    await expectInViewport(page, unreachable);
    const said = await unreachable.innerText();
    expect(said).toContain("SCB svarade inte");
    expect(said).toContain("Kontrollera nätverket");
    await expectNoInternalKeys(page, status);
    await shot(page, "scb-4-unreachable.png");

    // Fixed: the right address, and the fetch writes; nothing of the earlier runs is left.
    await baseUrl.fill(server.v2);
    await baseUrl.press("Enter");
    await page.getByRole("button", { name: "Hämta", exact: true }).click();
    const success = await outcomeAfterRun(page, "result-success", 60_000);
    await expectInViewport(page, success);
    await expectOnlyOutcome(page, "result-success");
    expect(await fake(page, (f) => f.sheetNames())).toEqual(expect.arrayContaining(["Befolkning", "Källor"]));
    await shot(page, "scb-5-done.png");
    expect(besidesHttpErrors(errors)).toEqual([]);
  });

  test("Annan tabell: search, the variables from the table's metadata, and the table fetched onto its own sheet", async () => {
    const { page, errors } = await openScb({ "samkalk.scb": { baseUrl: server.v2, kommuner: ["2480"] } });
    await page.getByRole("radio", { name: "Annan tabell" }).check();
    await page.getByLabel("Sök tabell").fill("helårsekvivalenter");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.getByRole("radio", { name: /^TAB1386: SYNTETISK: Antal helårsekvivalenter/ }).check();
    const variables = page.getByTestId("scb-variables");
    await variables.waitFor({ timeout: 30_000 });
    const vtext = await variables.innerText();
    for (const label of ["kön", "åldersgrupp", "tabellinnehåll", "månad, från", "månad, till"]) expect(vtext).toContain(label);
    await page.getByTestId("scb-var-Tid-fran").selectOption("2024M01");
    await page.getByTestId("scb-var-Tid-till").selectOption("2024M12");
    expect(await page.getByTestId("scb-cells").innerText()).toMatch(/^Urvalet ger \d+ celler\.$/);
    expect(await axeSeriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Hämta", exact: true }).click();
    const success = await outcomeAfterRun(page, "result-success");
    await expectInViewport(page, success);
    const text = (await success.innerText()).replace(/\s+/g, " ");
    expect(text).toMatch(/\d+ rader är skrivna/);
    expect(text).toContain("Tabell TAB1386");
    const sheets = await fake(page, (f) => f.sheetNames());
    expect(sheets.some((n) => n.startsWith("SCB SYNTETISK"))).toBe(true);
    expect(sheets).toContain("Källor");
    const stored = (await fake(page, (f) => f.setting("samkalk.scb"))) as { tabellId: string; tabellVal: Record<string, string[]> };
    expect(stored.tabellId).toBe("TAB1386");
    expect(stored.tabellVal.Tid).toHaveLength(12);
    expect(errors).toEqual([]);
  });

  test("SCB files and pasted extracts: the file picker and the selected range become tidy sheets, no network", async () => {
    const { page, errors } = await openScb();
    // A real old-PxWeb export (Latin-1, semicolons, title line) through the file picker.
    await page.getByTestId("scb-file").setInputFiles(fixturePath(FILES.lan2020));
    const success = await outcomeAfterRun(page, "result-success");
    await expectInViewport(page, success);
    expect((await success.innerText()).replace(/\s+/g, " ")).toMatch(/Typ Fil Tabell oldpxweb_BE0101N1_BefolkningNy/);
    const afterFile = await fake(page, (f) => f.sheetNames());
    expect(afterFile.filter((n) => n.startsWith("SCB "))).toHaveLength(1);

    // An extract pasted into a sheet and selected.
    const rows = [
      ["Folkmängd efter region, kön och år", "", "", ""],
      ["region", "kön", "2022", "2023"],
      ["2480 Umeå", "män", "66012", "66500"],
      ["2480 Umeå", "kvinnor", "65233", "65800"],
    ];
    await user(page, (u, grid: string[][]) => {
      u.addSheet("Klistrat");
      grid.forEach((line, r) => line.forEach((v, c) => v !== "" && u.editCell("Klistrat", `${"ABCD"[c]}${r + 1}`, /^\d+$/.test(v) ? Number(v) : v)));
      u.select("Klistrat", "A1:D4");
    }, rows);
    await page.getByRole("button", { name: "Städa markerat SCB-utdrag" }).click();
    await page.getByText("4 rader är skrivna").waitFor({ timeout: 30_000 });
    const sheets = await fake(page, (f) => f.sheetNames());
    expect(sheets).toContain("SCB Folkmängd efter region, kön");
    const kallor = await fake(page, (f) => f.sheetValues("Källor"));
    expect(rowWith(kallor, "Inklistrat utdrag", "Klistrat!A1:D4")).toBeDefined();
    expect(server.calls).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  test("a picked file past the limit and a selection of whole columns are refused unread, saying what to do instead", async () => {
    const { page, errors } = await openScb();
    const before = await fake(page, (f) => f.sheetNames());
    await page.getByTestId("scb-file").setInputFiles({ name: "stort.csv", mimeType: "text/csv", buffer: Buffer.alloc(17 * 1024 * 1024, 0x41) });
    const problems = page.getByTestId("result-problems");
    await problems.waitFor({ state: "visible", timeout: 30_000 });
    expect((await problems.innerText()).replace(/\s+/g, " ")).toContain("stort.csv – Filen är 17 MB; Samkalk läser högst 16 MB som ett SCB-utdrag.");

    await user(page, (u, sheet: string) => {
      u.addSheet(sheet);
      u.editCell(sheet, "A1", "region");
      u.select(sheet, "A:D");
    }, "Klistrat");
    await page.getByRole("button", { name: "Städa markerat SCB-utdrag" }).click();
    await page.getByText("Markera bara tabellen, från rubrikraden till sista raden med data", { exact: false }).waitFor({ timeout: 30_000 });
    expect((await problems.innerText()).replace(/\s+/g, " ")).toContain('Bladet "Klistrat", området A:D – Markeringen är 1 048 576 rader × 4 kolumner');
    expect(await fake(page, (f) => f.sheetNames())).toEqual([...before, "Klistrat"]);
    expect(server.calls).toHaveLength(0);
    expect(errors).toEqual([]);
  });

  test("English display language: the view in English, SCB's messages in Swedish", async () => {
    const { page, errors } = await harness.openTaskpane("en-US", { "samkalk.scb": { baseUrl: server.v2 } }, { allowOrigins: [server.origin] });
    await page.getByRole("button", { name: /SCB data/ }).click();
    await page.getByRole("heading", { name: "SCB data", level: 2 }).waitFor();
    for (const name of ["Fetch", "Clean selected SCB extract", "Choose SCB file (CSV)"]) await page.getByRole("button", { name, exact: true }).waitFor();
    await page.getByRole("checkbox", { name: "Include the county" }).waitFor();
    await page.getByRole("radio", { name: /^Population/ }).waitFor();
    expect(await page.getByText("Hämta", { exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Fetch", exact: true }).click();
    const problems = await outcomeAfterRun(page, "result-problems");
    expect(await problems.innerText()).toMatch(/Nothing was written[\s\S]*Välj minst en kommun\./);
    expect(server.calls).toHaveLength(0);
    expect(await axeSeriousViolations(page)).toEqual([]);
    // Full-year equivalents: months, the association, and no county (the table has none).
    await page.getByRole("radio", { name: /^Full-year equivalents/ }).check();
    await page.getByLabel("From month").waitFor();
    expect(await page.getByRole("checkbox", { name: "Include the county" }).isDisabled()).toBe(true);
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
