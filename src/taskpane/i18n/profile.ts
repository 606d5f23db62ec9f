import type { StringsOf } from "./stringsOf";

/** The förbundsprofil: asked once, kept in the workbook, shown at the top of every view. */
export const sv = {
  profileTitle: "Förbundsprofil",
  profileSummary: (forbund: string, region: string, n: number) =>
    `${forbund}${region ? `, ${region}` : ""} · ${n === 1 ? "1 kommun" : `${n} kommuner`}`,
  profileMissing: "Inte ifylld ännu",
  profileUnsaved: (forbund: string) => `${forbund} · inte komplett, inte sparad`,
  profileIntro: "Fyll i förbundets uppgifter en gång. De sparas i arbetsboken och används i alla delar av Samkalk.",
  profileSave: "Spara förbundsprofil",
  profileSaved: "Förbundsprofilen är sparad i arbetsboken.",
  profileMembers: "Medlemskommuner",
  profileAddMember: "Lägg till medlemskommun",
  regionLabel: "Regionens namn",
  regionPlaceholderProfile: "t.ex. Region Västerbotten",
} as const;

export const en: StringsOf<typeof sv> = {
  profileTitle: "Association profile",
  profileSummary: (forbund: string, region: string, n: number) =>
    `${forbund}${region ? `, ${region}` : ""} · ${n === 1 ? "1 municipality" : `${n} municipalities`}`,
  profileMissing: "Not filled in yet",
  profileUnsaved: (forbund: string) => `${forbund} · incomplete, not saved`,
  profileIntro: "Fill in the association's details once. They are kept in the workbook and used by every part of Samkalk.",
  profileSave: "Save association profile",
  profileSaved: "The association profile is saved in the workbook.",
  profileMembers: "Member municipalities",
  profileAddMember: "Add member municipality",
  regionLabel: "Region name",
  regionPlaceholderProfile: "e.g. Region Västerbotten",
};
