import { describe, expect, it } from "vitest";
import { saveBillingAction } from "./actions";

// A server action is a public endpoint: these calls are refused before the session is read.
describe("saveBillingAction with bad input", () => {
  it.each([undefined, null, 42, "orderId=x", { orderId: "x" }])("answers %o with a message instead of throwing", async (bogus) => {
    await expect(saveBillingAction({}, bogus)).resolves.toMatchObject({ error: "Expected a form submission" });
  });

  it("refuses an order id that is not one, and details over the limits, naming the field and keeping what was typed", async () => {
    const form = new FormData();
    form.set("orderId", "../../etc/passwd");
    await expect(saveBillingAction({}, form)).resolves.toMatchObject({ fields: { orderId: expect.any(String) } });

    form.set("orderId", "cm0abc123");
    form.set("billingAddress", "Line\n".repeat(9));
    form.set("billingVatId", "GB<img>");
    const answer = await saveBillingAction({ attempt: 3 }, form);
    expect(answer).toMatchObject({
      error: "Address must be at most 8 lines",
      fields: {
        billingAddress: "Address must be at most 8 lines",
        billingVatId: "VAT ID may contain only letters, digits, spaces, '.', '-' and '/'",
      },
      values: { billingCompany: "", billingAddress: "Line\n".repeat(9), billingVatId: "GB<img>" },
      attempt: 4,
    });
  });
});
