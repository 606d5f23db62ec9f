import type { AllocationRequest } from "../../domain/tilldelning/types";

/** Each parameter's source and year, as the sheet states them (the values themselves are yellow inputs). */
export const PARAMETER_SOURCES = {
  anslag: { ar: "2016–", kalla: "Regeringen; finsam.se, \"Statens fördelningsmodell\": 339 mkr de senaste åren. Ändra när regeringen meddelat årets belopp." },
  grund: { ar: "2015", kalla: "Försäkringskassan, \"Fördelningsmodell för statens medelstilldelning till samordningsförbunden\" (2015-01-22): 400 tkr per förbund." },
  vikter: { ar: "2015", kalla: "Försäkringskassan 2015-01-22: 75 % försörjningsmått, 25 % invånare 16–64 år i förbundets område." },
  sparr: { ar: "2016–2017", kalla: "Försäkringskassan 2015-01-22: högst 10 % minskning 2016 och 2017; prövas inför varje år. Gäller inte förbund över trappan." },
  trappa: {
    ar: "2013",
    kalla: "Nationella rådets rekommendation 2013-10-02 om rimligt eget kapital. Nivåerna finns inte här: ange \"ja\" i kolumnen J för ett förbund över trappan (då gäller inte spärren).",
  },
} as const;

/** How the sheet computes, in the order of its columns. */
export function modelNotes(req: AllocationRequest): string[] {
  return [
    "Så räknas prognosen",
    "1. Varje förbund får grundtilldelningen (en rad som står för flera förbund får den så många gånger).",
    "2. Resten delas i försörjningsmåttets del och invånarnas del efter vikterna, i hela kronor.",
    "3. Förbundets modellbelopp = grund + dess andel av båda delarna (försörjningsmått / summan + invånare / summan),",
    "   avrundat som en helhet med största-restmetoden: beloppen summerar exakt till anslaget, vart och ett inom 1 kr",
    "   från sin exakta andel. Försörjningsdelen är förbundets del av försörjningsmåttets del; befolkningsdelen resten.",
    `4. Spärren: ett förbund vars förra års tilldelning är känd (och som inte är över trappan) får minst (100 − spärr) %`,
    "   av den, avrundat uppåt. Underskottet tas från övriga förbund i proportion till deras modellbelopp (största rest);",
    "   hamnar ett av dem då under sitt eget golv spärras det också, och så vidare tills inget mer förbund spärras.",
    "   Försäkringskassans modell anger spärren men inte hur dess kostnad fördelas; regeln här är Samkalks val.",
    "5. Eget kapital över Nationella rådets trappa begränsar enligt modellen nästa års tilldelning; det avdraget",
    "   räknas inte här (nivåerna är inte inlagda). Ett förbund markerat \"ja\" i kolumn J skyddas inte av spärren.",
    `Grå kolumner Q–AI visar varje avrundningssteg. Alla belopp är hela kronor och summerar exakt till anslaget (${req.anslag.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ")} kr).`,
  ];
}
