import { profileFieldOf } from "../profile/profileDraft";

/** The places the initiatives job names → the view's fields ("nulagen.2" is an entry of the status list). */
export const placeOf = (plats: string) =>
  profileFieldOf(plats) ?? (plats === "forbund" ? "forbund" : plats === "datum" ? "datum" : /^nulagen(\.\d+)?$/.test(plats) ? "nulagen" : undefined);
