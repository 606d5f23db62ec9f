import { z } from "zod";
import { STANDARD_NULAGEN } from "../../domain/initiatives/model";
import type { SettingsStore } from "../../hosts/host";

export const INITIATIVES_SETTINGS_KEY = "samkalk.initiativ";

export const InitiativesSettingsSchema = z.object({
  forbund: z.string().trim().min(1, "Ange förbundets namn."),
  /** The status report's date, ISO "2023-06-15". */
  datum: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Ange rapportens datum som ÅÅÅÅ-MM-DD, t.ex. 2023-06-15."),
  /** The förbund's status list (nuläge), editable. */
  nulagen: z.array(z.string().trim().min(1, "Ett nuläge i listan är tomt.")).min(1, "Statuslistan är tom."),
});

export type InitiativesSettings = z.infer<typeof InitiativesSettingsSchema>;

export function defaultInitiativesSettings(today = new Date()): InitiativesSettings {
  return { forbund: "Samordningsförbundet", datum: today.toISOString().slice(0, 10), nulagen: [...STANDARD_NULAGEN] };
}

export function loadInitiativesSettings(store: SettingsStore): InitiativesSettings | null {
  const parsed = InitiativesSettingsSchema.safeParse(store.get(INITIATIVES_SETTINGS_KEY));
  return parsed.success ? parsed.data : null;
}

export function saveInitiativesSettings(store: SettingsStore, s: InitiativesSettings): Promise<void> {
  return store.set(INITIATIVES_SETTINGS_KEY, s);
}
