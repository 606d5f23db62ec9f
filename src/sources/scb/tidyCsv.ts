import Papa from "papaparse";
import { InputError } from "../../domain/errors";
import { TidyRow, TidyTable } from "../../domain/scb/tidy";
import { decodeBytes } from "./decode";
import { parseExtract } from "./extract";
import { parsePxJson, parseJsonStat } from "./jsonstat";

/** One tidy row as plain data: fixed keys plus one key per dimension (its label in lower case). */
export type TidyRecord = Record<string, string | number | null>;

const FIXED = ["regionkod", "region", "period", "varde", "status"];

/** Dimension label → output key; a label that clashes with a fixed key or another label gets " (variabel)". */
export function dimensionKeys(dimensions: string[]): Map<string, string> {
  const used = new Set(FIXED);
  const keys = new Map<string, string>();
  for (const label of dimensions) {
    let key = label.toLocaleLowerCase("sv-SE");
    while (used.has(key)) key = `${key} (variabel)`;
    used.add(key);
    keys.set(label, key);
  }
  return keys;
}

function dimensionsOf(rows: TidyRow[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const d of Object.keys(r.dimensions)) seen.add(d);
  return [...seen];
}

function columns(dimensions: string[]): { keys: Map<string, string>; fields: string[] } {
  const keys = dimensionKeys(dimensions);
  return { keys, fields: ["regionkod", "region", ...keys.values(), "period", "varde", "status"] };
}

export function tidyToJson(rows: TidyRow[], dimensions: string[] = dimensionsOf(rows)): TidyRecord[] {
  const { keys } = columns(dimensions);
  return rows.map((r) => {
    const o: TidyRecord = { regionkod: r.regionkod, region: r.region };
    for (const [label, key] of keys) o[key] = r.dimensions[label] ?? null;
    o.period = r.period;
    o.varde = r.varde;
    o.status = r.status;
    return o;
  });
}

/** Comma-separated, point decimals, a header row; text is written as is (no formula escaping). */
export function tidyToCsv(rows: TidyRow[], dimensions: string[]): string {
  const { keys, fields } = columns(dimensions);
  const data = rows.map((r) => [
    r.regionkod,
    r.region,
    ...[...keys.keys()].map((label) => r.dimensions[label] ?? ""),
    r.period,
    r.varde === null ? "" : String(r.varde),
    r.status ?? "",
  ]);
  return Papa.unparse({ fields, data }, { newline: "\n" }) + "\n";
}

/** Reads any SCB file Samkalk knows (web extract CSV, json-stat2, PX-JSON) into a tidy table. */
export function readScbFile(bytes: Uint8Array, fileName: string): TidyTable {
  if (!startsLikeJson(bytes)) return parseExtract(bytes, { kalla: fileName });
  let json: unknown;
  try {
    json = JSON.parse(decodeBytes(bytes).text);
  } catch (e) {
    throw new InputError([{ plats: fileName, meddelande: `Filen är inte giltig JSON (${(e as Error).message}).` }]);
  }
  const isPx = typeof json === "object" && json !== null && "columns" in json && "data" in json;
  return isPx ? parsePxJson(json, fileName) : parseJsonStat(json, fileName);
}

function startsLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

/** `samkalk scb import FILE [--format json]`: the file as tidy CSV or a JSON array. Throws InputError. */
export function runScbImport(bytes: Uint8Array, fileName: string, format: "csv" | "json"): string {
  const t = readScbFile(bytes, fileName);
  return format === "json" ? JSON.stringify(tidyToJson(t.rows, t.dimensions), null, 2) + "\n" : tidyToCsv(t.rows, t.dimensions);
}
