/**
 * Office.context.document.settings: values are kept as JSON (so what you get back is a copy, and
 * undefined/functions cannot be stored), changes stay in memory until saveAsync, and a reload
 * (reopening the document) only sees what was saved.
 */

/** Office's limit for an add-in's document settings. */
export const SETTINGS_LIMIT_BYTES = 2 * 1024 * 1024;

export interface FakeAsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; name: string; message: string };
  asyncContext?: unknown;
}

type Callback<T> = (result: FakeAsyncResult<T>) => void;

export class FakeSettings {
  private live = new Map<string, string>();
  private saved = new Map<string, string>();
  /** Make the next saveAsync calls fail (simulates a read-only or co-authored document). */
  failSaves = false;
  saveCount = 0;

  constructor(initial: Record<string, unknown> = {}) {
    for (const [k, v] of Object.entries(initial)) this.saved.set(k, JSON.stringify(v));
    this.live = new Map(this.saved);
  }

  get(name: string): unknown {
    const text = this.live.get(name);
    return text === undefined ? null : JSON.parse(text);
  }

  set(name: string, value: unknown): void {
    const text = JSON.stringify(value);
    if (typeof name !== "string" || name === "" || text === undefined) {
      throw new Error(`Office settings: cannot store ${typeof value} under ${JSON.stringify(name)}`);
    }
    this.live.set(name, text);
  }

  remove(name: string): void {
    this.live.delete(name);
  }

  saveAsync(optionsOrCallback?: unknown, maybeCallback?: Callback<void>): void {
    const callback = typeof optionsOrCallback === "function" ? (optionsOrCallback as Callback<void>) : maybeCallback;
    void Promise.resolve().then(() => {
      const size = [...this.live].reduce((n, [k, v]) => n + k.length + v.length, 0);
      if (this.failSaves || size > SETTINGS_LIMIT_BYTES) {
        callback?.({
          status: "failed",
          value: undefined,
          error: { code: 5001, name: "Internal Error", message: this.failSaves ? "save refused (fake)" : "settings too large" },
        });
        return;
      }
      this.saved = new Map(this.live);
      this.saveCount++;
      callback?.({ status: "succeeded", value: undefined });
    });
  }

  refreshAsync(callback?: Callback<FakeSettings>): void {
    void Promise.resolve().then(() => {
      this.live = new Map(this.saved);
      callback?.({ status: "succeeded", value: this });
    });
  }

  /** What a reopened document would contain. */
  savedSnapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.saved].map(([k, v]) => [k, JSON.parse(v)]));
  }

  /** Simulates closing and reopening the document: unsaved changes are lost. */
  reload(): void {
    this.live = new Map(this.saved);
  }
}
