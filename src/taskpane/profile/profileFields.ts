import type { Strings } from "../i18n";
import type { FieldRef } from "../run/runState";
import type { ProfileField } from "./profileDraft";

/** The profile's fields as problems link to them: label and input id. */
export function profileFieldRefs(s: Strings): Record<ProfileField, FieldRef> {
  return {
    forbund: { label: s.forbund, id: "sk-profil-forbund" },
    region: { label: s.regionLabel, id: "sk-profil-region" },
    ar: { label: s.ar, id: "sk-profil-ar" },
    kommuner: { label: s.profileMembers, id: "sk-profil-kommuner" },
    aldersband: { label: s.aldersband, id: "sk-profil-aldersband" },
    referensar: { label: s.referensAr, id: "sk-profil-referensar" },
    belopp: { label: s.belopp, id: "sk-profil-belopp" },
  };
}
