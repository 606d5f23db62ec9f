import type { StringsOf } from "./stringsOf";

/** The Styrelsepaket view: the board pack from the förbundsprofil in one action. */
export const sv = {
  jobPackTitle: "Styrelsepaket",
  jobPackDescription: "Hela styrelsematerialet från förbundsprofilen: befolkning, medlemsavgifter, budget tre år, helårsekvivalenter, initiativ och en sammanfattning.",
  packIntro:
    "Samkalk hämtar befolkningen från SCB, fördelar avgifterna, räknar fram budgeten tre år, visar helårsekvivalenterna och skriver initiativens statusblad, en sammanfattning för styrelsen och en innehållsförteckning. Inget skrivs förrän alla steg har lyckats.",
  packNoProfile:
    "Förbundsprofilen är inte ifylld i den här arbetsboken. Fyll i den ovan (förbundets namn, region, medlemskommuner, nyckel och belopp) och spara den; sedan skapar Samkalk paketet från den.",
  packNoProfileTitle: "Förbundsprofil saknas",
  packProfileTitle: "Paketet byggs för",
  packProfileLine: (forbund: string, ar: number, kommuner: number) => `${forbund}, ${ar}, ${kommuner} medlemskommuner`,
  packCreate: "Skapa styrelsepaket",
  packStep: (step: string, i: number, n: number) => `Steg ${i} av ${n}: ${step}`,
  packDone: "Styrelsepaketet är klart",
  packDoneSummary: (blad: number, kontroller: number, fel: number) =>
    `${blad} blad. ${kontroller} kontroller, ${fel === 0 ? "inga FEL" : fel === 1 ? "1 FEL" : `${fel} FEL`}; se Sammanfattning för styrelsen.`,
  packSheets: "Bladen i paketet",
  packKeptCopies: "Dina ändrade blad behölls som kopior",
  packFailed: (step: string) => `Steget ${step} stoppade paketet, inget har skrivits`,
  packCancelled: "Paketet avbröts. Inget har skrivits i arbetsboken.",
  packEditedTitle: "Blad i paketet har ändrats",
  packFromSheet: "Paketet byggdes från värdena på bladet Förbundsprofil, som du ändrat.",
};

export const en: StringsOf<typeof sv> = {
  jobPackTitle: "Board pack",
  jobPackDescription: "The whole board material from the association's profile: population, member fees, three-year budget, full-year equivalents, initiatives and a summary.",
  packIntro:
    "Samkalk fetches the population from SCB, splits the fees, projects the budget three years, shows the full-year equivalents and writes the initiatives' status sheets, a summary for the board and a table of contents. Nothing is written until every step has succeeded.",
  packNoProfile:
    "The association's profile (förbundsprofil) has not been filled in for this workbook. Fill it in above (name, region, member municipalities, key and amount) and save it; Samkalk then builds the pack from it.",
  packNoProfileTitle: "No profile",
  packProfileTitle: "The pack is built for",
  packProfileLine: (forbund: string, ar: number, kommuner: number) => `${forbund}, ${ar}, ${kommuner} member municipalities`,
  packCreate: "Create board pack",
  packStep: (step: string, i: number, n: number) => `Step ${i} of ${n}: ${step}`,
  packDone: "The board pack is ready",
  packDoneSummary: (blad: number, kontroller: number, fel: number) =>
    `${blad} sheets. ${kontroller} checks, ${fel === 0 ? "no errors" : fel === 1 ? "1 error" : `${fel} errors`}; see Sammanfattning för styrelsen.`,
  packSheets: "Sheets in the pack",
  packKeptCopies: "Your edited sheets were kept as copies",
  packFailed: (step: string) => `The step ${step} stopped the pack, nothing was written`,
  packCancelled: "The pack was cancelled. Nothing was written to the workbook.",
  packEditedTitle: "Sheets of the pack have been edited",
  packFromSheet: "The pack was built from the values on the Förbundsprofil sheet, which you changed.",
};
