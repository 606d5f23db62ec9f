import { parseDecimal } from "../amount";
import { InputError, type InputProblem } from "../errors";
import { kommunByCode } from "../kommuner";
import { FM_SCALE, HUNDRED_PERCENT, PERCENT_SCALE, type AllocationForbund, type AllocationKommun, type AllocationRequest } from "./types";

/** The allocation's input as typed: in a CSV file, on the command line or in the task pane. */
export interface RawAllocationInput {
  ar: number;
  anslag: string;
  grund: string;
  viktForsorjning: string;
  viktBefolkning: string;
  /** Largest yearly decrease in %; "" = no cap. */
  sparr: string;
  /** One row per kommun; an empty förbund = outside every förbund. */
  kommuner: Array<{ forbund: string; kod: string; befolkning: string; forsorjningsmatt: string }>;
  /** What is known per förbund besides its kommuner (by name). */
  forbund?: Array<{ namn: string; antal?: number; forraAret?: string; overTrappan?: boolean }>;
}

export type AllocationField = "anslag" | "grund" | "viktForsorjning" | "viktBefolkning" | "sparr";

/** Where each input is, in the user's terms (a flag, a file row, a field label). */
export interface AllocationLocations {
  field: (f: AllocationField) => string;
  kommun: (i: number) => string;
  forbund: (i: number) => string;
}

export const FIELD_LABELS: Record<AllocationField, string> = {
  anslag: "Nationellt anslag",
  grund: "Grundtilldelning per förbund",
  viktForsorjning: "Vikt försörjningsmått",
  viktBefolkning: "Vikt invånare 16–64 år",
  sparr: "Spärr (största minskning)",
};

export const DEFAULT_LOCATIONS: AllocationLocations = {
  field: (f) => FIELD_LABELS[f],
  kommun: (i) => `kommun ${i + 1}`,
  forbund: (i) => `förbund ${i + 1}`,
};

/** A whole non-negative number of kronor, or a problem. */
function kronor(raw: string, plats: string, what: string, problems: InputProblem[]): bigint | null {
  const d = parseDecimal(raw);
  if (raw.trim() === "") problems.push({ plats, meddelande: `Ange ${what}.` });
  else if (!d) problems.push({ plats, meddelande: `"${raw}" är inte ett belopp i kronor. Skriv t.ex. 339 000 000.` });
  else if (d.digits < 0n) problems.push({ plats, meddelande: `${capital(what)} får inte vara negativt (${raw}).` });
  else if (d.decimals > 0 && d.digits % 10n ** BigInt(d.decimals) !== 0n) problems.push({ plats, meddelande: `${capital(what)} ska anges i hela kronor (${raw}).` });
  else return d.digits / 10n ** BigInt(d.decimals);
  return null;
}

/** A percentage 0–100 with at most two decimals, in hundredths of a percent. */
function percent(raw: string, plats: string, what: string, problems: InputProblem[]): bigint | null {
  const d = parseDecimal(raw.replace(/%\s*$/, ""));
  if (!d || d.decimals > 2) problems.push({ plats, meddelande: `${capital(what)} ("${raw}") ska vara ett tal i procent med högst två decimaler.` });
  else if (d.digits < 0n) problems.push({ plats, meddelande: `${capital(what)} får inte vara negativ (${raw}).` });
  else {
    const v = (d.digits * PERCENT_SCALE) / 10n ** BigInt(d.decimals);
    if (v > HUNDRED_PERCENT) problems.push({ plats, meddelande: `${capital(what)} kan inte vara mer än 100 % (${raw}).` });
    else return v;
  }
  return null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pct = (v: bigint) => `${(Number(v) / Number(PERCENT_SCALE)).toLocaleString("sv-SE")} %`;

/**
 * Checks the typed input and turns it into a request. Every problem names where it is; nothing is
 * computed when there is one. Throws InputError.
 */
export function toAllocationRequest(raw: RawAllocationInput, loc: AllocationLocations = DEFAULT_LOCATIONS): AllocationRequest {
  const problems: InputProblem[] = [];
  const anslag = kronor(raw.anslag, loc.field("anslag"), "det nationella anslaget", problems);
  const grund = kronor(raw.grund, loc.field("grund"), "grundtilldelningen", problems);
  const vf = percent(raw.viktForsorjning, loc.field("viktForsorjning"), "vikten för försörjningsmått", problems);
  const vb = percent(raw.viktBefolkning, loc.field("viktBefolkning"), "vikten för invånare 16–64 år", problems);
  if (vf !== null && vb !== null && vf + vb !== HUNDRED_PERCENT) {
    problems.push({ plats: `${loc.field("viktForsorjning")} och ${loc.field("viktBefolkning")}`, meddelande: `Vikterna summerar till ${pct(vf + vb)}; de ska summera till 100 %.` });
  }
  const sparr = raw.sparr.trim() === "" ? null : percent(raw.sparr, loc.field("sparr"), "spärren", problems);

  const kommuner: AllocationKommun[] = [];
  const seen = new Map<string, { i: number; forbund: string | null }>();
  const names: string[] = [];
  raw.kommuner.forEach((r, i) => {
    const plats = loc.kommun(i);
    const kod = /^\d{3}$/.test(r.kod.trim()) ? `0${r.kod.trim()}` : r.kod.trim();
    const kommun = kommunByCode(kod);
    const forbund = r.forbund.trim() === "" ? null : r.forbund.trim();
    if (!kommun) {
      problems.push({ plats, meddelande: /^\d{4}$/.test(kod) ? `Okänd kommunkod "${r.kod}".` : `Kommunkoden "${r.kod}" ska vara fyra siffror, t.ex. 2480.` });
      return;
    }
    const before = seen.get(kod);
    if (before) {
      problems.push({
        plats,
        meddelande:
          before.forbund === forbund
            ? `${kommun.namn} (${kod}) står två gånger i underlaget (också ${loc.kommun(before.i)}).`
            : `${kommun.namn} (${kod}) står i två förbund: ${forbund ?? "utanför förbund"} och ${before.forbund ?? "utanför förbund"} (${loc.kommun(before.i)}). En kommun kan bara höra till ett förbund.`,
      });
      return;
    }
    seen.set(kod, { i, forbund });
    const befolkning = parseDecimal(r.befolkning);
    const fm = parseDecimal(r.forsorjningsmatt);
    let ok = true;
    if (!befolkning || befolkning.decimals > 0) {
      problems.push({ plats, meddelande: `Invånarna 16–64 år för ${kommun.namn} ("${r.befolkning}") är inte ett heltal.` });
      ok = false;
    } else if (befolkning.digits < 0n) {
      problems.push({ plats, meddelande: `Invånarna 16–64 år för ${kommun.namn} är negativt (${r.befolkning}).` });
      ok = false;
    }
    if (!fm || fm.decimals > 1) {
      problems.push({ plats, meddelande: `Försörjningsmåttet för ${kommun.namn} ("${r.forsorjningsmatt}") ska vara ett tal med högst en decimal.` });
      ok = false;
    } else if (fm.digits < 0n) {
      problems.push({ plats, meddelande: `Försörjningsmåttet för ${kommun.namn} är negativt (${r.forsorjningsmatt}).` });
      ok = false;
    }
    if (!ok || !befolkning || !fm) return;
    if (forbund !== null && !names.includes(forbund)) names.push(forbund);
    kommuner.push({ kod, namn: kommun.namn, forbund, befolkning: befolkning.digits, forsorjningsmatt: fm.digits * (fm.decimals === 0 ? FM_SCALE : 1n) });
  });

  // Excel matches names without regard to case: two names that differ only so would be one förbund on the sheet.
  const folded = new Map<string, string>();
  for (const namn of names) {
    const other = folded.get(namn.toLocaleLowerCase("sv-SE"));
    if (other) problems.push({ plats: "underlaget", meddelande: `Förbunden "${other}" och "${namn}" skiljer sig bara i stora och små bokstäver. Skriv namnet likadant på varje rad.` });
    else folded.set(namn.toLocaleLowerCase("sv-SE"), namn);
  }
  const extra = new Map<string, AllocationForbund>();
  (raw.forbund ?? []).forEach((f, i) => {
    const plats = loc.forbund(i);
    const namn = f.namn.trim();
    if (!names.includes(namn)) {
      problems.push({ plats, meddelande: `Förbundet "${namn}" finns inte i underlaget (ingen kommun hör till det).` });
      return;
    }
    if (extra.has(namn)) {
      problems.push({ plats, meddelande: `Förbundet "${namn}" står två gånger.` });
      return;
    }
    const forra = f.forraAret === undefined || f.forraAret.trim() === "" ? null : kronor(f.forraAret, plats, `förra årets tilldelning för ${namn}`, problems);
    const antal = f.antal ?? 1;
    if (!Number.isInteger(antal) || antal < 1) problems.push({ plats, meddelande: `Antalet förbund för "${namn}" ska vara ett heltal, 1 eller fler (${antal}).` });
    extra.set(namn, { namn, antal, forraAret: forra, overTrappan: f.overTrappan ?? false });
  });
  if (names.length === 0 && problems.length === 0) problems.push({ plats: "underlaget", meddelande: "Underlaget har inget förbund: ange förbundets namn för minst en kommun." });
  if (problems.length > 0) throw new InputError(problems);
  return {
    ar: raw.ar,
    anslag: anslag!,
    grund: grund!,
    viktForsorjning: vf!,
    viktBefolkning: vb!,
    sparr,
    forbund: names.map((namn) => extra.get(namn) ?? { namn, antal: 1, forraAret: null, overTrappan: false }),
    kommuner,
  };
}
