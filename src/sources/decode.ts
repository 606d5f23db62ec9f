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
    // WHATWG decodes "latin1" as windows-1252: the same letters, plus "–" and "€" in 0x80–0x9F.
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "latin1" };
  }
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
