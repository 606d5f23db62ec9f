import type { StringsOf } from "./stringsOf";

/** The budget view: importing the budget, the three-year projection and the follow-up. */
export const sv = {
  budgetIntro:
    "Samkalk läser budgeten som den står i verksamhetsplanen, räknar om varje summa och skriver prognos och uppföljning med formler. Beloppen i din budget ändras aldrig.",
  budgetSectionImport: "Läs in budgeten",
  budgetImportIntro:
    "Markera budgeten där den står: raden med åren överst, Intäkter och Kostnader med sina Summa-rader, Resultat och Eget kapital. Samkalk skriver bladen Budget och Budgetkontroll.",
  budgetEnhet: "Beloppen i budgeten är i",
  budgetImport: "Importera markerad budget",
  budgetImported: "Budgeten är inläst",
  budgetImportSummary: (poster: number, ar: string, enhet: string) => `${poster} poster för ${ar}, i ${enhet}.`,
  budgetDeviations: (n: number) => (n === 0 ? "Inga avvikelser" : n === 1 ? "1 avvikelse" : `${n} avvikelser`),
  budgetChecksSummary: (ok: number, total: number) =>
    `${ok} av ${total} kontroller stämmer. Beloppen har inte ändrats; bladet Budgetkontroll visar varje kontroll.`,
  budgetDeviationsCaption: "Kontroller som inte stämmer",
  budgetDeviationLine: (rad: string, ar: number) => `${rad} ${ar}`,
  budgetCell: "Cell",
  budgetExpected: "Förväntat",
  budgetFound: "Funnet",
  budgetSectionProjection: "Projektion tre år",
  budgetProjectionIntro:
    "Basårets poster räknas fram med den årliga förändringen, medlemsavgifterna och medfinansieringen nedan. Projektionen läser tabellen på bladet Budget, så rättelser du gjort där kommer med.",
  budgetBasAr: "Basår",
  budgetBasArHint: (ar: string) => (ar ? `Ur den inlästa budgeten. Projektionen gäller ${ar}.` : "Ur den inlästa budgeten."),
  budgetImportFirst: "Läs in budgeten först, så att basåret kan väljas ur tabellen på bladet Budget.",
  budgetStandard: "Årlig förändring",
  budgetStandardHint: "För poster utan eget antagande, t.ex. 2,5. Tomt: oförändrat.",
  budgetEk: (ar: number | null) => (ar === null ? "Eget kapital vid början" : `Eget kapital vid början av ${ar}`),
  budgetEkHint: "Eget kapital vid slutet av basåret.",
  budgetEkFromImport: (ar: number) => `Från den inlästa budgeten: eget kapital vid slutet av ${ar}.`,
  budgetFeesTitle: "Statens bidrag och medlemsavgifter",
  budgetFeesYear: (ar: number) => `År ${ar}`,
  budgetStat: "Statens bidrag (Försäkringskassan)",
  budgetFeesSource: "Regionens och kommunernas avgifter",
  budgetFeesFromSheet: (ar: number) => `Från bladet Medlemsavgifter ${ar}`,
  budgetFeesTyped: "Ange belopp",
  budgetFeesFromSheetHint: (ar: number) =>
    `Finns bladet hämtas statens, regionens och kommunernas avgifter ${ar} därifrån. Annars följer de den årliga förändringen.`,
  budgetFeesTypedHint: "Tomma fält följer den årliga förändringen. Anger du någon kommun räknas kommuner utan belopp med 0.",
  budgetRegion: "Regionen",
  budgetKommun: (namn: string, kod: string) => `${namn} (${kod})`,
  budgetFeesNoKommuner: "Kommunernas avgifter kan anges när budgeten är inläst.",
  budgetCofinTitle: "Medfinansiering",
  budgetCofinIntro: "Åtaganden per år, t.ex. 400 tkr 2022 och 200 tkr 2023. De blir kostnader i projektionen och listas i uppföljningen.",
  budgetCofinCaption: "Åtaganden",
  budgetCofinNamn: "Åtagande",
  budgetCofinAr: "År",
  budgetCofinBelopp: (enhet: string) => `Belopp (${enhet})`,
  budgetCofinCell: (kolumn: string, rad: number) => `${kolumn}, rad ${rad}`,
  budgetCofinRemoveHead: "Ta bort",
  budgetCofinRemove: (rad: number) => `Ta bort rad ${rad}`,
  budgetCofinAdd: "Lägg till rad",
  budgetCofinEmpty: "Inga åtaganden.",
  budgetAssumptionsKept: (n: number) =>
    n === 1
      ? "1 antagande för en post eller grupp från arbetsbokens inställningar används också."
      : `${n} antaganden för poster eller grupper från arbetsbokens inställningar används också.`,
  budgetProjectionRun: "Skriv projektionen",
  budgetSheetReady: (sheet: string) => `Bladet ”${sheet}” är klart`,
  budgetYearsCaption: "Resultat och eget kapital vid årets slut",
  budgetColAr: "År",
  budgetColResultat: "Resultat",
  budgetColEk: "Eget kapital",
  budgetLinked: (ar: string) => `Medlemsavgifterna ${ar} hämtas från avgiftsbladen.`,
  budgetNotLinked: (ar: string) =>
    `Avgifterna ${ar} hämtades inte från något avgiftsblad: de följer den årliga förändringen eller beloppen du angett.`,
  budgetFindings: (n: number) => (n === 0 ? "Inga anmärkningar" : n === 1 ? "1 anmärkning" : `${n} anmärkningar`),
  budgetFindingsIntro:
    "Kontrollerat: eget kapital under noll, eget kapital över trappan, fördelningen 50/25/25 och skillnader mot avgiftsbladen. Beloppen har inte ändrats.",
  budgetSectionFollowUp: "Uppföljning",
  budgetFollowUpIntro: "Jämför periodens resultat med budget. Samkalk skriver bladet Uppföljning med perioden i namnet och avvikelserna som formler.",
  budgetPeriod: "Period",
  budgetPeriodHint: "Blir en del av bladets namn, t.ex. jan–jun 2021.",
  budgetFollowUpEnhet: "Beloppen i uppföljningen är i",
  budgetResultBudget: "Resultat enligt budget",
  budgetResultUtfall: "Resultat, utfall",
  budgetResultHint: "T.ex. −585 289 och −143 817. Ett underskott skrivs med minustecken.",
  budgetFollowUpRows: (n: number) =>
    n === 1 ? "Dessutom följs 1 rad från arbetsbokens inställningar upp." : `Dessutom följs ${n} rader från arbetsbokens inställningar upp.`,
  budgetFollowUpRun: "Skriv uppföljningen",
  budgetVerdict: (riktning: "better" | "worse" | "equal", period: string) =>
    riktning === "better"
      ? `Resultatet för ${period} är bättre än budget`
      : riktning === "worse"
        ? `Resultatet för ${period} är sämre än budget`
        : `Resultatet för ${period} är i nivå med budget`,
  budgetAvvikelse: "Avvikelse (utfall − budget)",
  budgetAvvikelseProcent: "Avvikelse i procent av budget",
  budgetEditedTitle: "Du har ändrat blad som Samkalk skrivit",
} as const;

export const en: StringsOf<typeof sv> = {
  budgetIntro:
    "Samkalk reads the budget as it stands in the operational plan, recomputes every total and writes the projection and the follow-up with formulas. The amounts in your budget are never changed.",
  budgetSectionImport: "Import the budget",
  budgetImportIntro:
    "Select the budget where it is: the row with the years on top, Intäkter and Kostnader with their Summa rows, Resultat and Eget kapital. Samkalk writes the sheets Budget and Budgetkontroll.",
  budgetEnhet: "The budget's amounts are in",
  budgetImport: "Import selected budget",
  budgetImported: "The budget is imported",
  budgetImportSummary: (poster: number, ar: string, enhet: string) => `${poster} items for ${ar}, in ${enhet}.`,
  budgetDeviations: (n: number) => (n === 0 ? "No deviations" : n === 1 ? "1 deviation" : `${n} deviations`),
  budgetChecksSummary: (ok: number, total: number) =>
    `${ok} of ${total} checks agree. No amount was changed; the sheet Budgetkontroll shows every check.`,
  budgetDeviationsCaption: "Checks that do not agree",
  budgetDeviationLine: (rad: string, ar: number) => `${rad} ${ar}`,
  budgetCell: "Cell",
  budgetExpected: "Expected",
  budgetFound: "Found",
  budgetSectionProjection: "Three-year projection",
  budgetProjectionIntro:
    "The base year's items are projected with the yearly change, the member fees and the co-financing below. The projection reads the table on the sheet Budget, so corrections you made there are included.",
  budgetBasAr: "Base year",
  budgetBasArHint: (ar: string) => (ar ? `From the imported budget. The projection covers ${ar}.` : "From the imported budget."),
  budgetImportFirst: "Import the budget first, so that the base year can be chosen from the table on the sheet Budget.",
  budgetStandard: "Yearly change",
  budgetStandardHint: "For items without an assumption of their own, e.g. 2,5. Empty: unchanged.",
  budgetEk: (ar: number | null) => (ar === null ? "Equity at the start" : `Equity at the start of ${ar}`),
  budgetEkHint: "Equity at the end of the base year.",
  budgetEkFromImport: (ar: number) => `From the imported budget: equity at the end of ${ar}.`,
  budgetFeesTitle: "The state's contribution and member fees",
  budgetFeesYear: (ar: number) => `Year ${ar}`,
  budgetStat: "The state's contribution (Försäkringskassan)",
  budgetFeesSource: "The region's and the municipalities' fees",
  budgetFeesFromSheet: (ar: number) => `From the sheet Medlemsavgifter ${ar}`,
  budgetFeesTyped: "Enter amounts",
  budgetFeesFromSheetHint: (ar: number) =>
    `If the sheet exists, the state's, the region's and the municipalities' fees for ${ar} are taken from it. Otherwise they follow the yearly change.`,
  budgetFeesTypedHint: "Empty fields follow the yearly change. If you enter any municipality, those without an amount count as 0.",
  budgetRegion: "Region",
  budgetKommun: (namn: string, kod: string) => `${namn} (${kod})`,
  budgetFeesNoKommuner: "The municipalities' fees can be entered once the budget is imported.",
  budgetCofinTitle: "Co-financing",
  budgetCofinIntro: "Commitments per year, e.g. 400 kSEK in 2022 and 200 kSEK in 2023. They become costs in the projection and are listed in the follow-up.",
  budgetCofinCaption: "Commitments",
  budgetCofinNamn: "Commitment",
  budgetCofinAr: "Year",
  budgetCofinBelopp: (enhet: string) => `Amount (${enhet})`,
  budgetCofinCell: (kolumn: string, rad: number) => `${kolumn}, row ${rad}`,
  budgetCofinRemoveHead: "Remove",
  budgetCofinRemove: (rad: number) => `Remove row ${rad}`,
  budgetCofinAdd: "Add row",
  budgetCofinEmpty: "No commitments.",
  budgetAssumptionsKept: (n: number) =>
    n === 1
      ? "1 assumption for an item or group from the workbook's settings is used as well."
      : `${n} assumptions for items or groups from the workbook's settings are used as well.`,
  budgetProjectionRun: "Write the projection",
  budgetSheetReady: (sheet: string) => `Sheet “${sheet}” is ready`,
  budgetYearsCaption: "Result and equity at year end",
  budgetColAr: "Year",
  budgetColResultat: "Result",
  budgetColEk: "Equity",
  budgetLinked: (ar: string) => `The member fees for ${ar} are taken from the fee sheets.`,
  budgetNotLinked: (ar: string) =>
    `The fees for ${ar} were not taken from a fee sheet: they follow the yearly change or the amounts you entered.`,
  budgetFindings: (n: number) => (n === 0 ? "No findings" : n === 1 ? "1 finding" : `${n} findings`),
  budgetFindingsIntro:
    "Checked: equity below zero, equity above the staircase, the 50/25/25 split and differences from the fee sheets. No amount was changed. (Findings in Swedish.)",
  budgetSectionFollowUp: "Follow-up",
  budgetFollowUpIntro: "Compare the period's result with the budget. Samkalk writes the sheet Uppföljning with the period in its name and the deviations as formulas.",
  budgetPeriod: "Period",
  budgetPeriodHint: "Becomes part of the sheet's name, e.g. jan–jun 2021.",
  budgetFollowUpEnhet: "The follow-up's amounts are in",
  budgetResultBudget: "Budgeted result",
  budgetResultUtfall: "Actual result",
  budgetResultHint: "E.g. −585 289 and −143 817. A deficit is written with a minus sign.",
  budgetFollowUpRows: (n: number) =>
    n === 1 ? "1 row from the workbook's settings is followed up as well." : `${n} rows from the workbook's settings are followed up as well.`,
  budgetFollowUpRun: "Write the follow-up",
  budgetVerdict: (riktning: "better" | "worse" | "equal", period: string) =>
    riktning === "better"
      ? `The result for ${period} is better than budget`
      : riktning === "worse"
        ? `The result for ${period} is worse than budget`
        : `The result for ${period} is on budget`,
  budgetAvvikelse: "Deviation (actual − budget)",
  budgetAvvikelseProcent: "Deviation in percent of budget",
  budgetEditedTitle: "You have edited sheets Samkalk wrote",
};
