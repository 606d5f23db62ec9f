/**
 * The SCB datasets Samkalk fetches. Codes that we have seen in real responses (test/fixtures/scb) are
 * used directly; codes we have not seen (helårsekvivalenter, TAB5557) are looked up by their label in
 * the table's metadata at run time (populationRequest.ts, helarsekvivalenterRequest.ts).
 */
export type DatasetKey = "befolkning" | "befolkning-ckm-ar" | "befolkning-ckm-manad" | "helarsekvivalenter" | "tabell";

export interface DatasetInfo {
  key: DatasetKey;
  namn: string;
  beskrivning: string;
  /** v2 table id. */
  tableId?: string;
  /** v1 path under https://api.scb.se/OV0104/v1/doris/sv/ssd. */
  v1Path?: string;
  periodtyp: "år" | "månad" | "valfri";
  forstaPeriod?: string;
  sistaPeriod?: string;
  /** How sure we are of ids and codes. */
  verifierat: string;
  anmarkningar: string[];
}

export const DATASETS: Readonly<Record<DatasetKey, DatasetInfo>> = {
  befolkning: {
    key: "befolkning",
    namn: "Folkmängd efter kommun, ålder och kön (år)",
    beskrivning: "Folkmängd 31 december per region, civilstånd, ettårsklass, kön och år.",
    tableId: "TAB638",
    v1Path: "BE/BE0101/BE0101A/BefolkningNy",
    periodtyp: "år",
    forstaPeriod: "1968",
    sistaPeriod: "2024",
    verifierat: "Id, variabler och koder från SCB:s riktiga metadata (v2 TAB638 och v1 BefolkningNy, juni 2026).",
    anmarkningar: [
      "Slutar med 2024. Från 2025 finns folkmängden i CKM-tabellerna TAB5557 (år) och TAB6471 (månad).",
      "Civilstånd utelämnas i frågan och summeras då bort av SCB. Kön 1 och 2 finns, men ingen totalkod: utelämna Kon för båda könen.",
      "Åldersband (16–64, 20–64, eget) hämtas som ettårsklasser och summeras; tabellen har ingen brusning, så delarna summerar exakt.",
    ],
  },
  "befolkning-ckm-ar": {
    key: "befolkning-ckm-ar",
    namn: "Folkmängd efter region, ålder och kön, från 2025 (år, CKM)",
    beskrivning: "SCB:s CKM-skyddade årstabell från referensåret 2025.",
    tableId: "TAB5557",
    periodtyp: "år",
    forstaPeriod: "2025",
    verifierat:
      "Id enligt DOMAIN.md och offentlig kod; ingen metadata för TAB5557 finns inspelad. Koder slås upp i metadata (antas likna TAB6471: TotSA, TotSa, 5- och 10-årsklasser).",
    anmarkningar: [
      "Cell Key Method: varje cell har fått ett litet slumpat brus, så delar summerar inte till totaler. Begär åldersgrupperna direkt (så få delar som möjligt) i stället för att summera ettårsklasser.",
    ],
  },
  "befolkning-ckm-manad": {
    key: "befolkning-ckm-manad",
    namn: "Folkmängd per månad efter region, ålder och kön, från 2025M01 (CKM)",
    beskrivning: "Folkmängden sista dagen i varje månad.",
    tableId: "TAB6471",
    v1Path: "BE/BE0101/BE0101A/BefolkManadCKM",
    periodtyp: "månad",
    forstaPeriod: "2025M01",
    verifierat: "Id, variabler och koder från SCB:s riktiga metadata (pxwebpy-inspelning, 2025M01–2026M04).",
    anmarkningar: [
      "Alder har ettårsklasser, 5- och 10-årsklasser och TotSA; Kon TotSa/1/2; ContentsCode 000007SF.",
      "Samma CKM-brus som TAB5557: begär band direkt, t.ex. 20–64 som 20-29, 30-39, 40-49, 50-59, 60-64.",
    ],
  },
  helarsekvivalenter: {
    key: "helarsekvivalenter",
    namn: "Helårsekvivalenter 20–64 (20–65) år efter kommun, kön och ersättningstyp (månad)",
    beskrivning:
      "Befolkningen som försörjs med sociala ersättningar och bidrag, omräknat till helårsekvivalenter: sex ersättningstyper, Summa, Folkmängd och Andel av befolkningen.",
    tableId: "TAB1386",
    v1Path: "HE/HE0112/HE0000T02N2",
    periodtyp: "månad",
    forstaPeriod: "2014M01",
    verifierat:
      "EJ VERIFIERAT mot SCB: v2-id TAB1386 är rapporterat (offentlig kod, Region Dalarna), inte kontrollerat live; inget riktigt svar finns inspelat. Offentlig kod använder även v1-sökvägen HE/HE0000/HE0000T02N2. Koder för innehåll och kön är okända och slås upp på etikett.",
    anmarkningar: [
      "Variabler (enligt offentlig kod): Region, Kon, Aldersgrupp (20-64, 20-65), ContentsCode, Tid (2014M01…, bara månader).",
      "Regioner: 290 kommuner och riket 00. Län måste summeras av kommunerna; Andel kan inte summeras utan räknas om från Summa och Folkmängd.",
      "Senaste året är preliminärt. Ekonomiskt bistånd som saknas visas som 0. Små kommuner svänger mycket relativt: visa antal bredvid andelar.",
    ],
  },
  tabell: {
    key: "tabell",
    namn: "Valfri SCB-tabell efter id",
    beskrivning: "Vilken tabell som helst i Statistikdatabasen, med ett urval per variabel (fetchDataset delar upp stora urval).",
    periodtyp: "valfri",
    verifierat: "Struktur läses från tabellens metadata.",
    anmarkningar: ["Variabler som inte väljs summeras bort av SCB om de får utelämnas; annars måste de väljas."],
  },
};

/** The population table for a year: TAB638 through 2024, the CKM table TAB5557 from 2025. */
export function populationTableFor(year: number): DatasetInfo {
  return year <= 2024 ? DATASETS.befolkning : DATASETS["befolkning-ckm-ar"];
}
