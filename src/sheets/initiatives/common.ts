import { matchKey } from "../../domain/initiatives/model";
import type { CellStyle } from "../spec";

/** Status colours the board recognises at a glance; a förbund's own statuses get none. */
const STATUS_STYLE: Record<string, CellStyle> = {
  "ej paborjad": "neutral",
  "under start": "info",
  pagaende: "info",
  genomford: "good",
  avslutad: "muted",
};

export function statusStyle(nulage: string): CellStyle | undefined {
  return STATUS_STYLE[matchKey(nulage)];
}

/**
 * Excel caps a row at 409 points (about 27 wrapped lines), and a taller text is cut off in print.
 * Long texts are therefore split over several rows, at a line or sentence end where possible.
 */
export function chunkText(t: string, max = 900): string[] {
  const out: string[] = [];
  let rest = t.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const cut = Math.max(window.lastIndexOf("\n"), window.lastIndexOf(". ") + 1, window.lastIndexOf(" "));
    const at = cut > max / 2 ? cut : max;
    out.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest !== "" || out.length === 0) out.push(rest);
  return out;
}

/** List fields as the document shows them: one bullet per entry. */
export function bullets(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : items.map((i) => `• ${i}`).join("\n");
}
