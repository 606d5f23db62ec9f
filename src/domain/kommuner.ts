import data from "./data/kommuner.json";

/** Sweden's 290 kommuner with their 4-digit codes (SCB's region list), available offline. */
export interface Kommun {
  kod: string;
  namn: string;
  /** 2-digit län code. */
  lan: string;
}

export interface Lan {
  kod: string;
  namn: string;
}

export const KOMMUNER: readonly Kommun[] = data.kommuner;
export const LAN: readonly Lan[] = data.lan;

const byCode = new Map(KOMMUNER.map((k) => [k.kod, k]));

export function kommunByCode(kod: string): Kommun | undefined {
  return byCode.get(kod);
}

function fold(s: string): string {
  return s.toLocaleLowerCase("sv-SE").normalize("NFC").trim();
}

/** Search by name (start of any word first, then anywhere) or by code prefix. */
export function searchKommuner(query: string, limit = 20): Kommun[] {
  const q = fold(query);
  if (q === "") return KOMMUNER.slice(0, limit);
  if (/^\d+$/.test(q)) return KOMMUNER.filter((k) => k.kod.startsWith(q)).slice(0, limit);
  const starts: Kommun[] = [];
  const contains: Kommun[] = [];
  for (const k of KOMMUNER) {
    const name = fold(k.namn);
    if (name.startsWith(q) || name.split(/[\s-]/).some((w) => w.startsWith(q))) starts.push(k);
    else if (name.includes(q)) contains.push(k);
  }
  return [...starts, ...contains].slice(0, limit);
}
