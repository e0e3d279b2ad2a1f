import { describe, expect, it } from "vitest";
import { payAction } from "./actions";

// A server action is a public endpoint: anyone can POST any arguments to it (issue 8: a
// malformed call answered 500 "b.get is not a function"). These calls are refused before
// the session is read, so they need no request context.
describe("payAction with malformed arguments", () => {
  it.each([undefined, null, 42, "course=paid-course", { course: "paid-course" }, [["course", "paid-course"]]])(
    "answers %o with a message instead of throwing",
    async (bogus) => {
      await expect(payAction({}, bogus)).resolves.toEqual({
        error: "Expected a form submission",
        fields: { form: "Expected a form submission" },
      });
    },
  );

  it("answers a form with a bad course field with that field's message", async () => {
    const form = new FormData();
    form.set("course", "../../etc");
    await expect(payAction({}, form)).resolves.toMatchObject({ error: "Unknown course", fields: { course: "Unknown course" } });
  });

  it("refuses billing details over the server's limits before anything else, and hands back what was typed", async () => {
    const form = new FormData();
    form.set("course", "paid-course");
    form.set("billingCompany", "x".repeat(201));
    form.set("billingVatId", "DE 123");
    await expect(payAction({}, form)).resolves.toEqual({
      error: "Company must be at most 200 characters",
      fields: { billingCompany: "Company must be at most 200 characters" },
      values: { billingCompany: "x".repeat(201), billingAddress: "", billingVatId: "DE 123" },
      attempt: 1,
    });
  });
});
