/**
 * The harness of the browser tests: dist/ (the production build) served over http://127.0.0.1, Debian
 * Chromium, and office.js answered with the strict Office.js/Excel fake bundled by esbuild from
 * fakeOfficeEntry.ts. Nothing may leave the machine; page errors, console errors and unexpected requests
 * are collected per page.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import zlib from "node:zlib";
import { buildSync } from "esbuild";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { CHROMIUM_PATH, describeWith, findProgram, missingProgramMessage } from "../harness/externalPrograms";
import type { FakeOptions, FakeProbe, FakeUserHands } from "./fakeOfficeEntry";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const OUT = path.join(ROOT, "test-output");
const OFFICE_JS = "https://appsforoffice.microsoft.com/**";

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] };

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

export interface OpenOptions {
  /**
   * Origins the page may reach besides dist/ and office.js, e.g. a replay server on 127.0.0.1
   * ("http://127.0.0.1:43123"). Everything else stays blocked.
   */
  allowOrigins?: string[];
  /** Rewrites taskpane.html as served (e.g. a stand-in for an engine that cannot parse a script). */
  transformHtml?: (html: string) => string;
  /** The bundle's scripts are not served (as if the engine could not run them). */
  blockBundle?: boolean;
}

export interface Harness {
  /** Opens taskpane.html as Excel would, with the fake Office.js in the given display language. */
  openTaskpane(displayLanguage: string, settings?: Record<string, unknown>, options?: OpenOptions): Promise<{ page: Page; errors: string[] }>;
  close(): Promise<void>;
}

/** Starts the server and the browser (building dist/ first if it is missing). */
export async function startHarness(): Promise<Harness> {
  if (!findProgram("chromium")) throw new Error(missingProgramMessage(["chromium"]));
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    execFileSync(path.join(ROOT, "node_modules", ".bin", "webpack"), ["--mode", "production"], { cwd: ROOT, stdio: "inherit" });
  }
  const fakeBundle = buildSync({
    entryPoints: [path.join(__dirname, "fakeOfficeEntry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
  }).outputFiles[0].text;
  const server = await serveDist();
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
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
  } catch (e) {
    await new Promise((resolve) => server.close(resolve));
    throw e;
  }
  fs.mkdirSync(OUT, { recursive: true });
  const contexts: BrowserContext[] = [];

  return {
    async openTaskpane(displayLanguage, settings, open = {}) {
      const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: displayLanguage });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(`console: ${m.text()}`);
      });
      // Nothing may leave the machine: office.js is the fake, everything else must come from dist/ (or an
      // origin the test allows, such as its replay server on 127.0.0.1).
      const allowed = [`${base}/`, ...(open.allowOrigins ?? []).map((o) => `${new URL(o).origin}/`)];
      await context.route(
        (url) => !allowed.some((a) => url.href.startsWith(a)) && !url.href.startsWith("https://appsforoffice.microsoft.com/"),
        (route) => {
          errors.push(`unexpected request: ${route.request().url()}`);
          return route.abort();
        },
      );
      await context.route(OFFICE_JS, (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeBundle }),
      );
      if (open.transformHtml) {
        const transform = open.transformHtml;
        await context.route(`${base}/taskpane.html`, async (route) => {
          const response = await route.fetch();
          await route.fulfill({ response, body: transform(await response.text()) });
        });
      }
      if (open.blockBundle) await context.route((url) => url.href.startsWith(`${base}/`) && url.pathname.endsWith(".js"), (route) => route.abort());
      const options: FakeOptions = { displayLanguage, settings };
      await page.addInitScript((o) => {
        (window as unknown as { __samkalkFakeOptions: FakeOptions }).__samkalkFakeOptions = o;
      }, options);
      await page.goto(`${base}/taskpane.html`);
      return { page, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The scripts taskpane.html loads from dist/ at once, and their size gzipped (level 9) together. */
export function initialJavaScript(): { scripts: string[]; gzipBytes: number } {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  // The minified HTML may leave attribute values unquoted.
  const scripts = [...html.matchAll(/<script\b[^>]*\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((src) => !/^https?:/.test(src));
  const gzipBytes = scripts
    .map((src) => zlib.gzipSync(fs.readFileSync(path.join(DIST, src)), { level: 9 }).length)
    .reduce((a, b) => a + b, 0);
  return { scripts, gzipBytes };
}

/**
 * Runs `fn(window[global], arg)` in the page. `fn` is sent as source text, so it may use only its
 * parameters; `arg` must be JSON.
 */
export function inPage<G, T, A = undefined>(page: Page, global: string, fn: (g: G, arg: A) => T, arg?: A): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window[${JSON.stringify(global)}], ${JSON.stringify(arg ?? null)})`) as Promise<T>;
}

/** `fn(fake workbook, arg)` in the page: what the workbook holds now (window.__samkalkFake). */
export const fake = <T, A = undefined>(page: Page, fn: (f: FakeProbe, arg: A) => T, arg?: A): Promise<T> =>
  inPage(page, "__samkalkFake", fn, arg);

/** `fn(user's hands, arg)` in the page: what the user does in the workbook (window.__samkalkUser). */
export const user = <T, A = undefined>(page: Page, fn: (u: FakeUserHands, arg: A) => T, arg?: A): Promise<T> =>
  inPage(page, "__samkalkUser", fn, arg);

/** `describe` for a browser suite: fails naming Chromium when it is missing (see ../harness/externalPrograms). */
export const describeBrowser = describeWith(["chromium"]);

/** Whether suite hooks should start Chromium at all (when it is missing, describeBrowser reports it once). */
export const chromiumPresent = (): boolean => findProgram("chromium") !== null;

/** Starts the harness before the suite's tests and closes it after them; the returned function gives it while they run. */
export function harnessForSuite(): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    if (chromiumPresent()) harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error("The harness is not started.");
    return harness;
  };
}

/**
 * Tabster's focus guards (`<i data-tabster-dummy tabindex="0" aria-hidden="true">`, put around the page
 * once a Fluent Dialog is used) are focusable on purpose and hand focus on at once; Fluent lists their
 * aria-hidden-focus finding as a known false positive (microsoft/tabster#288, and Accessibility Insights
 * suppresses it: microsoft/accessibility-insights-web#7605). Only those nodes of that rule are dropped.
 */
const isTabsterGuard = (ruleId: string, html: string) => ruleId === "aria-hidden-focus" && /^<i\b[^>]*\bdata-tabster-dummy\b/.test(html);

/** axe-core's serious and critical violations on the page as it is now. */
export async function axeSeriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate("typeof axe !== 'undefined'"))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  const result = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResult;
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterGuard(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`);
}

/** Waits until an input shows `value` (jest's expect does not auto-wait like Playwright's). */
export async function waitForValue(locator: Locator, value: string): Promise<void> {
  const deadline = Date.now() + 5000;
  let last = await locator.inputValue();
  while (last !== value && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await locator.inputValue();
  }
  expect(last).toBe(value);
}

/** Polls `read` until `ok` holds of its result or 5 s pass; returns the last result. */
export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  let last = await read();
  while (!ok(last) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    last = await read();
  }
  return last;
}
