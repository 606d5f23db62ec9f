import { KOMMUNER, LAN } from "../kommuner";

/** NUTS 3 codes (as old PxWeb län tables show them, "SE331 Västerbottens län") → SCB's 2-digit län codes. */
export const NUTS_TILL_LAN: Readonly<Record<string, string>> = {
  SE: "00",
  SE110: "01",
  SE121: "03",
  SE122: "04",
  SE123: "05",
  SE124: "18",
  SE125: "19",
  SE211: "06",
  SE212: "07",
  SE213: "08",
  SE214: "09",
  SE221: "10",
  SE224: "12",
  SE231: "13",
  SE232: "14",
  SE311: "17",
  SE312: "20",
  SE313: "21",
  SE321: "22",
  SE322: "23",
  SE331: "24",
  SE332: "25",
};

export interface RegionCell {
  regionkod: string;
  region: string;
}

// A code has a digit and no lower case: "00", "2480", "SE331", SKL's "SKL1".
const CODE_AND_NAME = /^([A-ZÅÄÖ]{0,6}\d[\dA-Z]{0,5}|SE)(?:\s+-\s+|\s+)(\S.*)$/;

function fold(s: string): string {
  return s.normalize("NFC").toLocaleLowerCase("sv-SE").replace(/\s+/g, " ").trim();
}

const byName = new Map<string, string>([
  ...KOMMUNER.map((k): [string, string] => [fold(k.namn), k.kod]),
  ...LAN.map((l): [string, string] => [fold(l.namn), l.kod]),
  ...["riket", "hela riket", "sverige", "sweden", "hela sverige"].map((n): [string, string] => [n, "00"]),
]);

const byCode = new Map<string, string>([
  ["00", "Riket"],
  ...KOMMUNER.map((k): [string, string] => [k.kod, k.namn]),
  ...LAN.map((l): [string, string] => [l.kod, l.namn]),
]);

/** SCB's name for a kommun, län or riket code ("2480" → "Umeå"), or undefined. */
export function regionNameForCode(kod: string): string | undefined {
  return byCode.get(kod);
}

/** The code SCB uses for a region name ("Umeå" → "2480", "Riket" → "00"), or undefined. */
export function regionkodForName(name: string): string | undefined {
  return byName.get(fold(name));
}

/**
 * Splits a region cell as SCB writes it: "2480 Umeå", "00 Riket", "2480 - Umeå" (codes and texts),
 * "SE331 Västerbottens län" (NUTS, mapped to "24"), or a bare name ("Umeå", looked up).
 * An unknown bare name gives regionkod "".
 */
export function splitRegion(cell: string): RegionCell {
  const text = cell.trim();
  const m = CODE_AND_NAME.exec(text);
  if (m) {
    const code = m[1];
    return { regionkod: NUTS_TILL_LAN[code] ?? code, region: m[2].trim() };
  }
  if (/^\d{2}(\d{2})?$/.test(text)) return { regionkod: text, region: regionNameForCode(text) ?? text };
  return { regionkod: regionkodForName(text) ?? "", region: text };
}

/** Whether a cell reads as a region with a code in front ("2480 Umeå", "SE331 Västerbottens län"). */
export function looksLikeCodedRegion(cell: string): boolean {
  return CODE_AND_NAME.test(cell.trim());
}
