import { cellAddress } from "../../domain/a1";
import { InputError, type InputProblem } from "../../domain/errors";
import type { ForbundProfile } from "../../domain/profile/profile";
import type { SheetState, WorkbookHost } from "../../hosts/host";
import { PROFILE_FIELDS, PROFILE_HEADER_ROW, PROFILE_SHEET, PROFILE_TABLE } from "../../sheets/pack/profileSheet";
import type { ReadValue } from "../../sheets/spec";
import { profileFromJson } from "../../sources/profile/profileJson";

const WHERE = `bladet ${PROFILE_SHEET}`;

function textOf(v: ReadValue | undefined): string {
  return v === null || v === undefined ? "" : String(v).trim();
}

/** The cell of a field's value (column B) on the sheet, as the user sees it: "B8 (Åldersgrupp)". */
function fieldCell(row: number, falt: string): string {
  return `${WHERE}, cell ${cellAddress(row, 1)} (${falt})`;
}

/**
 * The profile as the Förbundsprofil sheet's table holds it (rows matched by their Fält, in any order).
 * Throws InputError with each problem located by the value's cell and the field's name on the sheet.
 */
export function profileFromSheet(body: ReadValue[][]): ForbundProfile {
  const rowOf = new Map<string, number>();
  const value = new Map<string, string>();
  const problems: InputProblem[] = [];
  PROFILE_FIELDS.forEach((f, i) => {
    const k = body.findIndex((r) => textOf(r[0]).toLowerCase() === f.falt.toLowerCase());
    rowOf.set(f.json, PROFILE_HEADER_ROW + 1 + (k >= 0 ? k : i));
    value.set(f.json, k >= 0 ? textOf(body[k][1]) : "");
    if (k < 0) problems.push({ plats: `${WHERE}, rad ${PROFILE_HEADER_ROW + 2 + i}`, meddelande: `Raden "${f.falt}" saknas i tabellen.` });
  });
  if (problems.length > 0) throw new InputError(problems);
  const get = (json: (typeof PROFILE_FIELDS)[number]["json"]) => value.get(json) ?? "";
  const year = (s: string) => (/^\d+$/.test(s) ? Number(s) : s);
  const andelar = get("nyckel.andelar");
  const raw: Record<string, unknown> = {
    forbund: get("forbund"),
    region: get("region"),
    ar: year(get("ar")),
    kommuner: get("kommuner").split(/[\s,;]+/).filter((k) => k !== ""),
    nyckel:
      andelar !== ""
        ? { andelar: Object.fromEntries(andelar.split(";").filter((p) => p.trim() !== "").map((p) => p.split(":").map((x) => x.trim()))) }
        : { alder: get("nyckel.alder"), referensar: year(get("nyckel.referensar")) },
    belopp: { [get("belopp.avser") || "total"]: get("belopp"), enhet: get("belopp.enhet") },
    ...(get("budget") ? { budget: get("budget") } : {}),
    ...(get("initiativ") ? { initiativ: get("initiativ") } : {}),
  };
  try {
    return profileFromJson(raw, WHERE);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(e.problems.map((p) => locate(p, rowOf)));
  }
}

/** "bladet Förbundsprofil, fältet nyckel.alder" → the value's cell and the field's name on the sheet. */
function locate(p: InputProblem, rowOf: Map<string, number>): InputProblem {
  const path = /fältet (.+)$/.exec(p.plats ?? "")?.[1];
  if (!path) return p;
  const field = [...PROFILE_FIELDS].filter((f) => path === f.json || path.startsWith(`${f.json}.`)).sort((a, b) => b.json.length - a.json.length)[0];
  const avser = path.startsWith("belopp.") && !path.startsWith("belopp.enhet") ? PROFILE_FIELDS.find((f) => f.json === "belopp") : undefined;
  const f = avser ?? field;
  return f ? { ...p, plats: fieldCell(rowOf.get(f.json)!, f.falt) } : p;
}

/**
 * The profile the user typed on the Förbundsprofil sheet, when Samkalk wrote the sheet and the user has
 * edited it since; null when there is no such sheet or it is as Samkalk wrote it. Throws InputError
 * (located by cell) when the edited values are not a valid profile.
 */
export async function editedProfileSheet(host: WorkbookHost): Promise<ForbundProfile | null> {
  return editedProfileOf(await host.inspectSheet(PROFILE_SHEET, [PROFILE_TABLE]));
}

/** editedProfileSheet from the Förbundsprofil sheet's state already read (with its table). */
export function editedProfileOf(state: SheetState): ForbundProfile | null {
  const body = state.tables[PROFILE_TABLE];
  if (!state.exists || !state.ownedBySamkalk || state.editedSinceWritten !== true || !body) return null;
  return profileFromSheet(body);
}
