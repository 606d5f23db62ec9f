import { formula, quoted } from "../cells";
import type { Cell, CellStyle, SheetKind } from "../spec";

/** A link to a cell of a sheet in the same workbook, showing `label` (HYPERLINK with a "#Sheet!A1" location). */
export function cellLink(sheet: string, address: string, label: string, style?: CellStyle): Cell {
  const location = `#'${sheet.replace(/'/g, "''")}'!${address}`;
  return formula(`HYPERLINK(${quoted(location)},${quoted(label)})`, label, style);
}

/** What each kind of sheet holds, as the contents page says it. */
export const SHEET_DESCRIPTIONS: Record<SheetKind, string> = {
  innehall: "Paketets innehåll, profil och källor",
  sammanfattning: "En sida för styrelsen: avgifter, resultat, eget kapital, initiativ, målgrupp och alla kontroller",
  forbundsprofil: "Förbundsprofilen som paketet byggdes från (gula celler kan ändras)",
  medlemsavgifter: "Medlemsavgifterna: staten 50 %, regionen 25 %, kommunerna 25 % efter nyckeln",
  befolkning: "Befolkning per kommun och åldersgrupp (rådata)",
  "budget": "Budgeten som tabell, en rad per post och år (rådata)",
  "budget-kontroll": "Budgetens summor, resultat och eget kapital omräknade",
  "budget-projektion": "Budgetprognos tre år med eget kapital och styrelsens kontroller",
  "budget-uppfoljning": "Uppföljning: utfall mot budget",
  helarsekvivalenter: "Helårsekvivalenter: andel av befolkningen 20–64 per kommun mot riket",
  "scb-tabell": "SCB-tabell med en rad per observation (rådata)",
  "scb-kallor": "Källförteckning: varifrån varje siffra kommer",
  "initiativ-indata": "Initiativtabellen (indata)",
  "initiativ-oversikt": "Initiativen per område och nuläge, med förändringar",
  "initiativ-status": "Statusblad för ett initiativ",
  "initiativ-historik": "Historik över initiativens status (rådata)",
  "statlig-tilldelning": "Prognos för statens tilldelning enligt fördelningsmodellen",
};

/** Raw data sheets: kept in the workbook, left out of the board's PDF. */
export const RAW_DATA_KINDS: ReadonlySet<SheetKind> = new Set<SheetKind>(["befolkning", "budget", "scb-tabell", "initiativ-indata", "initiativ-historik"]);
