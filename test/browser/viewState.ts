/**
 * What every job view's browser test checks after a run: the outcome is in the status area, inside the
 * 350 × 800 viewport; no outcome of an earlier run is left on screen; no message names an internal key.
 */
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { internalKeysIn } from "../taskpane/internalKeys";
import { OUT } from "./harness";

/** The pane as narrow as Excel's task pane usually is. */
export const PANE = { width: 350, height: 800 };

/** The status area's outcome, once the run has ended (it takes focus). */
export async function outcomeAfterRun(page: Page, testId: string, timeout = 30_000): Promise<Locator> {
  const outcome = page.getByTestId("status").getByTestId(testId);
  await outcome.waitFor({ state: "visible", timeout });
  return outcome;
}

/** The element's box lies within the viewport (at least its top part, 40 px, is seen). */
export async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  expect(box).not.toBeNull();
  expect(size).not.toBeNull();
  if (!box || !size) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(size.height);
}

/** Only the one outcome: none of the other outcome kinds is on screen anywhere in the pane. */
export async function expectOnlyOutcome(page: Page, testId: string): Promise<void> {
  for (const other of ["result-success", "result-problems", "result-error", "run-note"].filter((t) => t !== testId)) {
    expect(await page.getByTestId(other).count()).toBe(0);
  }
  expect(await page.getByTestId(testId).count()).toBe(1);
}

/** Every text the pane shows now (or the part `within`), checked for internal keys. */
export async function expectNoInternalKeys(page: Page, within?: Locator): Promise<void> {
  const text = await (within ?? page.locator("body")).innerText();
  expect(internalKeysIn(text)).toEqual([]);
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(OUT, name) });
