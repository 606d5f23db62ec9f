import { areaRefs } from "../../src/domain/a1";

describe("areaRefs", () => {
  test("single cells, ranges and several areas, with the sheet names dropped", () => {
    expect(areaRefs("Blad1!B3")).toEqual([{ row: 2, col: 1, rows: 1, cols: 1 }]);
    expect(areaRefs("Blad1!$A$1:$B$2")).toEqual([{ row: 0, col: 0, rows: 2, cols: 2 }]);
    expect(areaRefs("'Mitt, blad!'!A1:B2,'Mitt, blad!'!AA10")).toEqual([
      { row: 0, col: 0, rows: 2, cols: 2 },
      { row: 9, col: 26, rows: 1, cols: 1 },
    ]);
    expect(areaRefs("C:D")).toEqual([{ row: 0, col: 2, rows: 1_048_576, cols: 2 }]);
    expect(areaRefs("3:4")).toEqual([{ row: 2, col: 0, rows: 2, cols: 16_384 }]);
  });

  test("anything else is refused", () => {
    for (const bad of ["Blad1!", "A1:B2:C3", "A", "A1:B", "1A"]) expect(() => areaRefs(bad)).toThrow(/Okänd adress/);
  });
});
