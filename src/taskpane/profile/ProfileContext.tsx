import * as React from "react";
import type { ForbundProfile } from "../../domain/profile/profile";
import { loadBudgetSettings } from "../../usecases/budget/budgetSettings";
import { loadFeeSettings } from "../../usecases/fee/feeSplitSettings";
import { loadInitiativesSettings } from "../../usecases/initiatives/initiativesSettings";
import { loadProfile, saveProfile } from "../../usecases/profile/profileSettings";
import { useServices } from "../services";
import { readStoredSettings } from "../viewParts";
import { draftFromFeeSettings, draftFromProfile, emptyDraft, type ProfileDraft } from "./profileDraft";

interface ProfileState {
  /** The profile as stored in the workbook (null: none yet). */
  saved: ForbundProfile | null;
  /** The profile as the pane shows it now: every view reads and edits this one. */
  draft: ProfileDraft;
  update: (patch: Partial<ProfileDraft> | ((d: ProfileDraft) => Partial<ProfileDraft>)) => void;
  /** Stores a valid profile in the workbook (document setting samkalk.profil). */
  save: (p: ForbundProfile) => Promise<void>;
}

const ProfileContext = React.createContext<ProfileState | null>(null);

/**
 * The förbundsprofil, asked once: read from the workbook when the pane opens (or, in a workbook from
 * before the profile, from the fee split's stored choices), edited in one place and used by every view.
 */
export function ProfileProvider(props: { children: React.ReactNode }) {
  const { settingsStore } = useServices();
  const [saved, setSaved] = React.useState(() => readStoredSettings(() => loadProfile(settingsStore)));
  const [draft, setDraft] = React.useState<ProfileDraft>(() => {
    if (saved) return draftFromProfile(saved);
    const fee = readStoredSettings(() => loadFeeSettings(settingsStore));
    if (fee) return draftFromFeeSettings(fee);
    // A workbook from before the profile, where only the budget or the initiatives name the förbund.
    const forbund =
      readStoredSettings(() => loadBudgetSettings(settingsStore))?.forbund ?? readStoredSettings(() => loadInitiativesSettings(settingsStore))?.forbund ?? "";
    return { ...emptyDraft(), forbund };
  });
  const value = React.useMemo<ProfileState>(
    () => ({
      saved,
      draft,
      update: (patch) => setDraft((d) => ({ ...d, ...(typeof patch === "function" ? patch(d) : patch) })),
      save: async (p) => {
        await saveProfile(settingsStore, p);
        setSaved(p);
      },
    }),
    [saved, draft, settingsStore],
  );
  return <ProfileContext.Provider value={value}>{props.children}</ProfileContext.Provider>;
}

export function useProfile(): ProfileState {
  const p = React.useContext(ProfileContext);
  if (!p) throw new Error("useProfile outside ProfileProvider");
  return p;
}
