import { describe, expect, it } from "vitest";
import { zCurrency, zMoney, zOptionalWholeNumber, zWholeNumber } from "./form-fields";

describe("admin form fields", () => {
  it.each([
    ["49", 4900],
    ["49.9", 4990],
    ["49.99", 4999],
    ["0", 0],
    [" 12.05 ", 1205],
  ])("reads the price %j as %i cents", (text, cents) => {
    expect(zMoney("Price").parse(text)).toBe(cents);
  });

  it.each(["", "-1", "4,99", "1.999", "1e3", "abc"])("refuses the price %j with a message", (text) => {
    const result = zMoney("Price").safeParse(text);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Price must be an amount like 49 or 49.99");
  });

  it("says which bound a whole number broke", () => {
    expect(zWholeNumber("Free preview parts", 0, 50).safeParse("51").error?.issues[0]?.message).toBe(
      "Free preview parts must be at most 50",
    );
    expect(zWholeNumber("Free preview parts", 0, 50).safeParse("2.5").error?.issues[0]?.message).toBe(
      "Free preview parts must be a whole number",
    );
  });

  it("treats an empty optional number as none", () => {
    expect(zOptionalWholeNumber("Max redemptions", 1, 1000).parse("")).toBeNull();
    expect(zOptionalWholeNumber("Max redemptions", 1, 1000).parse("5")).toBe(5);
  });

  it("accepts known currencies in any case and refuses made-up ones", () => {
    expect(zCurrency.parse("eur")).toBe("EUR");
    expect(zCurrency.safeParse("ABC").error?.issues[0]?.message).toBe("Unknown currency code (use ISO 4217, like USD or EUR)");
    expect(zCurrency.safeParse("EURO").error?.issues[0]?.message).toBe("Currency must be a three-letter ISO 4217 code like USD or EUR");
  });
});
