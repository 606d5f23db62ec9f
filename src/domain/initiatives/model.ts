/**
 * Samverkansinitiativ as the analysis group proposes them and the board follows them up (seed 001):
 * an overview table per område and one page per initiative.
 */

export type Svarighet = "lätt" | "medel" | "svår";
export type Tid = "kort" | "lång";
/** Genomförbarhet, written "Lätt/lång tid" in 001's overview tables. */
export interface Genomforbarhet {
  svarighet: Svarighet;
  tid: Tid;
}

/** The default list of statuses (nuläge); the förbund may edit it, so statuses are plain strings. */
export const STANDARD_NULAGEN: readonly string[] = ["ej påbörjad", "under start", "pågående", "genomförd", "avslutad"];

/** Impact on helårsekvivalenter, 1 (small) – 5 (large); "x" = not assessed. */
export type Paverkan = 1 | 2 | 3 | 4 | 5 | "x";

/** An ISO date "2023-06-15", or a month "2023-06" when the source only gives the month ("Nuläge juni 2023"). */
export type Datum = string;

/** Text fields are "" when 001 or the table gives nothing; list fields hold one entry per bullet. */
export interface Initiativ {
  nr: number;
  omrade: string;
  /** The initiative's name. */
  initiativ: string;
  parter: string;
  /** Undefined = not assessed ("Svårighetsgrad och tidsaspekt är ej bedömd"). */
  genomforbarhet?: Genomforbarhet;
  nulage: string;
  aktiviteter: string[];
  mal: string[];
  indikatorer: string[];
  sammankallande: string;
  ansvar: string;
  ansvarigForUppfoljning: string;
  /** "Analysgruppens bedömning av progress i initiativet", one entry per bullet. */
  bedomning: string[];
  paverkan: Paverkan;
  startad?: Datum;
  statustext: string;
  /** The date of the status text ("Nuläge juni 2023" → "2023-06"). */
  statusdatum?: Datum;
  /** "Styrelse och SSG kommentar", one entry per bullet. */
  styrelsensKommentar: string[];
}

export type InitiativFalt = keyof Initiativ;

/** The "Initiativ" input table: its columns in order, with the Swedish header the add-in writes. */
export const INITIATIV_KOLUMNER: readonly { falt: InitiativFalt; rubrik: string }[] = [
  { falt: "nr", rubrik: "Nr" },
  { falt: "omrade", rubrik: "Område" },
  { falt: "initiativ", rubrik: "Initiativ" },
  { falt: "parter", rubrik: "Parter" },
  { falt: "genomforbarhet", rubrik: "Genomförbarhet" },
  { falt: "nulage", rubrik: "Nuläge" },
  { falt: "aktiviteter", rubrik: "Aktiviteter" },
  { falt: "mal", rubrik: "Mål" },
  { falt: "indikatorer", rubrik: "Indikatorer" },
  { falt: "sammankallande", rubrik: "Sammankallande" },
  { falt: "ansvar", rubrik: "Ansvar" },
  { falt: "ansvarigForUppfoljning", rubrik: "Ansvarig för uppföljning" },
  { falt: "bedomning", rubrik: "Analysgruppens bedömning" },
  { falt: "paverkan", rubrik: "Påverkan på helårsekvivalenter" },
  { falt: "startad", rubrik: "Startad" },
  { falt: "statustext", rubrik: "Statustext" },
  { falt: "statusdatum", rubrik: "Statusdatum" },
  { falt: "styrelsensKommentar", rubrik: "Styrelsens kommentar" },
];

export const INITIATIV_RUBRIKER: readonly string[] = INITIATIV_KOLUMNER.map((k) => k.rubrik);

/** One row of the history table: what an initiative looked like on a given date. */
export interface Historikrad {
  datum: Datum;
  nr: number;
  nulage: string;
  statustext: string;
  paverkan: Paverkan;
}

export const HISTORIK_RUBRIKER: readonly string[] = ["Datum", "Nr", "Nuläge", "Statustext", "Påverkan på helårsekvivalenter"];

/** Case- and diacritics-insensitive key, for matching what users type ("Pagaende" = "pågående"). */
export function matchKey(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export const MANADER: readonly string[] = [
  "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december",
];

/** "Nuläge juni 2023" for "2023-06" or "2023-06-12"; "Nuläge" when the date is unknown. */
export function statusHeading(datum?: Datum): string {
  const m = datum ? /^(\d{4})-(\d{2})/.exec(datum) : null;
  return m ? `Nuläge ${MANADER[Number(m[2]) - 1]} ${m[1]}` : "Nuläge";
}

/** "Lätt/lång tid", as 001 writes it. */
export function formatGenomforbarhet(g: Genomforbarhet | undefined): string {
  if (!g) return "Ej bedömd";
  return `${g.svarighet[0].toUpperCase()}${g.svarighet.slice(1)}/${g.tid} tid`;
}

/** An initiative as a row of the table, in INITIATIV_KOLUMNER order (lists one entry per line). */
export function initiativeToRow(i: Initiativ): (string | number)[] {
  return INITIATIV_KOLUMNER.map(({ falt }): string | number => {
    if (falt === "genomforbarhet") return i.genomforbarhet ? formatGenomforbarhet(i.genomforbarhet) : "";
    const v = i[falt];
    if (Array.isArray(v)) return v.join("\n");
    return typeof v === "string" || typeof v === "number" ? v : "";
  });
}
