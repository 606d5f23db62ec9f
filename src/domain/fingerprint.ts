/**
 * A fingerprint of a generated sheet's contents, stored when the add-in writes the sheet; if the
 * sheet's values no longer give the same fingerprint, the user has edited it and it is not overwritten
 * without asking. Empty cells ("" or null) and trailing empty rows/columns do not count, so the
 * used range growing (formatting, a cleared cell) is not an edit.
 */

type Canonical = string | number | boolean;

function canonicalCell(v: unknown): Canonical {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.replace(/\r\n?/g, "\n");
  if (typeof v === "number") return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : String(v);
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return isNaN(v.getTime()) ? "" : v.toISOString();
  return String(v);
}

function canonical(values: readonly (readonly unknown[])[]): Canonical[][] {
  const rows = values.map((row) => {
    const cells = row.map(canonicalCell);
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

/**
 * FNV-1a (64 bit) of the text's UTF-8; 16 hex digits. Computed in two 32-bit halves (no BigInt: a BigInt per
 * byte made this the slowest step of writing a large sheet, and BigInt does not parse in older Office webviews).
 * The prime is 2^40 + 0x1b3, so h × prime = (h × 0x1b3) + (h << 40), each part exact in a double.
 */
export function fnv1a64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    const low = lo * 0x1b3; // < 2^41
    const carry = Math.floor(low / 0x100000000);
    hi = (hi * 0x1b3 + carry + lo * 0x100) >>> 0; // (lo << 40) lands in the high half as lo << 8
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, "0") + lo.toString(16).padStart(8, "0");
}

/** A stable hash of the cell contents: FNV-1a over their canonical JSON. */
export function fingerprint(values: readonly (readonly unknown[])[]): string {
  return fnv1a64(JSON.stringify(canonical(values)));
}

export type SheetEditState = "oförändrat" | "ändrat" | "okänt";

/** "okänt" when no fingerprint was stored (the sheet may not be the add-in's). */
export function sheetEditState(values: readonly (readonly unknown[])[], storedFingerprint: string | undefined): SheetEditState {
  if (!storedFingerprint) return "okänt";
  return fingerprint(values) === storedFingerprint ? "oförändrat" : "ändrat";
}

/** True unless the values are provably as generated, so nothing the user may have written is overwritten unasked. */
export function isEditedSinceGeneration(values: readonly (readonly unknown[])[], storedFingerprint: string | undefined): boolean {
  return sheetEditState(values, storedFingerprint) !== "oförändrat";
}
