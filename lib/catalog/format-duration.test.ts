import { describe, expect, it } from "vitest";
import { formatDuration, formatPrice, formatTotal } from "./format-duration";

describe("formatDuration", () => {
  it.each([
    [0, "0:00"],
    [9.6, "0:10"],
    [75, "1:15"],
    [3725, "1:02:05"],
    [-3, "0:00"],
  ])("%s s → %s", (input, expected) => {
    expect(formatDuration(input)).toBe(expected);
  });
});

describe("formatTotal", () => {
  it.each([
    [42, "42 s"],
    [252, "4 min 12 s"],
    [300, "5 min"],
    [3900, "1 h 5 min"],
  ])("%s s → %s", (input, expected) => {
    expect(formatTotal(input)).toBe(expected);
  });
});

describe("formatPrice", () => {
  it("shows Free for zero and currency otherwise", () => {
    expect(formatPrice(0, "USD")).toBe("Free");
    expect(formatPrice(5999, "USD")).toBe("$59.99");
  });
});
