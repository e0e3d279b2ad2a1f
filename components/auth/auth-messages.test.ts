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
