/**
 * @jest-environment node
 *
 * Styrelsepaket in the production task pane (Debian Chromium, strict Office.js fake): a chief opens a
 * workbook without a förbundsprofil and is told to fill it in first; with the profile stored in the
 * workbook (and SCB's address pointing at the replay server) one click builds the whole pack, step by
 * step, into the fake workbook with Innehåll first.
 */
import path from "node:path";
import { profileToJson } from "../../src/sources/profile/profileJson";
import { UMEAREGIONEN_PROFILE } from "../../src/samples/umearegionenProfile";
import { ReplayServer, startReplayServer } from "../scb/replay/replayServer";
import type { FakeProbe } from "./fakeOfficeEntry";
import { OUT, axeSeriousViolations, chromiumPresent, describeBrowser, eventually, inPage, startHarness, type Harness } from "./harness";

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

async function openPack(settings?: Record<string, unknown>) {
  const opened = await harness.openTaskpane("sv-SE", settings, { allowOrigins: [server.origin] });
  await opened.page.getByRole("button", { name: /^Styrelsepaket/ }).click();
  await opened.page.getByRole("heading", { name: "Styrelsepaket", level: 2 }).waitFor();
  return opened;
}

describeBrowser("Styrelsepaket in the task pane", () => {
  it("without a förbundsprofil, says it must be filled in first and offers nothing to run", async () => {
    const { page, errors } = await openPack();
    await page.getByText("Förbundsprofilen är inte ifylld i den här arbetsboken.", { exact: false }).waitFor();
    expect(await page.getByRole("button", { name: "Skapa styrelsepaket" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("with the profile stored, one click builds the whole pack, Innehåll first", async () => {
    const { page, errors } = await openPack({ "samkalk.profil": profileToJson(UMEAREGIONEN_PROFILE), "samkalk.scb": { baseUrl: server.v2 } });
    await page.getByText("Samordningsförbundet Umeåregionen, 2021, 6 medlemskommuner").waitFor();
    await page.getByRole("button", { name: "Skapa styrelsepaket" }).click();
    await page.getByText("Styrelsepaketet är klart").waitFor({ timeout: 120_000 });
    const names = await inPage(page, "__samkalkFake", (f: FakeProbe) => f.sheetNames());
    expect(names.slice(0, 3)).toEqual(["Innehåll", "Sammanfattning för styrelsen", "Förbundsprofil"]);
    expect(names).toEqual(expect.arrayContaining(["Medlemsavgifter 2021", "Helårsekvivalenter", "Källor"]));
    const listed = await page.getByTestId("pack-sheets").getByRole("listitem").allInnerTexts();
    expect(listed).toEqual(names.filter((n) => n !== "Blad1"));
    await page.getByTestId("pack-sheets").getByRole("button", { name: "Medlemsavgifter 2021" }).click();
    await eventually(() => inPage(page, "__samkalkFake", (f: FakeProbe) => f.activeSheet()), (v) => v === "Medlemsavgifter 2021");
    expect(await inPage(page, "__samkalkFake", (f: FakeProbe) => f.activeSheet())).toBe("Medlemsavgifter 2021");
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUT, "pack.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
