import { InputError } from "../../domain/errors";
import type { ForbundProfile } from "../../domain/profile/profile";
import type { SettingsStore } from "../../hosts/host";
import { profileFromJson, profileToJson } from "../../sources/profile/profileJson";
import { storedSettingsValue } from "../storedSettings";

/**
 * The förbundsprofil kept in the workbook (document settings), so every view and every colleague who
 * opens the file uses the same förbund, region, members, key and amount. Same shape as the profile file.
 */
export const PROFILE_SETTINGS_KEY = "samkalk.profil";

/** The stored profile, or null when there is none or it is not a valid profile (never throws). */
export function loadProfile(store: SettingsStore): ForbundProfile | null {
  const raw = storedSettingsValue(store, PROFILE_SETTINGS_KEY);
  if (raw === null || raw === undefined) return null;
  try {
    return profileFromJson(raw, "förbundsprofilen");
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
}

export function saveProfile(store: SettingsStore, p: ForbundProfile): Promise<void> {
  return store.set(PROFILE_SETTINGS_KEY, profileToJson(p));
}
