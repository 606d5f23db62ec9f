import { profileFieldOf } from "../profile/profileDraft";

/** The places the fee job names (zod paths, its own words) → the view's fields. */
const FEE_PLACES: Record<string, string> = {
  forbund: "forbund",
  region: "region",
  ar: "ar",
  år: "ar",
  belopp: "belopp",
  åldersgrupp: "aldersband",
  "nyckel.aldersFran": "aldersband",
  "nyckel.aldersTill": "aldersband",
  "nyckel.referensAr": "referensar",
};

/** "rad 2 (cell D9): …" → the member row's field. */
const rowField = (plats: string) => {
  const m = /^rad (\d+)\b/.exec(plats);
  return m ? `rad-${m[1]}` : undefined;
};

export const placeOf = (plats: string) => profileFieldOf(plats) ?? FEE_PLACES[plats] ?? rowField(plats);
