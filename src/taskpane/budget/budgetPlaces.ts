import { profileFieldOf } from "../profile/profileDraft";

/** The places the budget jobs name (zod paths included) → the view's fields. */
const BUDGET_PLACES: Record<string, string> = {
  forbund: "forbund",
  "prognos.basAr": "basar",
  prognos: "basar",
  basår: "basar",
  "prognos.ekBorjan": "ek",
  "eget kapital vid början": "ek",
  "prognos.standardForandring": "standard",
  standardförändring: "standard",
  "uppfoljning.period": "period",
  uppfoljning: "period",
  uppföljning: "period",
  period: "period",
  "resultat, budget": "resultatBudget",
  "resultat, utfall": "resultatUtfall",
};

export const placeOf = (plats: string) => profileFieldOf(plats) ?? BUDGET_PLACES[plats];
