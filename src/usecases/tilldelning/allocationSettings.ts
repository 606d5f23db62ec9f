import { z } from "zod";
import type { SettingsStore } from "../../hosts/host";
import { storedSettingsValue } from "../storedSettings";

/** The figures the state-allocation forecast was last made with, stored in the workbook (document settings). */
export const ALLOCATION_SETTINGS_KEY = "samkalk.tilldelning";

export const AllocationSettingsSchema = z.object({
  /** The year forecast as typed; null: it follows the profile's budget year. */
  ar: z.number().int().min(2000).max(2100).nullable(),
  /** The national amount, kr, as typed. */
  anslag: z.string(),
  /** The base allocation per förbund, kr, as typed. */
  grund: z.string(),
  /** Largest yearly decrease in %; "" = no cap. */
  sparr: z.string(),
  /** Last year's allocation to the förbund, kr; "" = not known. */
  forraAret: z.string(),
});

export type AllocationSettings = z.infer<typeof AllocationSettingsSchema>;

/** The stored figures, or null when there are none or they are not readable (never throws). */
export function loadAllocationSettings(store: SettingsStore): AllocationSettings | null {
  const parsed = AllocationSettingsSchema.safeParse(storedSettingsValue(store, ALLOCATION_SETTINGS_KEY));
  return parsed.success ? parsed.data : null;
}

export function saveAllocationSettings(store: SettingsStore, s: AllocationSettings): Promise<void> {
  return store.set(ALLOCATION_SETTINGS_KEY, s);
}
