/**
 * The SCB-data view's choices, stored in the workbook (document settings) so that a colleague who opens
 * the file fetches from the same place with the same choices: SCB's base URL (an advanced setting; the
 * default is SCB's PxWebApi 2.0), the dataset, the kommuner (with their län and riket), the age band,
 * the years or months, and the table for "Annan tabell".
 */
import { z } from "zod";
import { InputError } from "../../domain/errors";
import type { SettingsStore } from "../../hosts/host";
import { storedSettingsValue } from "../storedSettings";
import { SCB_V2_BASE } from "../../sources/scb/api/client";

export const SCB_SETTINGS_KEY = "samkalk.scb";
export const DEFAULT_SCB_BASE_URL = SCB_V2_BASE;

export type ScbDatasetChoice = "befolkning" | "helarsekvivalenter" | "tabell";

const year = z.number().int().min(1900).max(2200);
const month = z.string().regex(/^\d{4}M(0[1-9]|1[0-2])$/);

export const ScbFetchSettingsSchema = z.object({
  baseUrl: z.string().default(DEFAULT_SCB_BASE_URL),
  dataset: z.enum(["befolkning", "helarsekvivalenter", "tabell"]).default("befolkning"),
  kommuner: z.array(z.string().regex(/^\d{4}$/)).default([]),
  lan: z.boolean().default(false),
  riket: z.boolean().default(false),
  /** Age band for population, inclusive. */
  alderFran: z.number().int().min(0).max(120).default(20),
  alderTill: z.number().int().min(0).max(120).default(64),
  perKon: z.boolean().default(false),
  arFran: year.default(2019),
  arTill: year.default(2019),
  manadFran: month.default("2023M01"),
  manadTill: month.default("2024M12"),
  /** The förbund's name (helårsekvivalenter shows the förbund as the sum of its kommuner). */
  forbund: z.string().default(""),
  /** "Annan tabell": SCB's table id and, per variable, the chosen value codes. */
  tabellId: z.string().default(""),
  tabellVal: z.record(z.array(z.string())).default({}),
});

export type ScbFetchSettings = z.infer<typeof ScbFetchSettingsSchema>;

export function defaultScbFetchSettings(): ScbFetchSettings {
  return ScbFetchSettingsSchema.parse({});
}

/** The stored settings merged over the defaults; a field that cannot be read falls back to its default. */
export function loadScbFetchSettings(store: SettingsStore): ScbFetchSettings {
  const value = storedSettingsValue(store, SCB_SETTINGS_KEY);
  if (value === null || typeof value !== "object") return defaultScbFetchSettings();
  const whole = ScbFetchSettingsSchema.safeParse(value);
  if (whole.success) return whole.data;
  // Keep what can be read, field by field.
  const out: Record<string, unknown> = {};
  const shape = ScbFetchSettingsSchema.shape;
  for (const [key, schema] of Object.entries(shape)) {
    const field = (schema as z.ZodTypeAny).safeParse((value as Record<string, unknown>)[key]);
    if (field.success) out[key] = field.data;
  }
  return ScbFetchSettingsSchema.parse(out);
}

export function saveScbFetchSettings(store: SettingsStore, s: ScbFetchSettings): Promise<void> {
  return store.set(SCB_SETTINGS_KEY, s);
}

/**
 * A base URL as the client wants it: http(s), no query, no trailing slash. Empty means SCB's own.
 * Throws InputError (Swedish) for anything that is not a web address.
 */
export function normaliseBaseUrl(raw: string | undefined): string {
  const s = (raw ?? "").trim();
  if (s === "") return DEFAULT_SCB_BASE_URL;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    throw new InputError([{ plats: "SCB:s adress", meddelande: `"${s}" är ingen webbadress. Skriv t.ex. ${DEFAULT_SCB_BASE_URL}` }]);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new InputError([{ plats: "SCB:s adress", meddelande: `Adressen ska börja med https:// (t.ex. ${DEFAULT_SCB_BASE_URL}).` }]);
  }
  if (url.search || url.hash) {
    throw new InputError([{ plats: "SCB:s adress", meddelande: "Adressen ska inte ha någon fråga (?…) eller #; ange bara API:ets basadress." }]);
  }
  return url.href.replace(/\/+$/, "");
}
