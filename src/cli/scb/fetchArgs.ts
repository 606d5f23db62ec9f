/** Parsing the `samkalk scb` fetch commands' options; bad input throws InputError (Swedish, by flag). */
import { InputError, type InputProblem } from "../../domain/errors";
import { KOMMUNER, kommunByCode } from "../../domain/kommuner";
import { normaliseMonth } from "../../usecases/scb/fetchAdapters";

const list = (s: string | undefined) => (s ?? "").split(/[,;\s]+/).map((x) => x.trim()).filter((x) => x !== "");
const fold = (s: string) => s.toLocaleLowerCase("sv-SE").normalize("NFC");

/** "2480,2460" or names ("Umeå,Vännäs") → kommun codes. */
export function parseKommuner(s: string | undefined, flag = "--kommuner"): string[] {
  const problems: InputProblem[] = [];
  const out: string[] = [];
  for (const item of (s ?? "").split(/[,;]+/).map((x) => x.trim()).filter((x) => x !== "")) {
    const k = /^\d{4}$/.test(item) ? kommunByCode(item) : KOMMUNER.find((x) => fold(x.namn) === fold(item));
    if (k) out.push(k.kod);
    else problems.push({ plats: flag, meddelande: `"${item}" är ingen kommun (ange fyrsiffriga koder som 2480 eller namn som Umeå; sök med samkalk kommuner).` });
  }
  if (problems.length > 0) throw new InputError(problems);
  return [...new Set(out)];
}

/** "2019", "2019,2020", "2015-2019" → years. */
export function parseYears(s: string | undefined, flag = "--ar"): number[] {
  const out: number[] = [];
  for (const item of list(s)) {
    const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(item);
    if (range) {
      const [a, b] = [Number(range[1]), Number(range[2])];
      if (a > b || b - a > 200) throw new InputError([{ plats: flag, meddelande: `"${item}" är inget intervall av år (från–till, t.ex. 2015-2019).` }]);
      for (let y = a; y <= b; y++) out.push(y);
    } else if (/^\d{4}$/.test(item)) out.push(Number(item));
    else throw new InputError([{ plats: flag, meddelande: `"${item}" är inget år (skriv t.ex. 2019, 2019,2020 eller 2015-2019).` }]);
  }
  if (out.length === 0) throw new InputError([{ plats: flag, meddelande: "Ange minst ett år, t.ex. --ar 2019." }]);
  const odd = list(s).find((item) => (item.match(/\d{4}/g) ?? []).some((y) => Number(y) < 1860 || Number(y) > 2100));
  if (odd !== undefined) throw new InputError([{ plats: flag, meddelande: `"${odd}" är inget år som SCB har statistik för (skriv t.ex. 2019).` }]);
  return [...new Set(out)].sort((a, b) => a - b);
}

/** "20-64" or "16-64,20-64" → age bands. */
export function parseBands(s: string | undefined, flag = "--alder"): Array<{ fran: number; till: number }> {
  const out: Array<{ fran: number; till: number }> = [];
  for (const item of list(s)) {
    const m = /^(\d{1,3})\s*[-–]\s*(\d{1,3})$/.exec(item);
    if (!m) throw new InputError([{ plats: flag, meddelande: `"${item}" är ingen åldersgrupp (skriv från-till, t.ex. 20-64).` }]);
    if (Number(m[1]) > Number(m[2]) || Number(m[2]) > 110) throw new InputError([{ plats: flag, meddelande: `"${item}" är ingen åldersgrupp (från-till i hela år upp till 110, t.ex. 20-64).` }]);
    out.push({ fran: Number(m[1]), till: Number(m[2]) });
  }
  if (out.length === 0) throw new InputError([{ plats: flag, meddelande: "Ange en åldersgrupp, t.ex. --alder 20-64." }]);
  return out;
}

export function parseMonth(s: string | undefined, flag: string): string {
  const m = normaliseMonth(s ?? "");
  if (!m) throw new InputError([{ plats: flag, meddelande: `"${s ?? ""}" är ingen månad (skriv t.ex. 2023M01).` }]);
  return m;
}

/** ["Region=2480,2460", "Tid=2019", "Alder=*"] → selection; the same variable twice adds to it. */
export function parseSelection(vals: readonly string[], flag = "--val"): Record<string, string[] | "*"> {
  const out: Record<string, string[] | "*"> = {};
  for (const v of vals) {
    const m = /^\s*([^=\s]+)\s*=\s*(.*)$/.exec(v);
    if (!m || m[2].trim() === "") throw new InputError([{ plats: flag, meddelande: `"${v}" ska skrivas VARIABEL=KOD,KOD (t.ex. Region=2480,2460 eller Tid=*).` }]);
    const codes = m[2].split(",").map((x) => x.trim()).filter((x) => x !== "");
    const prev = out[m[1]];
    out[m[1]] = codes.includes("*") || prev === "*" ? "*" : [...new Set([...(prev ?? []), ...codes])];
  }
  return out;
}

export function parseCodelists(vals: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of vals) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(v);
    if (!m) throw new InputError([{ plats: "--kodlista", meddelande: `"${v}" ska skrivas VARIABEL=KODLISTA (t.ex. Alder=agg_Ålder5år).` }]);
    out[m[1]] = m[2];
  }
  return out;
}

