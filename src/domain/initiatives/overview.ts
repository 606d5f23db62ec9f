import { Datum, Historikrad, Initiativ, Paverkan, STANDARD_NULAGEN, matchKey } from "./model";

/** The board's overview: initiatives per område (in order of first appearance, as in 001), with counts. */
export interface AntalPerNulage {
  nulage: string;
  antal: number;
}

export interface Omradesoversikt {
  omrade: string;
  initiativ: Initiativ[];
  perNulage: AntalPerNulage[];
}

export interface Oversikt {
  omraden: Omradesoversikt[];
  perNulage: AntalPerNulage[];
  antal: number;
}

/**
 * Counts cover every status of the list (zeros included, in the list's order); a status outside the
 * list is counted after them. Områden differing only in case/diacritics are one område.
 */
export function buildOverview(initiativ: readonly Initiativ[], nulagen: readonly string[] = STANDARD_NULAGEN): Oversikt {
  const groups = new Map<string, Initiativ[]>();
  for (const i of initiativ) {
    const key = matchKey(i.omrade);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  }
  const omraden = [...groups.values()].map((list) => ({ omrade: list[0].omrade, initiativ: list, perNulage: countByNulage(list, nulagen) }));
  return { omraden, perNulage: countByNulage(initiativ, nulagen), antal: initiativ.length };
}

function countByNulage(initiativ: readonly Initiativ[], nulagen: readonly string[]): AntalPerNulage[] {
  const counts = new Map<string, AntalPerNulage>(nulagen.map((n) => [matchKey(n), { nulage: n, antal: 0 }]));
  for (const i of initiativ) {
    const key = matchKey(i.nulage);
    const c = counts.get(key);
    if (c) c.antal++;
    else counts.set(key, { nulage: i.nulage, antal: 1 });
  }
  return [...counts.values()];
}

/** What the history table should get today: one row per initiative. */
export function snapshot(initiativ: readonly Initiativ[], datum: Datum): Historikrad[] {
  return initiativ.map((i) => ({ datum, nr: i.nr, nulage: i.nulage, statustext: i.statustext, paverkan: i.paverkan }));
}

export interface Initiativforandring {
  nr: number;
  /** The current name; undefined for an initiative that is gone. */
  initiativ?: string;
  /** The date of the history row compared with; undefined for a new initiative. */
  jamfortMed?: Datum;
  nytt: boolean;
  borttaget: boolean;
  nulage?: { fran: string; till: string };
  paverkan?: { fran: Paverkan; till: Paverkan };
  statustextAndrad: boolean;
  /** Nothing of the above changed. */
  oforandrat: boolean;
}

/**
 * Compares each current initiative with its latest row in the history (the history may hold many
 * snapshots; per nr the latest datum counts). Initiatives only in the history come last, as gone.
 */
export function compareWithHistory(current: readonly Initiativ[], previousSnapshot: readonly Historikrad[]): Initiativforandring[] {
  const latest = new Map<number, Historikrad>();
  for (const r of previousSnapshot) {
    const seen = latest.get(r.nr);
    if (!seen || r.datum >= seen.datum) latest.set(r.nr, r);
  }
  const changes: Initiativforandring[] = current.map((i) => {
    const before = latest.get(i.nr);
    latest.delete(i.nr);
    if (!before) return { nr: i.nr, initiativ: i.initiativ, nytt: true, borttaget: false, statustextAndrad: false, oforandrat: false };
    const nulage = matchKey(before.nulage) !== matchKey(i.nulage) ? { fran: before.nulage, till: i.nulage } : undefined;
    const paverkan = before.paverkan !== i.paverkan ? { fran: before.paverkan, till: i.paverkan } : undefined;
    const statustextAndrad = sameText(before.statustext) !== sameText(i.statustext);
    return {
      nr: i.nr,
      initiativ: i.initiativ,
      jamfortMed: before.datum,
      nytt: false,
      borttaget: false,
      ...(nulage && { nulage }),
      ...(paverkan && { paverkan }),
      statustextAndrad,
      oforandrat: !nulage && !paverkan && !statustextAndrad,
    };
  });
  const gone = [...latest.values()].sort((a, b) => a.nr - b.nr);
  return changes.concat(gone.map((r) => ({ nr: r.nr, jamfortMed: r.datum, nytt: false, borttaget: true, statustextAndrad: false, oforandrat: false })));
}

/** Line endings and runs of spaces are not changes a reader would see. */
function sameText(s: string): string {
  return s.replace(/\r\n?/g, "\n").replace(/[ \t\u00a0]+/g, " ").replace(/ ?\n ?/g, "\n").trim();
}
