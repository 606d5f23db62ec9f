/**
 * @jest-environment node
 *
 * The production task pane in Debian Chromium, used the way an analyst would: dist/ is served over
 * http://127.0.0.1, and the page's office.js request is answered with the strict Office.js/Excel fake
 * (test/fakes/excelFake.ts, bundled with esbuild at test time), so every workbook call goes through the
 * real OfficeWorkbookHost. Assertions read the fake workbook back through window.__samkalkFake.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { buildSync } from "esbuild";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import type { FakeOptions, FakeProbe } from "./fakeOfficeEntry";

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const OUT = path.join(ROOT, "test-output");
const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
const INITIAL_JS_LIMIT_GZ = 300 * 1024;

type FakeWindow = Window & { __samkalkFake: FakeProbe; __samkalkFakeOptions: FakeOptions };
type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };

let server: http.Server;
let base: string;
let browser: Browser;
let fakeBundle: string;
const contexts: BrowserContext[] = [];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
};

function serveDist(): Promise<http.Server> {
  const s = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(DIST, path.normalize(rel));
    if (req.method !== "GET" || !file.startsWith(DIST + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    execFileSync(path.join(ROOT, "node_modules", ".bin", "webpack"), ["--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  }
  fakeBundle = buildSync({
    entryPoints: [path.join(__dirname, "fakeOfficeEntry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
  }).outputFiles[0].text;
  server = await serveDist();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  fs.mkdirSync(OUT, { recursive: true });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

/** Opens taskpane.html as Excel would, with the fake Office.js in the given display language. */
async function openTaskpane(
  displayLanguage: string,
  settings?: Record<string, unknown>,
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: displayLanguage });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  // Nothing may leave the machine: office.js is the fake, everything else must come from dist/.
  await context.route(
    (url) => !url.href.startsWith(base) && !url.href.startsWith("https://appsforoffice.microsoft.com/"),
    (route) => {
      errors.push(`unexpected request: ${route.request().url()}`);
      return route.abort();
    },
  );
  await context.route(OFFICE_JS, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeBundle }),
  );
  const options: FakeOptions = { displayLanguage, settings };
  await page.addInitScript((o) => {
    (window as unknown as FakeWindow).__samkalkFakeOptions = o;
  }, options);
  await page.goto(`${base}/taskpane.html`);
  return { page, errors };
}

const fake = <T>(page: Page, fn: (f: FakeProbe) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(window.__samkalkFake)`) as Promise<T>;

async function axeSeriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] })",
  )) as AxeResult;
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
}

/** Types into the kommun search (as a user does, key by key) and picks the option. */
async function addKommun(page: Page, query: string, option: RegExp) {
  const search = page.getByRole("combobox", { name: /Lägg till kommun|Add municipality/ });
  await search.click();
  await search.fill("");
  await search.pressSequentially(query, { delay: 20 });
  await page.getByRole("option", { name: option }).click();
  await waitForValue(search, "");
}

/** Waits until an input shows `value` (jest's expect does not auto-wait like Playwright's). */
async function waitForValue(locator: Locator, value: string) {
  const deadline = Date.now() + 5000;
  let last = await locator.inputValue();
  while (last !== value && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await locator.inputValue();
  }
  expect(last).toBe(value);
}

async function fillBasics(page: Page, ar: string, belopp: string) {
  await page.getByTestId("ar").fill(ar);
  await page.getByTestId("belopp").fill(belopp);
  await page.getByRole("radio", { name: "tkr" }).check();
}

describe("task pane (production bundle, strict Office.js fake, Chromium)", () => {
  test("initial JavaScript of taskpane.html is at most 300 KB gzipped", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    // The minified HTML may leave attribute values unquoted.
    const scripts = [...html.matchAll(/<script\b[^>]*\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
      .map((m) => m[1] ?? m[2] ?? m[3])
      .filter((src) => !/^https?:/.test(src));
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((src) => zlib.gzipSync(fs.readFileSync(path.join(DIST, src)), { level: 9 }).length);
    const total = sizes.reduce((a, b) => a + b, 0);
    console.log(`initial JS: ${scripts.join(", ")} = ${(total / 1024).toFixed(1)} KB gzipped`);
    expect(total).toBeLessThanOrEqual(INITIAL_JS_LIMIT_GZ);
  });

  test("Swedish: two kommuner, embedded 2019 population, 11 380 tkr → sheet Medlemsavgifter 2021", async () => {
    const { page, errors } = await openTaskpane("sv-SE");
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
    const { page, errors } = await openTaskpane("sv-SE");
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
    const { page, errors } = await openTaskpane("sv-SE", { "samkalk.medlemsavgifter": stored });
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
    const { page, errors } = await openTaskpane("en-US");
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
