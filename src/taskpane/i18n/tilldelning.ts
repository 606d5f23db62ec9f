import type { StringsOf } from "./stringsOf";

/** The Statlig tilldelning view: a forecast of next year's state allocation by Nationella rådet's model. */
export const sv = {
  jobAllocationTitle: "Statlig tilldelning",
  jobAllocationDescription: "Prognos för statens tilldelning till förbundet enligt Nationella rådets fördelningsmodell, med hela landet som underlag.",
  allocIntro:
    "Samkalk räknar statens tilldelning enligt Nationella rådets modell: en grundtilldelning per förbund, resten 75 % efter försörjningsmått och 25 % efter invånare 16–64 år, och en spärr mot för stor minskning. Underlaget är hela landet; bladet visar varje steg med formler.",
  allocSectionTitle: "Prognosen",
  allocAr: "Prognosår",
  allocArHint: (ar: number) => `Förbundsprofilens budgetår är ${ar}.`,
  allocArProblem: "Ange prognosåret som ett år mellan 2000 och 2100, t.ex. 2027.",
  allocAnslag: "Nationellt anslag",
  allocAnslagHint: "Statens del för alla förbund; 339 000 000 kr de senaste åren.",
  allocGrund: "Grundtilldelning per förbund",
  allocSparr: "Spärr, största minskning",
  allocSparrHint: "Tomt: ingen spärr.",
  allocSparrInvalid: "Skriv ett tal i procent, t.ex. 10, eller lämna tomt.",
  allocForraAret: "Förra årets tilldelning till förbundet",
  allocForraAretHint: "Valfritt. Med den visas förändringen, och spärren kan gälla.",
  allocForbundLine: (forbund: string, kommuner: number) => `${forbund}, ${kommuner} medlemskommuner, mot resten av landet`,
  allocNoProfile: "Fyll i förbundets namn och medlemskommuner i förbundsprofilen ovan.",
  allocCreate: "Skapa prognos",
  allocDoneTitle: (ar: number) => `Prognos för statlig tilldelning ${ar}`,
  allocForecast: (forbund: string, belopp: string) => `${forbund} får enligt prognosen ${belopp} kr.`,
  allocChange: (kr: string, procent: string) => `Förändring mot förra året: ${kr} kr (${procent} %).`,
  allocNoChange: "Ange förra årets tilldelning för att se förändringen.",
  allocCapped: (sparr: string, golv: string) => `Spärren håller förbundet uppe: högst ${sparr} % minskning, minst ${golv} kr.`,
  allocSynthetic:
    "Försörjningsmåttet är syntetiskt (exempeldata, inte Försäkringskassans siffror). Skriv in siffrorna från Försäkringskassans brev i bladets kolumn för brevet, så räknas prognosen om.",
  allocKeptCopies: "Din ändrade version av bladet behölls som kopia",
  allocEditedTitle: "Bladet med prognosen har ändrats",
};

export const en: StringsOf<typeof sv> = {
  jobAllocationTitle: "State allocation",
  jobAllocationDescription: "A forecast of the state's allocation to the association by the national council's model, with the whole country as the basis.",
  allocIntro:
    "Samkalk computes the state's allocation by the national council's model: a base per association, the rest 75 % by the measure of public support (försörjningsmått) and 25 % by inhabitants 16–64, and a cap on how much it may decrease. The basis is the whole country; the sheet shows every step as formulas.",
  allocSectionTitle: "The forecast",
  allocAr: "Forecast year",
  allocArHint: (ar: number) => `The profile's budget year is ${ar}.`,
  allocArProblem: "Enter the forecast year as a year between 2000 and 2100, e.g. 2027.",
  allocAnslag: "National amount",
  allocAnslagHint: "The state's part for all associations; 339 000 000 kr in recent years.",
  allocGrund: "Base per association",
  allocSparr: "Cap, largest decrease",
  allocSparrHint: "Empty: no cap.",
  allocSparrInvalid: "Enter a percentage, e.g. 10, or leave it empty.",
  allocForraAret: "Last year's allocation to the association",
  allocForraAretHint: "Optional. With it the change is shown, and the cap can apply.",
  allocForbundLine: (forbund: string, kommuner: number) => `${forbund}, ${kommuner} member municipalities, against the rest of the country`,
  allocNoProfile: "Fill in the association's name and member municipalities in the profile above.",
  allocCreate: "Create forecast",
  allocDoneTitle: (ar: number) => `Forecast of the state allocation ${ar}`,
  allocForecast: (forbund: string, belopp: string) => `${forbund} gets ${belopp} kr by the forecast.`,
  allocChange: (kr: string, procent: string) => `Change from last year: ${kr} kr (${procent} %).`,
  allocNoChange: "Enter last year's allocation to see the change.",
  allocCapped: (sparr: string, golv: string) => `The cap holds the association up: at most ${sparr} % decrease, at least ${golv} kr.`,
  allocSynthetic:
    "The measure of public support is synthetic (sample data, not Försäkringskassan's figures). Type the figures from Försäkringskassan's letter into the sheet's column for the letter, and the forecast is recalculated.",
  allocKeptCopies: "Your edited version of the sheet was kept as a copy",
  allocEditedTitle: "The forecast's sheet has been edited",
};
