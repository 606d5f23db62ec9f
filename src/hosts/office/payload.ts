/**
 * Request-size estimates. Excel on the web refuses a context.sync() whose request exceeds 5 MB, so the
 * host measures what it queues the way the request is sent: as JSON, in UTF-8 bytes.
 */

/** Excel on the web's request (and response) limit. */
export const EXCEL_WEB_PAYLOAD_LIMIT_BYTES = 5_000_000;

/** What the host allows itself per sync, leaving room for the statements' own overhead. */
export const DEFAULT_PAYLOAD_BUDGET_BYTES = 4_000_000;

/** Rough size of one queued statement besides its data (object path, property name, JSON punctuation). */
export const STATEMENT_OVERHEAD_BYTES = 200;

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 bytes of `value` as JSON: e.g. the 2-D array assigned to `range.formulas`. */
export function estimatePayloadBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}
