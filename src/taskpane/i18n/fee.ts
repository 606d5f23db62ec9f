import type { StringsOf } from "./stringsOf";

/** The member-fee view (Medlemsavgifter): amount, distribution key, member municipalities and its result. */
export const sv = {
  feeIntro:
    "Enligt lagen om finansiell samordning står staten för 50 %, regionen för 25 % och kommunerna tillsammans för 25 %. Kommunernas del fördelas enligt förbundsordningen.",
  region: "Region",
  ar: "Budgetår",

  belopp: "Belopp",
  beloppHint: "Som i budgeten, t.ex. 11 380 eller 57 649 000,50.",
  avser: "Beloppet avser",
  avserTotal: "Hela medlemsbidraget (staten, regionen och kommunerna)",
  avserStat: "Statens del (50 %)",
  avserKommuner: "Kommunernas del (25 %)",
  enhet: "Enhet",

  nyckel: "Fördelningsnyckel",
  nyckelBefolkning: "Befolkning i arbetsför ålder",
  nyckelAndel: "Fasta andelar enligt förbundsordningen",
  aldersband: "Åldersintervall",
  band1664: "16–64 år",
  band2064: "20–64 år",
  bandCustom: "Annat intervall",
  referensAr: "Befolkningen den 31 december år",

  sectionKommuner: "Medlemskommuner",
  membersCaption: "Valda kommuner",
  colRad: "Rad",
  colKommun: "Kommun",
  colBefolkning: "Befolkning",
  colAndel: "Andel (%)",
  colActions: "Ta bort",
  befolkningFor: (namn: string) => `Befolkning ${namn}`,
  andelFor: (namn: string) => `Andel i procent ${namn}`,
  noMembers: "Inga kommuner valda ännu.",
  fillEmbedded: "Fyll i SCB:s befolkning 2019 (inbyggd)",
  fillEmbeddedOnlyBands: "Inbyggda siffror finns för 16–64 och 20–64 år.",
  filledEmbedded: (fran: number, till: number, year: number) =>
    `Ifyllt med SCB:s folkmängd ${fran}–${till} år den 31 december ${year}.`,
  embeddedOtherYear: (embedded: number, chosen: number) =>
    `Inbyggda siffror finns bara för den 31 december ${embedded}, men referensåret är ${chosen}. Byt referensår för att använda dem, eller hämta ${chosen} under SCB-data.`,
  useEmbeddedYear: (year: number) => `Byt referensåret till ${year}`,
  embeddedMissing: (namn: string) => `Ingen inbyggd siffra för ${namn}.`,

  run: "Skapa blad",
  rerun: "Uppdatera blad",
  successTitle: (sheet: string) => `Bladet ”${sheet}” är klart`,
  total: "Totalt",
  stat: "Staten",
  regionPart: "Regionen",
  kommunerPart: "Kommunerna",
  kept: (n: number) =>
    n === 1 ? "1 värde som ändrats direkt i bladet behölls." : `${n} värden som ändrats direkt i bladet behölls.`,
} as const;

export const en: StringsOf<typeof sv> = {
  feeIntro:
    "By law the state pays 50 %, the region 25 % and the municipalities together 25 %. The association's statutes decide how the municipalities share their part.",
  region: "Region",
  ar: "Budget year",

  belopp: "Amount",
  beloppHint: "As in the budget, e.g. 11 380 or 57 649 000,50.",
  avser: "The amount is",
  avserTotal: "The whole member funding (state, region and municipalities)",
  avserStat: "The state's part (50 %)",
  avserKommuner: "The municipalities' part (25 %)",
  enhet: "Unit",

  nyckel: "Distribution key",
  nyckelBefolkning: "Working-age population",
  nyckelAndel: "Fixed shares from the statutes",
  aldersband: "Age band",
  band1664: "16–64 years",
  band2064: "20–64 years",
  bandCustom: "Other band",
  referensAr: "Population on 31 December of year",

  sectionKommuner: "Member municipalities",
  membersCaption: "Chosen municipalities",
  colRad: "Row",
  colKommun: "Municipality",
  colBefolkning: "Population",
  colAndel: "Share (%)",
  colActions: "Remove",
  befolkningFor: (namn: string) => `Population ${namn}`,
  andelFor: (namn: string) => `Share in percent ${namn}`,
  noMembers: "No municipalities chosen yet.",
  fillEmbedded: "Fill in Statistics Sweden's 2019 population (built in)",
  fillEmbeddedOnlyBands: "Built-in figures exist for ages 16–64 and 20–64.",
  filledEmbedded: (fran: number, till: number, year: number) =>
    `Filled in with Statistics Sweden's population aged ${fran}–${till} on 31 December ${year}.`,
  embeddedOtherYear: (embedded: number, chosen: number) =>
    `Built-in figures exist only for 31 December ${embedded}, but the reference year is ${chosen}. Change the reference year to use them, or fetch ${chosen} under SCB data.`,
  useEmbeddedYear: (year: number) => `Change the reference year to ${year}`,
  embeddedMissing: (namn: string) => `No built-in figure for ${namn}.`,

  run: "Create sheet",
  rerun: "Update sheet",
  successTitle: (sheet: string) => `Sheet “${sheet}” is ready`,
  total: "Total",
  stat: "State",
  regionPart: "Region",
  kommunerPart: "Municipalities",
  kept: (n: number) => (n === 1 ? "1 value edited directly in the sheet was kept." : `${n} values edited directly in the sheet were kept.`),
};
