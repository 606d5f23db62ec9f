import { toCsv } from "../csvOutput";
import { InputError } from "../../domain/errors";
import { TidyRow, TidyTable } from "../../domain/scb/tidy";
import { decodeBytes } from "../decode";
import { ExtractOptions, parseExtract } from "./extract";
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
  return toCsv({ fields, data });
}

/**
 * The same CSV (or `--format json` text) as tidyToCsv / JSON.stringify(tidyToJson(…), null, 2), in pieces of
 * `per` rows, so a command prints a table of millions of rows without ever holding all of it as one string.
 */
export function* tidyTextChunks(rows: TidyRow[], dimensions: string[], format: "csv" | "json", per = 20_000): Generator<string> {
  if (format === "json" && rows.length === 0) {
    yield "[]\n";
    return;
  }
  for (let i = 0; i < rows.length || i === 0; i += per) {
    const part = rows.slice(i, i + per);
    const last = i + per >= rows.length;
    if (format === "csv") {
      const csv = tidyToCsv(part, dimensions);
      yield i === 0 ? csv : csv.slice(csv.indexOf("\n") + 1);
    } else {
      const body = tidyToJson(part, dimensions).map((r) => `  ${JSON.stringify(r, null, 2).replace(/\n/g, "\n  ")}`).join(",\n");
      yield `${i === 0 ? "[\n" : ",\n"}${body}${last ? "\n]\n" : ""}`;
    }
  }
}

/** An SCB file read into a tidy table, with its title and what the user should know besides SCB's notes. */
export interface ScbFile extends TidyTable {
  /** The table's title (an extract's title line, json-stat's label), or what its values are. */
  title?: string;
  /** SCB's table id when the file names it (json-stat2's extension.px.tableid). */
  tableId?: string;
  varningar: string[];
}

/**
 * Reads any SCB file Samkalk knows into a tidy table: a web extract or PxWeb CSV (comma, semicolon or
 * tab; UTF-8, UTF-16 or Latin-1), json-stat2, or PX-JSON. The task pane, `samkalk scb import` and the
 * tests all come through here. Throws InputError with the place of the first problems.
 */
export function readScbFile(bytes: Uint8Array, fileName: string, opts: Pick<ExtractOptions, "utanRegion"> = {}): ScbFile {
  if (!startsLikeJson(bytes)) {
    const t = parseExtract(bytes, { kalla: fileName, ...opts });
    return { rows: t.rows, dimensions: t.dimensions, notes: t.notes, title: t.meta.title ?? t.meta.innehall, varningar: t.meta.varningar };
  }
  let json: unknown;
  try {
    json = JSON.parse(decodeBytes(bytes).text);
  } catch (e) {
    throw new InputError([{ plats: fileName, meddelande: `Filen är inte giltig JSON (${(e as Error).message}).` }]);
  }
  const isPx = typeof json === "object" && json !== null && "columns" in json && "data" in json;
  const t = isPx ? parsePxJson(json, fileName) : parseJsonStat(json, fileName);
  return { rows: t.rows, dimensions: t.dimensions, notes: t.notes, title: t.meta.title, tableId: t.meta.tableId, varningar: [] };
}

function startsLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}
