import { KOMMUNER, LAN } from "../src/domain/kommuner";
import { encodeLatin1 } from "../src/sources/decode";

/**
 * A synthetic extract for benchmarks, in the real old-PxWeb "semicolon with heading" layout
 * (title line, blank line, quoted texts, CRLF, ISO-8859-1): region × ålder × kön, years as columns.
 * Deterministic: the same arguments give the same bytes. Every 97th cell is "..".
 */
export interface GeneratedExtract {
  bytes: Uint8Array;
  /** Value cells written (cells rounded up to whole rows). */
  cells: number;
  rows: number;
  /** Sum of the numeric cells and count of ".." cells, to check a parse against. */
  summa: number;
  saknade: number;
}

const REGIONS = ["00 Riket", ...LAN.map((l) => `${l.kod} ${l.namn}`), ...KOMMUNER.map((k) => `${k.kod} ${k.namn}`)];
const AGES = Array.from({ length: 101 }, (_, a) => (a === 100 ? "100+ år" : `${a} år`));
const SEXES = ["män", "kvinnor"];

export function generateExtract(cells: number, opts: { perioder?: number; forstaAr?: number } = {}): GeneratedExtract {
  const perioder = opts.perioder ?? 10;
  const forstaAr = opts.forstaAr ?? 2015;
  const rows = Math.ceil(cells / perioder);
  const years = Array.from({ length: perioder }, (_, i) => `"${forstaAr + i}"`);
  const lines = ['"Folkmängd efter region, ålder, kön och år"', "", ['"region"', '"ålder"', '"kön"', ...years].join(";")];
  let seed = 20240101;
  let summa = 0;
  let saknade = 0;
  let n = 0;
  for (let r = 0; r < rows; r++) {
    const region = REGIONS[Math.floor(r / (AGES.length * SEXES.length)) % REGIONS.length];
    const age = AGES[Math.floor(r / SEXES.length) % AGES.length];
    const parts = [`"${region}"`, `"${age}"`, `"${SEXES[r % SEXES.length]}"`];
    for (let p = 0; p < perioder; p++, n++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      if (n % 97 === 96) {
        parts.push("..");
        saknade++;
      } else {
        const v = seed % 100000;
        parts.push(String(v));
        summa += v;
      }
    }
    lines.push(parts.join(";"));
  }
  return { bytes: encodeLatin1(lines.join("\r\n") + "\r\n"), cells: rows * perioder, rows, summa, saknade };
}
