import { parseDecimal } from "../../domain/amount";
import type { InputProblem } from "../../domain/errors";
import type { MemberKey } from "../../domain/fee/feeSplit";
import { kommunByCode } from "../../domain/kommuner";

/** A member row as it arrives from a CSV file, JSON, the task pane or the sheet's input table. */
export interface RawMember {
  kod: string;
  namn: string;
  /** Population or share (%) as typed. Empty = not given. */
  varde: string;
}

export type KeyMode = "befolkning" | "andel";

/** Normalises a kommun code as users write it: " 2480", 2480, "0114", 114 (lost leading zero in Excel). */
export function normaliseKod(kod: string): string {
  const t = kod.trim();
  return /^\d{3}$/.test(t) ? `0${t}` : t;
}

/**
 * Turns raw rows into domain member keys. Each problem names where it is via `locate(i)`
 * (e.g. "rad 3", "cell C24"). Unknown codes, duplicates and missing values are checked by the domain.
 */
export function toMemberKeys(rows: RawMember[], mode: KeyMode, locate: (i: number) => string): { members: MemberKey[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const members: MemberKey[] = rows.map((r, i) => {
    const kod = normaliseKod(r.kod);
    const namn = r.namn.trim() || kommunByCode(kod)?.namn || "";
    const plats = locate(i);
    const who = namn || kod || `rad ${i + 1}`;
    const raw = r.varde.trim();
    if (!/^\d{4}$/.test(kod)) {
      problems.push({ plats, meddelande: `Kommunkoden "${r.kod}" ska vara fyra siffror, t.ex. 2480.` });
    }
    if (raw === "") return { kod, namn, plats };
    const d = parseDecimal(raw);
    if (mode === "befolkning") {
      if (!d || d.decimals > 0) {
        problems.push({ plats, meddelande: `Befolkningen för ${who} ("${raw}") är inte ett heltal.` });
        return { kod, namn, plats };
      }
      if (d.digits < 0n) {
        problems.push({ plats, meddelande: `Befolkningen för ${who} är negativ (${raw}).` });
        return { kod, namn, plats };
      }
      return { kod, namn, plats, befolkning: d.digits };
    }
    if (!d) {
      problems.push({ plats, meddelande: `Andelen för ${who} ("${raw}") är inte ett tal i procent.` });
      return { kod, namn, plats };
    }
    if (d.digits < 0n) {
      problems.push({ plats, meddelande: `Andelen för ${who} är negativ (${raw}).` });
      return { kod, namn, plats };
    }
    return { kod, namn, plats, andel: d };
  });
  return { members, problems };
}
