import { formatAmount, parseAmount, amountToPlain } from "../../src/domain/amount";

describe("amounts as Swedish users write them", () => {
  it.each([
    ["57 649 000", "57649000"],
    ["57\u00a0649\u00a0000", "57649000"],
    ["1 234,50", "1234.5"],
    ["-143 817", "-143817"],
    ["−585 289", "-585289"],
    ["2845.00", "2845"],
    [2845, "2845"],
    [0.1 + 0.2, "0.3"],
  ])("reads %p exactly", (input, plain) => {
    expect(amountToPlain(parseAmount(input)!)).toBe(plain);
  });

  it.each(["abc", "", "12,345,6", "1,001", "1e5", "12 kr"])("refuses %p", (input) => {
    expect(parseAmount(input)).toBeNull();
  });

  it("formats with non-breaking spaces and a decimal comma", () => {
    expect(formatAmount(parseAmount("57649000,5")!)).toBe("57\u00a0649\u00a0000,5");
  });
});
