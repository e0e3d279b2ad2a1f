import { describe, expect, it } from "vitest";
import { computeIncludedTax, formatTaxRate, percentToBps } from "./compute-tax";

describe("computeIncludedTax", () => {
  it("finds the tax inside a tax-inclusive total", () => {
    expect(computeIncludedTax(5999, 1900)).toEqual({ netCents: 5041, taxCents: 958 }); // 5999/1.19 = 5041.18
    expect(computeIncludedTax(11900, 1900)).toEqual({ netCents: 10000, taxCents: 1900 });
    expect(computeIncludedTax(2999, 770)).toEqual({ netCents: 2785, taxCents: 214 }); // 2999·0.077/1.077 = 214.4
  });

  it("is zero at a zero rate and for a free order", () => {
    expect(computeIncludedTax(5999, 0)).toEqual({ netCents: 5999, taxCents: 0 });
    expect(computeIncludedTax(0, 1900)).toEqual({ netCents: 0, taxCents: 0 });
  });

  it("rounds half up and net + tax is always the total", () => {
    // 105 at 5 %: 105·5/105 = 5 exactly; 21 at 5 %: 1.0 exactly; 1 at 100 %: 0.5 → 1
    expect(computeIncludedTax(105, 500)).toEqual({ netCents: 100, taxCents: 5 });
    expect(computeIncludedTax(1, 10_000)).toEqual({ netCents: 0, taxCents: 1 });
    for (let total = 0; total < 3000; total += 37) {
      for (const bps of [0, 500, 770, 1900, 2000, 2500]) {
        const { netCents, taxCents } = computeIncludedTax(total, bps);
        expect(netCents + taxCents).toBe(total);
        expect(Math.abs(taxCents - (total * bps) / (10_000 + bps))).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it("refuses amounts and rates that are not whole and in range", () => {
    expect(() => computeIncludedTax(-1, 0)).toThrow(RangeError);
    expect(() => computeIncludedTax(1.5, 0)).toThrow(RangeError);
    expect(() => computeIncludedTax(100, 10_001)).toThrow(RangeError);
  });
});

describe("tax rate formats", () => {
  it("converts and prints percentages", () => {
    expect(percentToBps(19)).toBe(1900);
    expect(percentToBps(7.7)).toBe(770);
    expect(percentToBps(0)).toBe(0);
    expect(formatTaxRate(1900)).toBe("19%");
    expect(formatTaxRate(770)).toBe("7.7%");
    expect(formatTaxRate(0)).toBe("0%");
    expect(formatTaxRate(1925)).toBe("19.25%");
  });
});
