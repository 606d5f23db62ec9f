/**
 * The task pane's strings: every section has the same keys in Swedish and English (a function in both,
 * with the same number of parameters), no key is defined in two sections, and the assembled STRINGS
 * holds every key of every section.
 */
import { SECTIONS, STRINGS } from "../../src/taskpane/i18n";

type Table = Record<string, unknown>;

describe("task pane strings", () => {
  test.each(Object.entries(SECTIONS))("%s: the same keys, of the same kind, in Swedish and English", (_name, section) => {
    const sv = section.sv as Table;
    const en = section.en as Table;
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    for (const key of Object.keys(sv)) {
      const a = sv[key];
      const b = en[key];
      expect([key, typeof b]).toEqual([key, typeof a]);
      if (typeof a === "function" && typeof b === "function") expect([key, b.length]).toEqual([key, a.length]);
      if (typeof a === "string") expect([key, a.length > 0, (b as string).length > 0]).toEqual([key, true, true]);
    }
  });

  test("no key is defined in two sections, and STRINGS holds them all", () => {
    const home = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, section] of Object.entries(SECTIONS)) {
      for (const key of Object.keys(section.sv)) {
        if (home.has(key)) twice.push(`${key}: ${home.get(key)} and ${name}`);
        home.set(key, name);
      }
    }
    expect(twice).toEqual([]);
    for (const lang of ["sv", "en"] as const) expect(Object.keys(STRINGS[lang]).sort()).toEqual([...home.keys()].sort());
  });
});
