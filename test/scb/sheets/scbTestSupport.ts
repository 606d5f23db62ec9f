/** Shared set-up for the SCB sheet and use-case tests: the Office host on the strict fake, a memory store. */
import type { SettingsStore } from "../../../src/hosts/host";
import { OfficeWorkbookHost, createOfficeSettingsStore } from "../../../src/hosts/office/officeHost";
import { FakeOffice, FakeOfficeOptions, createFakeOffice } from "../../fakes/excelFake";

export function officeSetup(options: FakeOfficeOptions = {}): { fake: FakeOffice; host: OfficeWorkbookHost; store: SettingsStore } {
  const fake = createFakeOffice(options);
  const host = new OfficeWorkbookHost({ run: fake.run, settings: fake.settings, isSetSupported: fake.Office.context.requirements.isSetSupported });
  return { fake, host, store: createOfficeSettingsStore(fake.settings) };
}

export function memoryStore(): SettingsStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: async (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))) };
}

/** Types a grid into the fake as a user pasting it: strings as typed text, numbers as numbers, null skipped. */
export function paste(fake: FakeOffice, sheet: string, topLeft: { row: number; col: number }, grid: Array<Array<string | number | null>>): void {
  grid.forEach((line, i) =>
    line.forEach((v, j) => {
      if (v === null) return;
      const address = `${columnName(topLeft.col + j)}${topLeft.row + i + 1}`;
      fake.user.editCell(sheet, address, v);
    }),
  );
}

function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
