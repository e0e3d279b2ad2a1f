import { describe, expect, it } from "vitest";
import { knownAuthPathMatcher } from "./known-auth-path";

describe("knownAuthPathMatcher", () => {
  const known = knownAuthPathMatcher(["/sign-in/email", "/reset-password/:token", "/get-session"]);

  it("knows Better Auth's endpoints, with their parameters", () => {
    expect(known("/sign-in/email")).toBe(true);
    expect(known("/reset-password/abc123")).toBe(true);
    expect(known("/get-session")).toBe(true);
  });

  it("refuses anything else", () => {
    for (const p of ["/sign-in", "/sign-in/email/x", "/reset-password/a/b", "/x%41", "/", "/get-sessionX", "/../get-session"]) {
      expect(known(p), p).toBe(false);
    }
  });
});
