/** Reading a use case's settings from the workbook's document settings. */
import type { SettingsStore } from "../hosts/host";

/**
 * The value stored under `key`, for a schema to check: a string is read as JSON text (null when it is
 * not JSON), any other value as it is.
 */
export function storedSettingsValue(store: SettingsStore, key: string): unknown {
  const raw = store.get(key);
  if (typeof raw !== "string") return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
