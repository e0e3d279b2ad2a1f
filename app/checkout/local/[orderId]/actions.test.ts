import { describe, expect, it } from "vitest";
import { localPaymentAction } from "./actions";

// Malformed calls to the public action endpoint are refused before the session is read (issue 8).
describe("localPaymentAction with malformed arguments", () => {
  it.each([undefined, null, 42, "orderId=x&outcome=pay", { orderId: "x", outcome: "pay" }])(
    "answers %o with a message instead of throwing",
    async (bogus) => {
      await expect(localPaymentAction({}, bogus)).resolves.toMatchObject({ error: "Expected a form submission" });
    },
  );

  it("answers an unknown outcome with the field's message", async () => {
    const form = new FormData();
    form.set("orderId", "ord_1");
    form.set("outcome", "refund");
    await expect(localPaymentAction({}, form)).resolves.toMatchObject({ error: "Choose Pay or Decline" });
  });
});
