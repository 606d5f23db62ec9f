import type { StringsOf } from "./stringsOf";

/**
 * The run area every job view shares: one wording per outcome (done, input problems, failure, note),
 * the status footer and the progress. Failures say what failed and what to try; no raw error text.
 */
export const sv = {
  statusLabel: "Status",
  statusIdle: "Inget har körts ännu.",
  statusValidating: "Kontrollerar uppgifterna…",
  cancel: "Avbryt",
  runCancelled: "Avbrutet. Inget har skrivits i arbetsboken.",
  showSheet: (sheet: string) => `Gå till bladet ”${sheet}”`,
  problemsSummary: (n: number) => (n === 1 ? "Inget har skrivits. Rätta 1 uppgift:" : `Inget har skrivits. Rätta ${n} uppgifter:`),
  failureNetworkTitle: "SCB svarade inte",
  failureNetworkTry: "Kontrollera nätverket (och SCB:s adress under Avancerat) och försök igen. Inget har skrivits.",
  failureScbTitle: "SCB kunde inte lämna ut data just nu",
  failureScbTry: "Felet ligger hos SCB, inte i ditt urval. Försök igen om en stund. Inget har skrivits.",
  failureExcelTitle: "Excel kunde inte skriva i arbetsboken",
  failureExcelTry: "Avsluta redigeringen av en cell (tryck Enter), stäng öppna dialogrutor i Excel, kontrollera att bladet inte är skyddat och försök igen.",
  failureFileTitle: "Filen kunde inte läsas",
  failureFileTry: "Kontrollera att filen är en SCB-fil (CSV, text eller JSON) och att den inte är öppen i ett annat program, och välj den igen.",
  failureUnexpectedTitle: "Något gick oväntat fel",
  failureUnexpectedTry: "Inget har skrivits. Försök igen; händer det igen, stäng och öppna tillägget.",
  amountRequired: "Skriv ett belopp, t.ex. 11 380 eller 57 649 000,50.",
  numberRequired: "Skriv ett tal, t.ex. 2 eller −1,5.",
} as const;

export const en: StringsOf<typeof sv> = {
  statusLabel: "Status",
  statusIdle: "Nothing has run yet.",
  statusValidating: "Checking the input…",
  cancel: "Cancel",
  runCancelled: "Cancelled. Nothing was written to the workbook.",
  showSheet: (sheet: string) => `Go to sheet “${sheet}”`,
  problemsSummary: (n: number) => (n === 1 ? "Nothing was written. Please correct 1 item (messages in Swedish):" : `Nothing was written. Please correct ${n} items (messages in Swedish):`),
  failureNetworkTitle: "Statistics Sweden did not answer",
  failureNetworkTry: "Check the network (and the SCB address under Advanced) and try again. Nothing was written.",
  failureScbTitle: "Statistics Sweden cannot deliver data right now",
  failureScbTry: "The fault is at Statistics Sweden, not in your selection. Try again in a while. Nothing was written.",
  failureExcelTitle: "Excel could not write to the workbook",
  failureExcelTry: "Finish editing any cell (press Enter), close open dialogs in Excel, check that the sheet is not protected and try again.",
  failureFileTitle: "The file could not be read",
  failureFileTry: "Check that the file is an SCB file (CSV, text or JSON) and not open in another program, and choose it again.",
  failureUnexpectedTitle: "Something unexpected went wrong",
  failureUnexpectedTry: "Nothing was written. Try again; if it happens again, close and reopen the add-in.",
  amountRequired: "Enter an amount, e.g. 11 380 or 57 649 000,50.",
  numberRequired: "Enter a number, e.g. 2 or −1,5.",
};
