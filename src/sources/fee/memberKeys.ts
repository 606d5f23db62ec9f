import { parseDecimal } from "../../domain/amount";
import { inexactMessage } from "../../domain/exactNumber";
import { clipText, formatCount, type InputProblem } from "../../domain/errors";
import { EXCEL_MAX_CELL_CHARS } from "../../domain/excelNames";
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
    const who = clipText(namn || kod || `rad ${i + 1}`);
    const raw = r.varde.trim();
    if (namn.length > EXCEL_MAX_CELL_CHARS) {
      problems.push({ plats, meddelande: `Namnet är ${formatCount(namn.length)} tecken; en cell i Excel rymmer högst ${formatCount(EXCEL_MAX_CELL_CHARS)}. Skriv kommunens namn.` });
    }
    if (!/^\d{4}$/.test(kod)) {
      problems.push({ plats, meddelande: `Kommunkoden "${clipText(r.kod)}" ska vara fyra siffror, t.ex. 2480.` });
    }
    if (raw === "") return { kod, namn, plats };
    const d = parseDecimal(raw);
    // A population or share Excel would change (past 2^53, over 15 digits) is this row's problem, not the amount's.
    const inexakt = d ? inexactMessage(plainDecimal(d), raw) : null;
    if (inexakt) {
      problems.push({ plats, meddelande: `${mode === "befolkning" ? "Befolkningen" : "Andelen"} för ${who}: ${inexakt}` });
      return { kod, namn, plats };
    }
    if (mode === "befolkning") {
      if (!d || d.decimals > 0) {
        problems.push({ plats, meddelande: `Befolkningen för ${who} ("${clipText(raw)}") är inte ett heltal.` });
        return { kod, namn, plats };
      }
      if (d.digits < 0n) {
        problems.push({ plats, meddelande: `Befolkningen för ${who} är negativ (${clipText(raw)}).` });
        return { kod, namn, plats };
      }
      return { kod, namn, plats, befolkning: d.digits };
    }
    if (!d) {
      problems.push({ plats, meddelande: `Andelen för ${who} ("${clipText(raw)}") är inte ett tal i procent.` });
      return { kod, namn, plats };
    }
    if (d.digits < 0n) {
      problems.push({ plats, meddelande: `Andelen för ${who} är negativ (${clipText(raw)}).` });
      return { kod, namn, plats };
    }
    return { kod, namn, plats, andel: d };
  });
  return { members, problems };
}

/** -123456 with 2 decimals → "-1234.56". */
function plainDecimal(d: { digits: bigint; decimals: number }): string {
  const neg = d.digits < 0n;
  const t = (neg ? -d.digits : d.digits).toString().padStart(d.decimals + 1, "0");
  const whole = d.decimals === 0 ? t : `${t.slice(0, -d.decimals)}.${t.slice(-d.decimals)}`;
  return neg ? `-${whole}` : whole;
}
