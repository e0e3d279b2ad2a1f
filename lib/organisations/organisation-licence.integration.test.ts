import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { loadEnv } from "../env";
import { createTestDatabase } from "../../tests/support/test-db";
import { createLicensedOrganisation } from "../../tests/support/organisations";
import { signInThroughOidc, startSsoSignIn } from "../../tests/support/sso-flow";
import { startOidcProvider, type TOidcProvider } from "../../e2e/support/oidc-provider";
import { createAuth, type TAuth } from "../auth/create-auth";
import { canUserDownloadCourse } from "../access/can-download-course";
import { loadCourseEntitlement, loadCourseEntitlements } from "../access/load-course-entitlement";
import type { TViewer } from "../access/viewer";
import { endLicence } from "./organisation-licences";
import { removeOrganisationDomain } from "./organisation-domains";
import { registerOidcProvider } from "./register-oidc-provider";
import { providerIdOf } from "./sso-provider-store";

// Organisation licences against a real database and a REAL OpenID provider (oidc-provider on
// 127.0.0.1, e2e/support/oidc-provider.ts): the domain rules (exact match, verified e-mail,
// look-alikes), single sign-on with just-in-time accounts through Better Auth's real handler,
// the entitlement rows "domain-licensed", "SSO user" and "licence ended", and the refusals —
// an unregistered issuer, a forged state, a private IdP nobody listed.

const APP = "http://127.0.0.1:3997";
const PAID = { id: "c-licensed", priceCents: 5999 };
const UNLICENSED = { id: "c-unlicensed", priceCents: 1999 };
const FREE = { id: "c-free", priceCents: 0 };
const ADMIN = { id: "admin", email: "admin@lectern.test" };
const farFuture = new Date("2099-01-01T00:00:00Z");

let db: Db;
let cleanup: () => Promise<void>;
let idp: TOidcProvider;
let rogue: TOidcProvider;
let auth: TAuth;
let acmeId: string;

const viewer = (userId: string): TViewer => ({ kind: "user", userId, role: "learner" });
const deps = () => ({ db, actor: ADMIN, privateIdpOrigins: [idp.issuer] });

async function user(id: string, email: string, emailVerified: boolean) {
  await db.user.create({ data: { id, name: id, email, emailVerified } });
  return viewer(id);
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  const redirectUris = [`${APP}/api/auth/sso/callback/${providerIdOf("acme")}`];
  idp = await startOidcProvider({ redirectUris });
  // Another real provider the app never registered, with the same client credentials.
  rogue = await startOidcProvider({ redirectUris, clientId: idp.clientId, clientSecret: idp.clientSecret });
  const env = loadEnv({ NODE_ENV: "test", APP_URL: APP, PORT: "3997", DATABASE_URL: "file:unused", SSO_PRIVATE_IDP_ORIGINS: idp.issuer });
  auth = createAuth({ db, env: { ...env, DATABASE_URL: process.env.TEST_DATABASE_URL ?? "file:./data/test.db" } });

  for (const c of [PAID, UNLICENSED, FREE]) {
    await db.course.create({ data: { id: c.id, slug: c.id, title: c.id, priceCents: c.priceCents } });
  }
  await db.user.create({ data: { id: ADMIN.id, name: "Admin", email: ADMIN.email, role: "admin", emailVerified: true } });
  ({ organisationId: acmeId } = await createLicensedOrganisation(db, {
    slug: "acme",
    domains: ["example.com"],
    courseIds: [PAID.id],
    endsAt: farFuture,
  }));
}, 120_000);

afterAll(async () => {
  await idp?.close();
  await rogue?.close();
  await cleanup?.();
});

describe("domain licence: a verified address at exactly the organisation's domain", () => {
  it.each([
    ["verified, exact domain", "ada@example.com", true, "organisation-licence"],
    ["verified, upper case and a trailing root dot", "Grace@EXAMPLE.com.", true, "organisation-licence"],
    ["unverified, exact domain", "eve@example.com", false, "purchase-required"],
    ["verified look-alike: example.com.evil.io", "mallory@example.com.evil.io", true, "purchase-required"],
    ["verified look-alike: evil-example.com", "trudy@evil-example.com", true, "purchase-required"],
    ["verified subdomain (not listed)", "sub@eng.example.com", true, "purchase-required"],
  ] as const)("%s → %s", async (name, email, verified, reason) => {
    const v = await user(`u-${name.replace(/\W+/g, "-")}`, email, verified);
    expect(await loadCourseEntitlement(db, v, PAID)).toEqual({ entitled: reason === "organisation-licence", reason });
  });

  it("covers only the licensed course, and the catalog's batch says the same", async () => {
    const v = await user("u-batch", "batch@example.com", true);
    expect(await loadCourseEntitlement(db, v, UNLICENSED)).toEqual({ entitled: false, reason: "purchase-required" });
    const batch = await loadCourseEntitlements(db, v, [PAID, UNLICENSED, FREE]);
    expect(Object.fromEntries([...batch].map(([id, e]) => [id, e.reason]))).toEqual({
      [PAID.id]: "organisation-licence",
      [UNLICENSED.id]: "purchase-required",
      [FREE.id]: "free-course",
    });
  });
});

describe("single sign-on through the organisation's own OpenID provider", () => {
  it("registers the provider from its discovery document (admin only, audited, no secret in the log)", async () => {
    const { providerId, issuer } = await registerOidcProvider(deps(), {
      organisationId: acmeId,
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
    });
    expect(providerId).toBe("org-acme");
    expect(issuer).toBe(idp.issuer);
    const row = await db.ssoProvider.findUniqueOrThrow({ where: { providerId }, select: { domain: true, domainVerified: true, oidcConfig: true } });
    expect(row).toMatchObject({ domain: "example.com", domainVerified: true });
    expect(JSON.parse(row.oidcConfig!)).toMatchObject({ tokenEndpoint: `${idp.issuer}/token`, jwksEndpoint: `${idp.issuer}/jwks`, pkce: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "organisation.sso.register" }, select: { after: true } });
    expect(audit.after).not.toContain(idp.clientSecret);
  });

  it("refuses an IdP on a private address the operator did not list, and an organisation without a domain", async () => {
    await expect(
      registerOidcProvider({ ...deps(), privateIdpOrigins: [] }, { organisationId: acmeId, issuer: idp.issuer, clientId: "x", clientSecret: "y" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/private network.*SSO_PRIVATE_IDP_ORIGINS/) });
    const bare = await db.organisation.create({ data: { slug: "bare", name: "Bare" }, select: { id: true } });
    await expect(
      registerOidcProvider(deps(), { organisationId: bare.id, issuer: idp.issuer, clientId: "x", clientSecret: "y" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/domain first/) });
  });

  it("refuses an issuer whose discovery document names another issuer", async () => {
    await expect(
      registerOidcProvider(deps(), { organisationId: acmeId, issuer: `${idp.issuer}/elsewhere`, clientId: "x", clientSecret: "y" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("signs a new person in just in time and their organisation's licence covers them (SSO user)", async () => {
    const outcome = await signInThroughOidc(auth.handler, APP, "lin@example.com", "lin@example.com");
    expect(outcome.location).toBe("/account");
    expect(outcome.app.has("session_token")).toBe(true);
    const created = await db.user.findUniqueOrThrow({
      where: { email: "lin@example.com" },
      select: { id: true, accounts: { select: { providerId: true, accountId: true } } },
    });
    expect(created.accounts).toEqual([{ providerId: "org-acme", accountId: "lin@example.com" }]);
    expect(await loadCourseEntitlement(db, viewer(created.id), PAID)).toEqual({ entitled: true, reason: "organisation-licence" });
    expect(await loadCourseEntitlement(db, viewer(created.id), UNLICENSED)).toEqual({ entitled: false, reason: "purchase-required" });
    expect((await canUserDownloadCourse(db, created.id, PAID)).allowed).toBe(true);
  });

  it("refuses an address outside the organisation's domains that its IdP asserts: no account, no session", async () => {
    const outcome = await signInThroughOidc(auth.handler, APP, "ops@example.com", "victim@gmail.com");
    expect(outcome.location).toMatch(/error=/);
    expect(outcome.app.has("session_token")).toBe(false);
    expect(await db.user.findUnique({ where: { email: "victim@gmail.com" } })).toBeNull();
  });

  it("refuses to attach the IdP's login to an existing account at another domain", async () => {
    await user("u-victim", "victim@elsewhere.org", true);
    const outcome = await signInThroughOidc(auth.handler, APP, "ops@example.com", "victim@elsewhere.org");
    expect(outcome.location).toMatch(/error=/);
    expect(await db.account.count({ where: { userId: "u-victim" } })).toBe(0);
  });

  it("sends nobody back to another site after sign-in (callbackURL is checked)", async () => {
    const { res } = await startSsoSignIn(auth.handler, APP, "lin@example.com", undefined, "https://evil.example/steal");
    expect(res.status).toBe(403);
  });

  // SSO_PRIVATE_IDP_ORIGINS lets the server fetch from the IdP; it must not make the IdP's origin
  // a trusted caller of the app's auth endpoints, nor a place to send the browser.
  it("a page on the private IdP's origin cannot change the signed-in user's account (update-user → 403)", async () => {
    const { app } = await signInThroughOidc(auth.handler, APP, "max@example.com", "max@example.com");
    expect(app.has("session_token")).toBe(true);
    const rename = (origin: string, name: string) =>
      auth.handler(
        new Request(`${APP}/api/auth/update-user`, {
          method: "POST",
          headers: { "content-type": "application/json", origin, cookie: app.header() },
          body: JSON.stringify({ name }),
        }),
      );
    const fromIdp = await rename(idp.issuer, "Renamed by IdP page");
    expect(fromIdp.status).toBe(403);
    expect(await fromIdp.json()).toMatchObject({ code: "INVALID_ORIGIN" });
    expect((await db.user.findUniqueOrThrow({ where: { email: "max@example.com" }, select: { name: true } })).name).not.toBe("Renamed by IdP page");
    expect((await rename(APP, "Max")).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email: "max@example.com" }, select: { name: true } })).name).toBe("Max");
  });

  it("sends nobody to the private IdP's origin after sign-in, and the IdP's pages cannot start one", async () => {
    for (const callbackURL of [`${idp.issuer}/x`, `${idp.issuer}`]) {
      const { res } = await startSsoSignIn(auth.handler, APP, "lin@example.com", undefined, callbackURL);
      expect(res.status, callbackURL).toBe(403);
      expect(await res.json()).toMatchObject({ code: "INVALID_CALLBACK_URL" });
    }
    const post = (origin: string, body: Record<string, string>) =>
      auth.handler(
        new Request(`${APP}/api/auth/sign-in/sso`, {
          method: "POST",
          headers: { "content-type": "application/json", origin },
          body: JSON.stringify({ email: "lin@example.com", callbackURL: "/account", ...body }),
        }),
      );
    expect((await post(APP, { errorCallbackURL: `${idp.issuer}/e` })).status).toBe(403);
    expect((await post(APP, { newUserCallbackURL: `${idp.issuer}/n` })).status).toBe(403);
    expect((await post(idp.issuer, {})).status).toBe(403);
    expect((await post(APP, { errorCallbackURL: "/sign-in/organisation" })).status).toBe(200);
  });

  it("users cannot register, change or verify providers through the plugin's own endpoints", async () => {
    for (const path of ["/sso/register", "/sso/update-provider", "/sso/delete-provider", "/sso/verify-domain"]) {
      const res = await auth.handler(
        new Request(`${APP}/api/auth${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: APP },
          body: JSON.stringify({ providerId: "mine", issuer: idp.issuer, domain: "example.com", oidcConfig: { clientId: "x", clientSecret: "y" } }),
        }),
      );
      expect(res.status, path).toBe(404);
    }
  });

  it("an address with no organisation finds no provider", async () => {
    const { res } = await startSsoSignIn(auth.handler, APP, "someone@unknown.example");
    expect(res.status).toBe(404);
  });

  it("refuses a callback with a forged state: no session", async () => {
    const res = await auth.handler(new Request(`${APP}/api/auth/sso/callback/org-acme?code=stolen&state=forged`));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/error=state_mismatch/);
    expect(res.headers.getSetCookie().some((c) => c.includes("session_token=") && !/max-age=0/i.test(c))).toBe(false);
  });

  it("refuses tokens from an issuer it never registered (its ID token names the wrong issuer)", async () => {
    // The stored endpoints now lead to the rogue provider (as a tampered row or a hijacked
    // endpoint would): it runs a perfect OIDC flow, but its ID token says iss=<rogue>.
    const row = await db.ssoProvider.findUniqueOrThrow({ where: { providerId: "org-acme" }, select: { oidcConfig: true } });
    const honest = row.oidcConfig!;
    const config = JSON.parse(honest) as Record<string, unknown>;
    const tampered = {
      ...config,
      authorizationEndpoint: `${rogue.issuer}/auth`,
      tokenEndpoint: `${rogue.issuer}/token`,
      jwksEndpoint: `${rogue.issuer}/jwks`,
      userInfoEndpoint: `${rogue.issuer}/me`,
    };
    await db.ssoProvider.update({ where: { providerId: "org-acme" }, data: { oidcConfig: JSON.stringify(tampered) } });
    const rogueAuth = createAuth({
      db,
      env: {
        ...loadEnv({ NODE_ENV: "test", APP_URL: APP, PORT: "3997", DATABASE_URL: "file:unused", SSO_PRIVATE_IDP_ORIGINS: `${idp.issuer},${rogue.issuer}` }),
        DATABASE_URL: process.env.TEST_DATABASE_URL ?? "file:./data/test.db",
      },
    });
    try {
      const outcome = await signInThroughOidc(rogueAuth.handler, APP, "kim@example.com", "kim@example.com");
      expect(outcome.location).toMatch(/error=invalid_provider/);
      expect(outcome.app.has("session_token")).toBe(false);
      expect(await db.user.findUnique({ where: { email: "kim@example.com" } })).toBeNull();
    } finally {
      await db.ssoProvider.update({ where: { providerId: "org-acme" }, data: { oidcConfig: honest } });
    }
  });
});

describe("a licence ending or a domain removed stops access at once", () => {
  it("licence ended: the SSO user and the domain user lose the course (playback, download)", async () => {
    const sso = await db.user.findUniqueOrThrow({ where: { email: "lin@example.com" }, select: { id: true } });
    const domainUser = await user("u-ending", "ending@example.com", true);
    const licence = await db.organisationLicence.findUniqueOrThrow({
      where: { organisationId_courseId: { organisationId: acmeId, courseId: PAID.id } },
      select: { id: true },
    });
    await endLicence({ db, actor: ADMIN }, { licenceId: licence.id });
    for (const v of [viewer(sso.id), domainUser]) {
      expect(await loadCourseEntitlement(db, v, PAID)).toEqual({ entitled: false, reason: "purchase-required" });
    }
    expect((await canUserDownloadCourse(db, sso.id, PAID)).allowed).toBe(false);
    await db.organisationLicence.update({ where: { id: licence.id }, data: { endsAt: farFuture } });
  });

  it("domain removed: nobody at it is covered any more, and the IdP finds nobody", async () => {
    const v = await user("u-removed", "removed@example.com", true);
    expect((await loadCourseEntitlement(db, v, PAID)).reason).toBe("organisation-licence");
    const domain = await db.organisationDomain.findUniqueOrThrow({ where: { domain: "example.com" }, select: { id: true } });
    await removeOrganisationDomain({ db, actor: ADMIN }, { domainId: domain.id });
    expect(await loadCourseEntitlement(db, v, PAID)).toEqual({ entitled: false, reason: "purchase-required" });
    const sso = await db.user.findUniqueOrThrow({ where: { email: "lin@example.com" }, select: { id: true } });
    expect(await loadCourseEntitlement(db, viewer(sso.id), PAID)).toEqual({ entitled: false, reason: "purchase-required" });
    expect((await startSsoSignIn(auth.handler, APP, "lin@example.com")).res.status).toBe(404);
  });
});
