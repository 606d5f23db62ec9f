/**
 * @jest-environment node
 *
 * In an engine that cannot parse the ES2020 bundle (Internet Explorer 11 or Edge Legacy, which some Excel
 * versions use for add-ins), the pane shows why instead of staying blank; while office.js and the bundle start,
 * it shows a spinner. Chromium parses everything, so the probe script is replaced by a stand-in with a syntax
 * error and the bundle is not served: what such an engine would do with both.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { DIST, describeBrowser, harnessForSuite } from "./harness";

jest.setTimeout(120_000);

const harness = harnessForSuite();

/** The inline script with this id in the built taskpane.html. */
function inlineScript(html: string, id: string): string {
  const m = new RegExp(`<script id=["']?${id}["']?>([\\s\\S]*?)</script>`).exec(html);
  if (!m) throw new Error(`no script #${id} in taskpane.html`);
  return m[1];
}

/** What an old engine makes of the probe: a script it cannot parse, so it never runs. */
const withoutModernSyntax = (html: string) =>
  html.replace(/(<script id=["']?samkalk-syntax-probe["']?>)[\s\S]*?(<\/script>)/, "$1window.samkalkModernSyntax = 1n ?.. ;$2");

describeBrowser("the task pane in an engine without ES2020 (Chromium with a stand-in)", () => {
  test("the built probe still uses ?., ?? and a BigInt literal, and the check after it is ES5", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const probe = inlineScript(html, "samkalk-syntax-probe");
    expect(probe).toContain("?.");
    expect(probe).toContain("??");
    expect(probe).toMatch(/\b1n\b/);
    expect(() => parse(probe, { ecmaVersion: 5 })).toThrow();
    expect(() => parse(inlineScript(html, "samkalk-syntax-check"), { ecmaVersion: 5 })).not.toThrow();
  });

  test("Swedish: the pane says this Excel cannot run Samkalk and what to do, with no bundle at all", async () => {
    const { page } = await harness().openTaskpane("sv-SE", undefined, { transformHtml: withoutModernSyntax, blockBundle: true });
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Samkalk kan inte köras i den här versionen av Excel.*WebView2/s);
  });

  test("English: the same in English, and the bundle, if it loads, leaves the message in place", async () => {
    const { page } = await harness().openTaskpane("en-US", undefined, { transformHtml: withoutModernSyntax });
    await page.getByRole("alert").waitFor();
    await page.waitForLoadState("load");
    await expect(page.getByRole("alert").textContent()).resolves.toMatch(/Samkalk cannot run in this version of Excel/);
    expect(await page.getByRole("button", { name: /Fee split|Medlemsavgifter/ }).count()).toBe(0);
  });

  test("while starting, the pane shows a spinner with a status text instead of a blank page", async () => {
    const { page } = await harness().openTaskpane("sv-SE", undefined, { blockBundle: true });
    const status = page.getByRole("status");
    await status.waitFor();
    await expect(status.textContent()).resolves.toContain("Samkalk startar");
  });
});
