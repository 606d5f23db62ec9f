import { z } from "zod";
import { STANDARD_NULAGEN } from "../../domain/initiatives/model";
import type { SettingsStore } from "../../hosts/host";

export const INITIATIVES_SETTINGS_KEY = "samkalk.initiativ";

export const InitiativesSettingsSchema = z.object({
  forbund: z.string().trim().min(1, "Ange förbundets namn."),
  /** The status report's date, ISO "2023-06-15". */
  datum: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Ange rapportens datum som ÅÅÅÅ-MM-DD, t.ex. 2023-06-15.")
    .refine(isCalendarDate, (d) => ({ message: `${d} är inget datum. Ange rapportens datum som ÅÅÅÅ-MM-DD, t.ex. 2023-06-15.` })),
  /** The förbund's status list (nuläge), editable; it becomes the Nuläge column's drop-down list in Excel. */
  nulagen: z
    .array(z.string().trim().min(1, "Ett nuläge i listan är tomt.").refine((n) => !n.includes(","), "Ett nuläge kan inte innehålla kommatecken (Excels vallista skiljer valen med komma)."))
    .min(1, "Statuslistan är tom.")
    .refine((list) => list.join(",").length <= 255, "Statuslistan är för lång för Excels vallista: högst 255 tecken med kommatecknen mellan valen."),
});

/** "2023-02-30" and "2023-13-45" match the pattern but are no dates. */
function isCalendarDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

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
