/**
 * "Förbundsprofil": the profile the pack was built from, visible and editable in the workbook. One table
 * (Fält, Värde, Förklaring) with the values in yellow cells; the pack reads it back (profileFromSheet in
 * sources/profile) when the user has changed it, so the sheet is one place to change what every job uses.
 */
import { kommunByCode } from "../../domain/kommuner";
import type { ForbundProfile } from "../../domain/profile/profile";
import { isoDate, num, text } from "../cells";
import { portraitPrint } from "../print";
import type { Cell, SheetSpec } from "../spec";

export const PROFILE_SHEET = "Förbundsprofil";
export const PROFILE_TABLE = "Samkalk_Profil";
/** The table's header row (0-based); its data rows follow in PROFILE_FIELDS' order. */
export const PROFILE_HEADER_ROW = 3;

/** The sheet's rows: the field as the sheet names it, and the JSON field it is (for located messages). */
export const PROFILE_FIELDS = [
  { falt: "Förbund", json: "forbund", hjalp: "Förbundets namn" },
  { falt: "Region", json: "region", hjalp: "Regionen som är medlem" },
  { falt: "Budgetår", json: "ar", hjalp: "Året paketet gäller, t.ex. 2025" },
  { falt: "Medlemskommuner", json: "kommuner", hjalp: "Kommunkoder med komma emellan, t.ex. 2480, 2460" },
  { falt: "Åldersgrupp", json: "nyckel.alder", hjalp: "Befolkningsnyckelns åldrar, t.ex. 16-64 (tom vid fasta andelar)" },
  { falt: "Referensår", json: "nyckel.referensar", hjalp: "Befolkningen den 31 december detta år" },
  { falt: "Fasta andelar", json: "nyckel.andelar", hjalp: "Vid fasta andelar: kod: procent; …, t.ex. 2480: 82,9; 2460: 5,1" },
  { falt: "Belopp", json: "belopp", hjalp: "Medlemsfinansieringen" },
  { falt: "Beloppet avser", json: "belopp.avser", hjalp: "total, stat eller kommuner" },
  { falt: "Enhet", json: "belopp.enhet", hjalp: "kr eller tkr" },
  { falt: "Budgetfil", json: "budget", hjalp: "Budgetfilen (kommandoraden; relativt profilfilen)" },
  { falt: "Initiativfil", json: "initiativ", hjalp: "Initiativtabellen (kommandoraden; relativt profilfilen)" },
] as const;

/** The profile's values in PROFILE_FIELDS' order, as the sheet holds them. */
export function profileSheetValues(p: ForbundProfile): Array<string | number> {
  const key = p.nyckel;
  return [
    p.forbund,
    p.region,
    p.ar,
    p.kommuner.join(", "),
    key.kind === "befolkning" ? `${key.aldersFran}-${key.aldersTill}` : "",
    key.kind === "befolkning" ? key.referensAr : "",
    key.kind === "andel" ? p.kommuner.map((k) => `${k}: ${key.andelar[k] ?? ""}`).join("; ") : "",
    p.belopp.varde,
    p.belopp.avser,
    p.belopp.enhet,
    p.budgetfil ?? "",
    p.initiativfil ?? "",
  ];
}

export function buildProfileSheet(p: ForbundProfile, today: Date): SheetSpec {
  const values = profileSheetValues(p);
  const rows: Cell[][] = [
    [text(`Förbundsprofil – ${p.forbund}`, "title")],
    [text(`Skriven av Samkalk ${isoDate(today)}. Ändra de gula cellerna; nästa styrelsepaket använder dem.`, "subtitle")],
    [text(`Medlemmar: ${p.kommuner.map((k) => kommunByCode(k)?.namn ?? k).join(", ")}`, "note")],
    ["Fält", "Värde", "Förklaring"].map((h) => text(h, "header")),
    ...PROFILE_FIELDS.map((f, i) => {
      const v = values[i];
      return [text(f.falt, "label"), typeof v === "number" ? num(v, "input", "0") : text(v, "input"), text(f.hjalp, "note")];
    }),
  ];
  return {
    name: PROFILE_SHEET,
    kind: "forbundsprofil",
    blocks: [{ row: 0, col: 0, cells: rows }],
    columnWidths: [20, 44, 58],
    tables: [{ name: PROFILE_TABLE, range: { row: PROFILE_HEADER_ROW, col: 0, rows: PROFILE_FIELDS.length + 1, cols: 3 }, style: "TableStyleLight1" }],
    validations: [],
    print: portraitPrint({ row: 0, col: 0, rows: rows.length, cols: 3 }, "Förbundsprofil", `${p.forbund} · ${p.ar}`),
  };
}
