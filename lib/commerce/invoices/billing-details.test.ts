import { describe, expect, it } from "vitest";
import { sameBillingDetails, ZBillingDetails } from "./billing-details";

describe("ZBillingDetails", () => {
  it("trims, normalises line breaks and upper-cases the VAT ID", () => {
    expect(
      ZBillingDetails.parse({
        billingCompany: "  Analytical Engines Ltd ",
        billingAddress: " 12 Marylebone Road\r\n\r\n London NW1 5LR \r\nUnited Kingdom",
        billingVatId: " gb 123 4567 89 ",
      }),
    ).toEqual({
      billingCompany: "Analytical Engines Ltd",
      billingAddress: "12 Marylebone Road\nLondon NW1 5LR\nUnited Kingdom",
      billingVatId: "GB 123 4567 89",
    });
  });

  it("reads absent and empty fields as none", () => {
    expect(ZBillingDetails.parse({ billingCompany: null, billingAddress: "   ", billingVatId: undefined })).toEqual({
      billingCompany: null,
      billingAddress: null,
      billingVatId: null,
    });
  });

  it("refuses what is too long, unprintable or not a VAT ID, naming the field", () => {
    const fails = (input: Record<string, unknown>) => {
      const r = ZBillingDetails.safeParse(input);
      expect(r.success).toBe(false);
      return r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(fails({ billingCompany: "x".repeat(201) })).toEqual(["billingCompany: Company must be at most 200 characters"]);
    expect(fails({ billingCompany: "Two\nlines" })).toEqual(["billingCompany: Company must be on one line"]);
    expect(fails({ billingAddress: "a\n".repeat(9) + "a" })).toEqual(["billingAddress: Address must be at most 8 lines"]);
    expect(fails({ billingAddress: "x".repeat(501) })).toEqual(["billingAddress: Address must be at most 500 characters"]);
    expect(fails({ billingAddress: "Street\u0000 1" })).toEqual(["billingAddress: Address contains characters that cannot be printed"]);
    expect(fails({ billingVatId: "DE<script>" })[0]).toMatch(/^billingVatId: VAT ID may contain only/);
    expect(fails({ billingVatId: "D".repeat(31) })).toEqual(["billingVatId: VAT ID must be at most 30 characters"]);
    expect(fails({ billingCompany: 42 })[0]).toMatch(/^billingCompany:/);
  });

  it("compares details field by field", () => {
    const a = { billingCompany: "A", billingAddress: null, billingVatId: null };
    expect(sameBillingDetails(a, { ...a })).toBe(true);
    expect(sameBillingDetails(a, { ...a, billingVatId: "X" })).toBe(false);
  });
});
