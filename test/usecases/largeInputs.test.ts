/**
 * Inputs as large as Excel's sheets give answers, not crashes: a members list of 1 048 576 rows with a problem on
 * every row (once "Maximum call stack size exceeded") is refused with every problem kept and a readable list.
 */
import { InputError, listProblems } from "../../src/domain/errors";
import { parseMembersCsv } from "../../src/sources/fee/membersFile";
import { defaultFeeSplitSettings, toFeeSplitRequest } from "../../src/usecases/fee/feeSplitJob";

describe("Excel-sized inputs", () => {
  test("1 048 576 bad member rows: every problem found, the first thirty listed and the rest counted", () => {
    const rows = Array.from({ length: 1_048_576 }, (_, i) => ({ kod: `x${i}`, namn: `Namn ${i}`, varde: "abc" }));
    const e = (() => {
      try {
        toFeeSplitRequest({ ...defaultFeeSplitSettings(), belopp: "1000", kommuner: rows });
      } catch (x) {
        return x;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(InputError);
    const problems = (e as InputError).problems;
    expect(problems).toHaveLength(2 * 1_048_576);
    const lines = listProblems(problems);
    expect(lines).toHaveLength(31);
    expect(lines[0]).toBe('rad 1: Kommunkoden "x0" ska vara fyra siffror, t.ex. 2480.');
    expect(lines[30]).toBe("… och 2\u00a0097\u00a0122 till.");
    expect((e as InputError).message.split("\n")).toEqual(lines);
  }, 120_000);

  test("a 300 000-row members CSV is read with each row's file line", () => {
    const csv = "kod,namn,befolkning\n" + Array.from({ length: 300_000 }, (_, i) => `${2000 + (i % 9000)},K${i},${i}`).join("\n");
    const file = parseMembersCsv(csv, "m.csv");
    expect(file.rows).toHaveLength(300_000);
    expect(file.locate(299_999)).toBe("m.csv, rad 300001");
  });
});
