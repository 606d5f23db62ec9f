import Papa from "papaparse";
import { InputError } from "../../domain/errors";
import type { RawAllocationInput } from "../../domain/tilldelning/request";

/**
 * The allocation's files (text already decoded, as every Samkalk reader does):
 *  - the underlag, CSV `forbund,kod,befolkning,forsorjningsmatt`, one row per kommun (an empty förbund:
 *    a kommun outside every förbund);
 *  - last year's allocation, CSV `forbund,belopp`.
 * Comma, semicolon or tab, as Swedish Excel saves; headers in any case and order. Locations are file
 * lines ("underlag.csv, rad 3").
 */
export interface ParsedRows<T> {
  rows: T[];
  /** Where row i is, for messages. */
  locate: (i: number) => string;
}

type UnderlagRow = RawAllocationInput["kommuner"][number];
type ForraAretRow = { namn: string; forraAret: string };

function readCsv(text: string, fileName: string, required: string[]): { rows: Record<string, string>[]; locate: (i: number) => string } {
  const body = text.replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: "greedy", delimitersToGuess: [",", ";", "\t"] });
  const [header, ...data] = parsed.data;
  if (!header) throw new InputError([{ plats: fileName, meddelande: "Filen är tom." }]);
  const names = header.map((h) => h.trim().toLowerCase().replace(/ö/g, "o").replace(/[åä]/g, "a"));
  const missing = required.filter((r) => !names.includes(r));
  if (missing.length > 0) {
    throw new InputError([{ plats: `${fileName}, rad 1`, meddelande: `Rubrikraden ska vara "${required.join(",")}" (hittade "${header.join(",")}").` }]);
  }
  const lines: number[] = [];
  body.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.replace(/[,;\t"\s]/g, "") !== "") lines.push(i + 1);
  });
  return {
    rows: data.map((r) => Object.fromEntries(required.map((name) => [name, (r[names.indexOf(name)] ?? "").trim()]))),
    locate: (i) => `${fileName}, rad ${lines[i + 1] ?? i + 2}`,
  };
}

export function parseUnderlagCsv(text: string, fileName = "underlaget"): ParsedRows<UnderlagRow> {
  const { rows, locate } = readCsv(text, fileName, ["forbund", "kod", "befolkning", "forsorjningsmatt"]);
  return { rows: rows.map((r) => ({ forbund: r.forbund, kod: r.kod, befolkning: r.befolkning, forsorjningsmatt: r.forsorjningsmatt })), locate };
}

export function parseForraAretCsv(text: string, fileName = "förra årets tilldelning"): ParsedRows<ForraAretRow> {
  const { rows, locate } = readCsv(text, fileName, ["forbund", "belopp"]);
  return { rows: rows.map((r) => ({ namn: r.forbund, forraAret: r.belopp })), locate };
}
