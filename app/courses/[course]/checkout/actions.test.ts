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
    await expect(payAction({}, form)).resolves.toEqual({ error: "Unknown course", fields: { course: "Unknown course" } });
  });
});
