import { z } from "zod";
import type { SettingsStore } from "../../hosts/host";
import { storedSettingsValue } from "../storedSettings";

function wholeNumber(what: string) {
  const message = `${what} ska vara ett heltal.`;
  return z.number({ invalid_type_error: message, required_error: message }).int(message).finite(message);
}

/** The task pane's choices for the fee split, stored in the workbook (document settings). */
export const FEE_SETTINGS_KEY = "samkalk.medlemsavgifter";

export const FeeSplitSettingsSchema = z.object({
  forbund: z.string().trim().min(1, "Ange förbundets namn."),
  region: z.string().trim().min(1, "Ange regionens namn."),
  ar: wholeNumber("Budgetåret").min(2000, "Året ska vara 2000 eller senare.").max(2100, "Året ska vara 2100 eller tidigare."),
  belopp: z.string(),
  avser: z.enum(["total", "stat", "kommuner"]),
  enhet: z.enum(["kr", "tkr"]),
  nyckel: z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("befolkning"),
      aldersFran: wholeNumber("Åldersgruppens första ålder").min(0, "Åldern kan inte vara negativ.").max(120, "Åldern ska vara högst 120."),
      aldersTill: wholeNumber("Åldersgruppens sista ålder").min(0, "Åldern kan inte vara negativ.").max(120, "Åldern ska vara högst 120."),
      referensAr: wholeNumber("Befolkningens referensår").min(1968, "SCB:s befolkningssiffror börjar 1968.").max(2100, "Referensåret ska vara 2100 eller tidigare."),
    }),
    z.object({ kind: z.literal("andel") }),
  ]),
  kommuner: z.array(z.object({ kod: z.string(), namn: z.string(), varde: z.string() })),
  /**
   * Keys (populations or shares) the user typed on the fee sheet, a kommun each: they stay on top of the values
   * given (a board pack's SCB figures, fetched anew each time) on later runs, until typed over on the sheet again
   * or until another value is given for the kommun.
   */
  skrivetPaBladet: z
    .array(
      z.object({
        kod: z.string(),
        varde: z.string(),
        /** What was given for the kommun when the value was typed: a different value given later wins. */
        givet: z.string(),
      }),
    )
    .optional(),
});

export type FeeSplitSettings = z.infer<typeof FeeSplitSettingsSchema>;

export function defaultFeeSplitSettings(): FeeSplitSettings {
  return {
    forbund: "Samordningsförbundet",
    region: "Region",
    ar: new Date().getFullYear() + 1,
    belopp: "",
    avser: "total",
    enhet: "tkr",
    nyckel: { kind: "befolkning", aldersFran: 20, aldersTill: 64, referensAr: new Date().getFullYear() - 1 },
    kommuner: [],
  };
}

/** The stored settings, or null when there are none or they are not readable (never throws). */
export function loadFeeSettings(store: SettingsStore): FeeSplitSettings | null {
  const parsed = FeeSplitSettingsSchema.safeParse(storedSettingsValue(store, FEE_SETTINGS_KEY));
  return parsed.success ? parsed.data : null;
}

export function saveFeeSettings(store: SettingsStore, s: FeeSplitSettings): Promise<void> {
  return store.set(FEE_SETTINGS_KEY, s);
}
