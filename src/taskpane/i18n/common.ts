import type { StringsOf } from "./stringsOf";

/** The task pane's shell (title, the list of jobs) and the strings shared by several views: the
 * association's name, the municipality picker, number fields, units and the run button's progress. */
export const sv = {
  appTitle: "Samkalk",
  appSubtitle: "Beräkningar för samordningsförbund",
  chooseJob: "Välj uppgift",
  open: "Öppna",
  back: "Alla uppgifter",
  loading: "Laddar…",
  jobFeeSplitTitle: "Medlemsavgifter",
  jobFeeSplitDescription: "Fördela medlemsbidraget mellan staten, regionen och kommunerna och skriv ett blad med formler.",
  jobInitiativesTitle: "Samverkansinitiativ",
  jobInitiativesDescription: "Följ upp förbundets samverkansinitiativ: en översikt per område och ett statusblad per initiativ.",
  jobBudgetTitle: "Budget",
  jobBudgetDescription: "Läs in förbundets budget och kontrollera summorna, räkna fram tre år och följ upp utfallet mot budget.",
  jobScbTitle: "SCB-data",
  jobScbDescription: "Hämta befolkning, helårsekvivalenter eller valfri tabell direkt från SCB, och städa SCB-filer och inklistrade utdrag.",

  forbund: "Samordningsförbundets namn",
  forbundPlaceholder: "t.ex. Samordningsförbundet Umeå",
  integerRequired: "Skriv ett heltal.",

  enhetKr: "kr",
  enhetTkr: "tkr",

  aldersFran: "Från ålder",
  aldersTill: "Till ålder",

  addKommun: "Lägg till kommun",
  addKommunPlaceholder: "Sök på namn eller kommunkod",
  addKommunHint: "T.ex. Umeå eller 2480. Välj i listan för att lägga till.",
  noMatch: "Ingen kommun matchar sökningen.",
  alreadyChosen: "redan vald",
  remove: (namn: string) => `Ta bort ${namn}`,
  memberCount: (n: number) => (n === 1 ? "1 kommun" : `${n} kommuner`),

  running: "Arbetar…",
  progressLabel: "Förlopp",
  fixNumbers: "Rätta de markerade talfälten först.",
  warningsTitle: "Observera",

  sheetsWritten: "Skrivna blad",
  keptCopies: "Dina ändringar finns kvar i",

  editedIntro: "De här bladen har ändrats sedan Samkalk skrev dem:",
  editedQuestion: "Vill du behålla dina ändringar som en kopia innan bladen skrivs om?",
  editedKeepCopy: "Behåll mina ändringar som kopia",
  editedOverwrite: "Skriv över",
  editedCancel: "Avbryt",
  editedRunCancelled: "Inget har skrivits. De ändrade bladen är orörda.",
} as const;

export const en: StringsOf<typeof sv> = {
  appTitle: "Samkalk",
  appSubtitle: "Calculations for coordination associations",
  chooseJob: "Choose a task",
  open: "Open",
  back: "All tasks",
  loading: "Loading…",
  jobFeeSplitTitle: "Member fees",
  jobFeeSplitDescription: "Split the member funding between the state, the region and the municipalities and write a sheet with formulas.",
  jobInitiativesTitle: "Collaboration initiatives",
  jobInitiativesDescription: "Follow up the association's collaboration initiatives: an overview per area and a status sheet per initiative.",
  jobBudgetTitle: "Budget",
  jobBudgetDescription: "Import the association's budget and check its totals, project three years ahead and follow up the outcome against budget.",
  jobScbTitle: "SCB data",
  jobScbDescription: "Fetch population, full-year equivalents or any table straight from Statistics Sweden, and clean SCB files and pasted extracts.",

  forbund: "Association name",
  forbundPlaceholder: "e.g. Samordningsförbundet Umeå",
  integerRequired: "Enter a whole number.",

  enhetKr: "SEK",
  enhetTkr: "kSEK",

  aldersFran: "From age",
  aldersTill: "To age",

  addKommun: "Add municipality",
  addKommunPlaceholder: "Search by name or municipality code",
  addKommunHint: "E.g. Umeå or 2480. Pick from the list to add.",
  noMatch: "No municipality matches.",
  alreadyChosen: "already chosen",
  remove: (namn: string) => `Remove ${namn}`,
  memberCount: (n: number) => (n === 1 ? "1 municipality" : `${n} municipalities`),

  running: "Working…",
  progressLabel: "Progress",
  fixNumbers: "Correct the highlighted number fields first.",
  warningsTitle: "Please note",

  sheetsWritten: "Sheets written",
  keptCopies: "Your changes are kept in",

  editedIntro: "These sheets were changed after Samkalk wrote them:",
  editedQuestion: "Do you want to keep your changes as a copy before the sheets are rewritten?",
  editedKeepCopy: "Keep my changes as a copy",
  editedOverwrite: "Overwrite",
  editedCancel: "Cancel",
  editedRunCancelled: "Nothing was written. The edited sheets are unchanged.",
};
