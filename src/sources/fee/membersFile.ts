import Papa from "papaparse";
import { z } from "zod";
import { InputError } from "../../domain/errors";
import type { KeyMode, RawMember } from "./memberKeys";

/**
 * Reads the kommuner of a fee split from a file: CSV with the header `kod,namn,befolkning` or
 * `kod,namn,andel` (comma or semicolon, as Swedish Excel saves), or the same as JSON
 * (an array of objects, or `{ "kommuner": [...] }`). Locations are file lines ("rad 3").
 */
export interface MembersFile {
  mode: KeyMode;
  rows: RawMember[];
  /** Where each row is, for messages. */
  locate: (i: number) => string;
}

export function parseMembersFile(text: string, fileName: string): MembersFile {
  const body = text.replace(/^\uFEFF/, "");
  return /^\s*[[{]/.test(body) ? parseMembersJson(body, fileName) : parseMembersCsv(body, fileName);
}

function modeFromHeaders(headers: string[], fileName: string): KeyMode {
  const h = headers.map((x) => x.trim().toLowerCase());
  const missing = ["kod", "namn"].filter((k) => !h.includes(k));
  const hasPop = h.includes("befolkning");
  const hasShare = h.includes("andel");
  if (missing.length > 0 || hasPop === hasShare) {
    throw new InputError([
      {
        plats: `${fileName}, rad 1`,
        meddelande: `Rubrikraden ska vara "kod,namn,befolkning" eller "kod,namn,andel" (hittade "${headers.join(",")}").`,
      },
    ]);
  }
  return hasPop ? "befolkning" : "andel";
}

export function parseMembersCsv(text: string, fileName = "filen"): MembersFile {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t"] });
  const [header, ...data] = parsed.data;
  if (!header) throw new InputError([{ plats: fileName, meddelande: "Filen är tom." }]);
  const mode = modeFromHeaders(header, fileName);
  const idx = (name: string) => header.findIndex((x) => x.trim().toLowerCase() === name);
  const [iKod, iNamn, iVarde] = [idx("kod"), idx("namn"), idx(mode)];
  // Papa reports rows without their line numbers once empty lines are skipped; keep our own.
  const lines = lineNumbersOfRecords(text, header.length);
  return {
    mode,
    rows: data.map((r) => ({ kod: r[iKod] ?? "", namn: r[iNamn] ?? "", varde: r[iVarde] ?? "" })),
    locate: (i) => `${fileName}, rad ${lines[i + 1] ?? i + 2}`,
  };
}

/** 1-based line numbers of the non-empty lines (records), for located messages. */
function lineNumbersOfRecords(text: string, _cols: number): number[] {
  const out: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() !== "" && line.replace(/[,;\t"\s]/g, "") !== "") out.push(i + 1);
  });
  return out;
}

const JsonMember = z
  .object({
    kod: z.union([z.string(), z.number()]),
    namn: z.string().optional(),
    befolkning: z.union([z.string(), z.number(), z.null()]).optional(),
    andel: z.union([z.string(), z.number(), z.null()]).optional(),
  })
  .strict();
const JsonMembers = z.union([z.array(JsonMember), z.object({ kommuner: z.array(JsonMember) })]);

export function parseMembersJson(text: string, fileName = "filen"): MembersFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InputError([{ plats: fileName, meddelande: `Filen är inte giltig JSON (${(e as Error).message}).` }]);
  }
  const parsed = JsonMembers.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      parsed.error.issues.slice(0, 10).map((iss) => ({
        plats: `${fileName}, ${describeJsonPath(iss.path)}`,
        meddelande: `Förväntade kommuner som {"kod","namn","befolkning"} eller {"kod","namn","andel"}: ${iss.message}`,
      })),
    );
  }
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.kommuner;
  const hasPop = list.some((m) => m.befolkning !== undefined);
  const hasShare = list.some((m) => m.andel !== undefined);
  if (hasPop && hasShare) {
    throw new InputError([{ plats: fileName, meddelande: "Ange antingen befolkning eller andel för alla kommuner, inte båda." }]);
  }
  const mode: KeyMode = hasShare ? "andel" : "befolkning";
  return {
    mode,
    rows: list.map((m) => ({
      kod: String(m.kod).padStart(typeof m.kod === "number" ? 4 : 0, "0"),
      namn: m.namn ?? "",
      varde: String((mode === "andel" ? m.andel : m.befolkning) ?? ""),
    })),
    locate: (i) => `${fileName}, kommun ${i + 1}`,
  };
}

function describeJsonPath(path: PropertyKey[]): string {
  const i = path.find((p) => typeof p === "number");
  return i === undefined ? "roten" : `kommun ${Number(i) + 1}`;
}
