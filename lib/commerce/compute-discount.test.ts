import { describe, expect, it } from "vitest";
import { computeDiscount } from "./compute-discount";

describe("computeDiscount", () => {
  it("charges the full price without a coupon", () => {
    expect(computeDiscount(5999, null)).toEqual({ subtotalCents: 5999, discountCents: 0, totalCents: 5999 });
  });
  it("takes a percentage off, rounding the discount to the nearest cent", () => {
    expect(computeDiscount(5999, { kind: "percent", percentOff: 50 })).toEqual({ subtotalCents: 5999, discountCents: 3000, totalCents: 2999 });
    expect(computeDiscount(1000, { kind: "percent", percentOff: 15 })).toEqual({ subtotalCents: 1000, discountCents: 150, totalCents: 850 });
    expect(computeDiscount(999, { kind: "percent", percentOff: 33 }).discountCents).toBe(330); // 329.67
  });
  it("makes 100 % off free and 1 % off almost full price", () => {
    expect(computeDiscount(5999, { kind: "percent", percentOff: 100 }).totalCents).toBe(0);
    expect(computeDiscount(5999, { kind: "percent", percentOff: 1 }).totalCents).toBe(5939);
  });
  it("takes a fixed amount off but never below zero", () => {
    expect(computeDiscount(5999, { kind: "fixed", amountOffCents: 1000 }).totalCents).toBe(4999);
    expect(computeDiscount(5999, { kind: "fixed", amountOffCents: 10_000 })).toEqual({ subtotalCents: 5999, discountCents: 5999, totalCents: 0 });
  });
  it("clamps nonsense rules instead of paying the buyer", () => {
    expect(computeDiscount(1000, { kind: "percent", percentOff: 250 }).totalCents).toBe(0);
    expect(computeDiscount(1000, { kind: "fixed", amountOffCents: -500 }).totalCents).toBe(1000);
  });
  it("refuses a fractional or negative subtotal", () => {
    expect(() => computeDiscount(10.5, null)).toThrow(RangeError);
    expect(() => computeDiscount(-1, null)).toThrow(RangeError);
  });
});
