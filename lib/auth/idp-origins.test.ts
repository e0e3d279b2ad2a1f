import { describe, expect, it } from "vitest";
import { refuseIdpOriginOnSignIn, trustedOriginsFor } from "./idp-origins";

const APP = "https://learn.corp.example";
const IDP = "http://sso.corp.example:4011";
const trusted = trustedOriginsFor([APP], [IDP]);
const at = (path: string) => new Request(`${APP}${path}`);

describe("trustedOriginsFor: the IdP origins only where @better-auth/sso fetches from the IdP", () => {
  it.each(["/api/auth/sign-in/sso", "/api/auth/sso/callback/org-acme", "/api/auth/sso/callback"])("%s → app + IdP", (path) => {
    expect(trusted(at(path))).toEqual([APP, IDP]);
  });
  it.each(["/api/auth/update-user", "/api/auth/sign-out", "/api/auth/sign-in/email", "/api/auth/sign-in/sso-x", "/api/auth/sso/callbackx", "/x/api/auth/sign-in/sso"])(
    "%s → app only",
    (path) => {
      expect(trusted(at(path))).toEqual([APP]);
    },
  );
  it("no request (a server-side auth.api call) → app only", () => {
    expect(trusted(undefined)).toEqual([APP]);
  });
});

describe("refuseIdpOriginOnSignIn", () => {
  const check = (origin: string | null, body: Record<string, unknown>) =>
    refuseIdpOriginOnSignIn(new Set([APP]), APP, new Headers(origin ? { origin } : {}), body);
  it("accepts the app's origin and same-site paths", () => {
    expect(() => check(APP, { callbackURL: "/account", errorCallbackURL: "/sign-in/organisation", newUserCallbackURL: `${APP}/welcome` })).not.toThrow();
    expect(() => check(null, { callbackURL: "/account" })).not.toThrow();
  });
  it.each([
    [IDP, { callbackURL: "/account" }, "INVALID_ORIGIN"],
    ["null", { callbackURL: "/account" }, "INVALID_ORIGIN"],
    [APP, { callbackURL: `${IDP}/x` }, "INVALID_CALLBACK_URL"],
    [APP, { callbackURL: "//sso.corp.example:4011/x" }, "INVALID_CALLBACK_URL"],
    [APP, { callbackURL: "/\\sso.corp.example:4011/x" }, "INVALID_CALLBACK_URL"],
    [APP, { callbackURL: "/account", errorCallbackURL: `${IDP}/e` }, "INVALID_ERROR_CALLBACK_URL"],
    [APP, { callbackURL: "/account", newUserCallbackURL: `${IDP}/n` }, "INVALID_NEW_USER_CALLBACK_URL"],
  ] as const)("origin %s, %j → 403 %s", (origin, body, code) => {
    expect(() => check(origin, body)).toThrow(expect.objectContaining({ statusCode: 403, body: expect.objectContaining({ code }) }));
  });
});
