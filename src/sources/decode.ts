export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "latin1";

/**
 * Bytes → text. A BOM decides; otherwise valid UTF-8 is UTF-8 and anything else is Latin-1
 * (old PxWeb and, reportedly, the v2 API's csv write ISO-8859-1). Pure ASCII reports "utf-8".
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  }
  // Excel's "Unicode text" is UTF-16 with a BOM.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "latin1" };
  }
}

/** Windows-1252's letters for the bytes 0x80–0x9F (WHATWG; the five bytes it leaves undefined stay as they are). */
const C1_LETTERS =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";
const C1 = /[\x80-\x9f]/g;

/**
 * WHATWG decodes "latin1" as windows-1252: ISO-8859-1's letters, plus "–", "€" … in 0x80–0x9F. Node decodes
 * ISO-8859-1 natively, several times faster than its TextDecoder on a large extract (which, in some Node
 * versions, also leaves 0x80–0x9F as control characters): those bytes are then given their letters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  if (typeof Buffer === "undefined") return new TextDecoder("windows-1252").decode(bytes);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (c) => C1_LETTERS[c.charCodeAt(0) - 0x80]) : text;
}

/** Text → ISO-8859-1 bytes; characters above U+00FF become "?". */
export function encodeLatin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c > 0xff ? 0x3f : c;
  }
  return out;
}
