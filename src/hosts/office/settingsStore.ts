import type { SettingsStore } from "../host";

/** The part of Office.context.document.settings Samkalk uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: Office.AsyncResult<void>) => void): void;
}

export function documentSettings(): DocumentSettings {
  return Office.context.document.settings;
}

/** Persists the in-memory settings into the document (they are not part of context.sync()). */
export function saveSettings(settings: DocumentSettings): Promise<void> {
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      // Typed as a numeric enum, but Office.js sets the strings "succeeded" / "failed".
      if (String(result.status) === "succeeded") resolve();
      else reject(new Error(`Inställningarna kunde inte sparas i arbetsboken: ${result.error?.message ?? "okänt fel"}`));
    });
  });
}

/** Job settings stored as JSON values in the workbook's document settings. */
export function createOfficeSettingsStore(settings: DocumentSettings = documentSettings()): SettingsStore {
  return {
    get(key: string): unknown {
      const value = settings.get(key);
      return value === null ? undefined : value;
    },
    async set(key: string, value: unknown): Promise<void> {
      settings.set(key, value);
      await saveSettings(settings);
    },
  };
}
