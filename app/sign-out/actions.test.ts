import { describe, expect, it } from "vitest";
import { signOutAction } from "./actions";

// The sign-out form posts one FormData; anything else is refused without touching the
// session (and without the 500 a malformed call used to cause elsewhere, issue 8).
describe("signOutAction with malformed arguments", () => {
  it.each([[42], ["x", "y"], [{ headers: {} }], [null]])("refuses %o and does nothing", async (...bogus) => {
    await expect(signOutAction(...bogus)).resolves.toBeUndefined();
  });
});
