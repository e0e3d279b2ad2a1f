import { describe, expect, it } from "vitest";
import { authErrorMessage } from "./auth-messages";

describe("authErrorMessage for sign-up", () => {
  it("passes the name rule's message through", () => {
    expect(
      authErrorMessage({ status: 400, code: "INVALID_NAME", message: "Your name can be at most 100 characters." }, "sign-up"),
    ).toBe("Your name can be at most 100 characters.");
  });

  it("keeps other failures neutral", () => {
    expect(authErrorMessage({ status: 422, code: "SOMETHING", message: "User already exists" }, "sign-up")).not.toMatch(/exists/);
  });
});

describe("authErrorMessage when APP_URL names another origin", () => {
  it.each(["sign-in", "sign-up", "reset"] as const)("says the site's address is misconfigured on %s, not 'wrong password'", (action) => {
    const message = authErrorMessage({ status: 403, code: "INVALID_ORIGIN", message: "Invalid origin" }, action);
    expect(message).toContain("APP_URL");
    expect(message).not.toMatch(/wrong email or password/i);
  });
});
