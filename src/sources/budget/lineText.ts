import { parseDecimal } from "../../domain/amount";
import type { Decimal, Medlem, Sektion } from "../../domain/budget/types";
import { KOMMUNER, LAN } from "../../domain/kommuner";

/** Lower case, diacritics folded (å→a, ö→o), single spaces: "Umeå kommun" and "Umea kommun" compare equal. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** "- Arvoden till styrelsen", "-Vännäs kommun", "– Lokalhyra" → the text after the dash. */
export function stripDash(label: string): { post: string; dash: boolean } {
  const m = /^[-–—]\s*/.exec(label);
  return m ? { post: label.slice(m[0].length).trim(), dash: true } : { post: label.trim(), dash: false };
}

export type LabelKind =
  | { kind: "sektion"; sektion: Sektion }
  | { kind: "summa_sektion"; sektion: Sektion }
  | { kind: "summa" }
  | { kind: "resultat" }
  | { kind: "ek_borjan" }
  | { kind: "ek_slut" }
  | { kind: "text" };

const SEKTION: Record<string, Sektion> = { intakter: "intäkter", kostnader: "kostnader" };

/** What a line is by its text alone; posts and group headings are told apart by their amounts. */
export function classifyLabel(post: string): LabelKind {
  const f = fold(post).replace(/[:.]$/, "");
  if (SEKTION[f]) return { kind: "sektion", sektion: SEKTION[f] };
  const summa = /^summa\s+(?:totala\s+)?(.*)$/.exec(f);
  if (summa) {
    const s = SEKTION[summa[1]];
    return s ? { kind: "summa_sektion", sektion: s } : { kind: "summa" };
  }
  if (/^(?:arets |budgeterat |beraknat )?resultat\b/.test(f)) return { kind: "resultat" };
  if (/eget kapital/.test(f)) {
    if (/borjan|ingaende|\bib\b/.test(f)) return { kind: "ek_borjan" };
    if (/slut|utgaende|\bub\b/.test(f)) return { kind: "ek_slut" };
  }
  return { kind: "text" };
}

export interface MemberMatch {
  medlem?: Medlem;
  medlemskod?: string;
  andel?: Decimal;
  /** A line that says "kommun" but whose name is not in SCB's list. */
  okandKommun?: string;
}

const kommunByName = new Map(KOMMUNER.map((k) => [fold(k.namn), k.kod]));
const OTHER_INCOME = /anstallningsstod|lonebidrag|\besf\b|projektmedel/;

/** Recognises member fee lines in the income section: the state, the region, the kommuner and their shares. */
export function matchMember(post: string): MemberMatch {
  const f = fold(post);
  if (OTHER_INCOME.test(f)) return {};
  if (/forsakringskassan|^staten\b|^statlig/.test(f)) return { medlem: "stat" };
  const name = f.split(",")[0].trim();
  if (/^region\b|regionen$|landsting/.test(name)) {
    const kod = lanCode(name.replace(/^region\s+/, "").replace(/regionen$/, "").replace(/^landstinget\s+/, "").trim());
    return kod ? { medlem: "region", medlemskod: kod } : { medlem: "region" };
  }
  const kod = kommunCode(name);
  const share = /(\d+(?:[.,]\d+)?)\s*%/.exec(post);
  const andel = share ? parseDecimal(share[1]) ?? undefined : undefined;
  if (kod) return { medlem: "kommun", medlemskod: kod, ...(andel ? { andel } : {}) };
  if (/\bkommun\b|\bstad\b/.test(name)) return { medlem: "kommun", okandKommun: post.split(",")[0].trim(), ...(andel ? { andel } : {}) };
  return {};
}

/** "umea kommun", "bjurholms kommun", "vannas", "goteborgs stad" → the kommun's code. */
function kommunCode(name: string): string | undefined {
  const base = name.replace(/\s+(?:kommun|stad)$/, "").trim();
  return kommunByName.get(base) ?? (base.endsWith("s") ? kommunByName.get(base.slice(0, -1)) : undefined);
}

/** "vasterbotten", "orebro lan", "vastra gotalands" → the län code. */
function lanCode(name: string): string | undefined {
  if (name === "") return undefined;
  return LAN.find((l) => {
    const n = fold(l.namn);
    return n === name || n === `${name} lan` || n === `${name}s lan`;
  })?.kod;
}
