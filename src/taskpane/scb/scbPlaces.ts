import { profileFieldOf } from "../profile/profileDraft";

/** The places the SCB jobs name → the view's fields. */
const SCB_PLACES: Record<string, string> = {
  år: "ar",
  åldersgrupp: "alder",
  "från månad": "manadFran",
  "till månad": "manadTill",
  månader: "manadFran",
  kommuner: "kommuner",
  regioner: "kommuner",
  tabell: "tabell",
};
export const placeOf = (plats: string) => profileFieldOf(plats) ?? SCB_PLACES[plats];
