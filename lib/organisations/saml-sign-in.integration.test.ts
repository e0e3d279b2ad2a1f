import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { loadEnv } from "../env";
import { createTestDatabase } from "../../tests/support/test-db";
import { createLicensedOrganisation } from "../../tests/support/organisations";
import { loginAtIdp, postToAcs, signInThroughSaml, startSamlSignIn } from "../../tests/support/saml-flow";
import { makeSigningKey, startSamlIdp, type TSamlIdp } from "../../e2e/support/saml-idp";
import { createAuth, SAML_CLOCK_SKEW_MS, type TAuth } from "../auth/create-auth";
import { loadCourseEntitlement } from "../access/load-course-entitlement";
import { providerIdOf } from "./sso-provider-store";
import { registerSamlProvider, samlServiceProviderOf } from "./register-saml-provider";

// SAML 2.0 single sign-on against a real database and a REAL SAML identity provider (samlify's
// IdentityProvider on 127.0.0.1 signing with a key made at start, e2e/support/saml-idp.ts),
// through Better Auth's real handler: registration from the admin's input, the journey with a
// just-in-time account that the organisation's licence covers, and the refusals. Which check
// refuses each forgery is named in its test (the library's, or ours) — docs/decisions/015.

const APP = "http://127.0.0.1:3996";
const PAID = { id: "c-saml-licensed", priceCents: 5999 };
const ADMIN = { id: "admin", email: "admin@lectern.test" };
const SLUG = "globex";
const DOMAIN = "globex.example";
const SP = samlServiceProviderOf(APP, providerIdOf(SLUG));

let db: Db;
let cleanup: () => Promise<void>;
let idp: TSamlIdp;
let rogue: TSamlIdp;
let auth: TAuth;
let globexId: string;

const deps = () => ({ db, actor: ADMIN, appUrl: APP });
const idpOrigin = () => new URL(idp.ssoUrl).origin;
/** Sent back with an error (the library's words in the URL), and no session cookie set. */
const refused = (outcome: { location: string; app: { has(p: string): boolean } }, because: RegExp) => {
  expect(outcome.location).toMatch(/[?&]error=/);
  expect(decodeURIComponent(outcome.location.replace(/\+/g, " "))).toMatch(because);
  expect(outcome.app.has("session_token")).toBe(false);
};

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  idp = await startSamlIdp({ sp: { entityId: SP.entityId, acsUrl: SP.acsUrl } });
  // Another real IdP the app never registered: its own entity id and key.
  rogue = await startSamlIdp({ sp: { entityId: SP.entityId, acsUrl: SP.acsUrl } });
  const env = loadEnv({ NODE_ENV: "test", APP_URL: APP, PORT: "3996", DATABASE_URL: "file:unused" });
  auth = createAuth({ db, env: { ...env, DATABASE_URL: process.env.TEST_DATABASE_URL ?? "file:./data/test.db" } });
  await db.course.create({ data: { id: PAID.id, slug: PAID.id, title: PAID.id, priceCents: PAID.priceCents } });
  await db.user.create({ data: { id: ADMIN.id, name: "Admin", email: ADMIN.email, role: "admin", emailVerified: true } });
  ({ organisationId: globexId } = await createLicensedOrganisation(db, {
    slug: SLUG,
    domains: [DOMAIN],
    courseIds: [PAID.id],
    endsAt: new Date("2099-01-01T00:00:00Z"),
  }));
}, 120_000);

afterAll(async () => {
  await idp?.close();
  await rogue?.close();
  await cleanup?.();
});

describe("registering an organisation's SAML identity provider (admin)", () => {
  it("refuses what would only fail at sign-in: garbage metadata, a certificate that is not one, no domain yet", async () => {
    await expect(registerSamlProvider(deps(), { organisationId: globexId, metadata: "<html>not metadata</html>" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { field: "metadata" },
    });
    await expect(
      registerSamlProvider(deps(), { organisationId: globexId, entityId: idp.entityId, entryPoint: idp.ssoUrl, certificate: "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/not an X\.509 certificate/) });
    const bare = await db.organisation.create({ data: { slug: "bare-saml", name: "Bare" }, select: { id: true } });
    await expect(registerSamlProvider(deps(), { organisationId: bare.id, metadata: idp.metadata })).rejects.toMatchObject({
      message: expect.stringMatching(/domain first/),
    });
  });

  it("registers from the entity id, sign-in URL and certificate typed in", async () => {
    const { providerId, entityId } = await registerSamlProvider(deps(), {
      organisationId: globexId,
      entityId: idp.entityId,
      entryPoint: idp.ssoUrl,
      certificate: idp.certificate,
    });
    expect({ providerId, entityId }).toEqual({ providerId: "org-globex", entityId: idp.entityId });
    const row = await db.ssoProvider.findUniqueOrThrow({ where: { providerId }, select: { domain: true, domainVerified: true, samlConfig: true, oidcConfig: true } });
    expect(row).toMatchObject({ domain: DOMAIN, domainVerified: true, oidcConfig: null });
    expect(JSON.parse(row.samlConfig!)).toMatchObject({ wantAssertionsSigned: true, audience: SP.entityId, spMetadata: { entityID: SP.entityId } });
  });

  it("registers from the IdP's metadata XML (replacing the first registration), audited with the certificate's fingerprint", async () => {
    await registerSamlProvider(deps(), { organisationId: globexId, metadata: idp.metadata });
    const row = await db.ssoProvider.findUniqueOrThrow({ where: { providerId: "org-globex" }, select: { issuer: true, samlConfig: true } });
    expect(row.issuer).toBe(idp.entityId);
    expect(JSON.parse(row.samlConfig!)).toMatchObject({ entryPoint: idp.ssoUrl, idpMetadata: { metadata: idp.metadata } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "organisation.sso.update" }, select: { after: true } });
    expect(audit.after).toContain('"protocol":"saml"');
    expect(audit.after).toMatch(/"certificateSha256":"([0-9A-F]{2}:){31}[0-9A-F]{2}"/);
  });

  it("the app publishes its service-provider metadata for the IdP's administrator", async () => {
    const res = await auth.handler(new Request(SP.metadataUrl));
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain(`entityID="${SP.entityId.replace(/&/g, "&amp;")}"`);
    expect(xml).toContain(`Location="${SP.acsUrl}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
  });
});

describe("signing in through the organisation's SAML identity provider", () => {
  it("provisions a new person just in time, and their organisation's licence covers them", async () => {
    const outcome = await signInThroughSaml(auth.handler, APP, idp.ssoUrl, `lin@${DOMAIN}`, `lin@${DOMAIN}`);
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/account");
    expect(outcome.app.has("session_token")).toBe(true);
    const created = await db.user.findUniqueOrThrow({
      where: { email: `lin@${DOMAIN}` },
      select: { id: true, emailVerified: true, accounts: { select: { providerId: true, accountId: true } } },
    });
    expect(created.accounts).toEqual([{ providerId: "org-globex", accountId: `lin@${DOMAIN}` }]);
    expect(created.emailVerified).toBe(false);
    expect(await loadCourseEntitlement(db, { kind: "user", userId: created.id, role: "learner" }, PAID)).toEqual({
      entitled: true,
      reason: "organisation-licence",
    });
  });

  it("signs the same person in again (a second, fresh assertion) into the same account", async () => {
    const outcome = await signInThroughSaml(auth.handler, APP, idp.ssoUrl, `lin@${DOMAIN}`, `lin@${DOMAIN}`);
    expect(outcome.app.has("session_token")).toBe(true);
    expect(await db.user.count({ where: { email: `lin@${DOMAIN}` } })).toBe(1);
  });
});

describe("forged, altered or misdirected responses are refused: no session, no account", () => {
  /** A sign-in started by the app for `email`; the IdP's answer is then made by the test. */
  async function answer(email: string, make: (requestId: string) => Promise<string>, from = idpOrigin()) {
    const request = await startSamlSignIn(auth.handler, APP, email);
    const samlResponse = await make(request.requestId);
    const outcome = await postToAcs(auth.handler, SP.acsUrl, { samlResponse, relayState: request.relayState }, from, request.app);
    return outcome;
  }
  const noUser = async (email: string) => expect(await db.user.findUnique({ where: { email } })).toBeNull();

  it("control: the same steps with the IdP's honest answer sign in (so each refusal below is the one change it makes)", async () => {
    const outcome = await answer(`control@${DOMAIN}`, (inResponseTo) => idp.respond({ inResponseTo, email: `control@${DOMAIN}` }));
    expect(outcome.location).toBe("/account");
    expect(outcome.app.has("session_token")).toBe(true);
  });

  it("an unsigned assertion (library: samlify finds no signature to verify)", async () => {
    const email = `unsigned@${DOMAIN}`;
    refused(await answer(email, (inResponseTo) => idp.respond({ inResponseTo, email, sign: "none" })), /Invalid SAML response/);
    await noUser(email);
  });

  it("a signed envelope around an unsigned assertion (library: wantAssertionsSigned, the assertion's own signature)", async () => {
    const email = `envelope@${DOMAIN}`;
    refused(await answer(email, (inResponseTo) => idp.respond({ inResponseTo, email, sign: "response" })), /assertion signature is required/);
    await noUser(email);
  });

  it("an assertion signed with another key under the registered IdP's name (library: signature against the registered certificate)", async () => {
    const email = `wrongkey@${DOMAIN}`;
    const otherKey = makeSigningKey("Not the registered IdP");
    refused(await answer(email, (inResponseTo) => idp.respond({ inResponseTo, email, signingKey: otherKey })), /Invalid SAML response/);
    await noUser(email);
  });

  it("a response for another service provider's audience (library: AudienceRestriction)", async () => {
    const email = `audience@${DOMAIN}`;
    refused(await answer(email, (inResponseTo) => idp.respond({ inResponseTo, email, audience: "https://other-app.example/saml" })), /audience does not match/);
    await noUser(email);
  });

  it("an expired assertion: issued an hour ago, valid five minutes (library: NotOnOrAfter, with our 2 min tolerance)", async () => {
    const email = `expired@${DOMAIN}`;
    const anHourAgo = new Date(Date.now() - 60 * 60_000);
    refused(await answer(email, (inResponseTo) => idp.respond({ inResponseTo, email, issuedAt: anHourAgo })), /Invalid SAML response/);
    await noUser(email);
  });

  it("an assertion from an IdP whose clock runs ahead: within SAML_CLOCK_SKEW_MS it counts, past it it is not yet valid (library, our tolerance)", async () => {
    const ahead = `ahead@${DOMAIN}`;
    const inSkew = await answer(ahead, (inResponseTo) => idp.respond({ inResponseTo, email: ahead, issuedAt: new Date(Date.now() + SAML_CLOCK_SKEW_MS / 2) }));
    expect(inSkew.location).toBe("/account");
    const future = `future@${DOMAIN}`;
    const tenMinutes = new Date(Date.now() + 10 * 60_000);
    refused(await answer(future, (inResponseTo) => idp.respond({ inResponseTo, email: future, issuedAt: tenMinutes })), /Invalid SAML response/);
    await noUser(future);
  });

  it("a replayed assertion: the same valid response posted twice signs in once (library: InResponseTo consumed, assertion ID reserved)", async () => {
    const email = `replay@${DOMAIN}`;
    const request = await startSamlSignIn(auth.handler, APP, email);
    const form = await loginAtIdp(idp.ssoUrl, request, email);
    const first = await postToAcs(auth.handler, form.acsUrl, form, idpOrigin());
    expect(first.app.has("session_token")).toBe(true);
    const sessions = await db.session.count({ where: { user: { email } } });
    const again = await postToAcs(auth.handler, form.acsUrl, form, idpOrigin());
    refused(again, /Unknown or expired request ID/);
    expect(await db.session.count({ where: { user: { email } } })).toBe(sessions);
  });

  it("an unsolicited response, with no AuthnRequest behind it (library: IdP-initiated sign-in is off)", async () => {
    const email = `unsolicited@${DOMAIN}`;
    refused(await postToAcs(auth.handler, SP.acsUrl, { samlResponse: await idp.respond({ email }) }, idpOrigin()), /IdP-initiated SSO not allowed/);
    await noUser(email);
  });

  it("a response from an identity provider nobody registered, with its own key and name (library: issuer and signature)", async () => {
    const email = `rogue@${DOMAIN}`;
    refused(await answer(email, (inResponseTo) => rogue.respond({ inResponseTo, email }), new URL(rogue.ssoUrl).origin), /Invalid SAML response/);
    await noUser(email);
  });

  it("an unregistered issuer name signed with the registered key (library: samlify's issuer check)", async () => {
    const email = `issuer@${DOMAIN}`;
    refused(await answer(email, (inResponseTo) => idp.respond({ inResponseTo, email, issuer: rogue.entityId })), /Invalid SAML response/);
    await noUser(email);
  });

  it("a valid assertion for an address outside the organisation's domains (ours: lib/auth/sso-address-guard.ts)", async () => {
    const request = await startSamlSignIn(auth.handler, APP, `ops@${DOMAIN}`);
    refused(await postToAcs(auth.handler, SP.acsUrl, { samlResponse: await idp.respond({ inResponseTo: request.requestId, email: "victim@gmail.com" }), relayState: request.relayState }, idpOrigin(), request.app), /unable_to_create_user/);
    await noUser("victim@gmail.com");
  });

  it("the ACS takes the IdP's cross-site POST, but that origin gains nothing elsewhere (update-user → 403)", async () => {
    const outcome = await signInThroughSaml(auth.handler, APP, idp.ssoUrl, `max@${DOMAIN}`, `max@${DOMAIN}`);
    expect(outcome.app.has("session_token")).toBe(true);
    const res = await auth.handler(
      new Request(`${APP}/api/auth/update-user`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: idpOrigin(), cookie: outcome.app.header() },
        body: JSON.stringify({ name: "Renamed by the IdP's page" }),
      }),
    );
    expect(res.status).toBe(403);
    const signIn = await auth.handler(
      new Request(`${APP}/api/auth/sign-in/sso`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: idpOrigin() },
        body: JSON.stringify({ email: `max@${DOMAIN}`, callbackURL: "/account" }),
      }),
    );
    expect(signIn.status).toBe(403);
    // The exemption is Better Auth's skipOriginCheck for the ACS and SLO paths only, matched on
    // the parsed URL: a path that climbs out of it is the other route, and checked as such.
    for (const sneaky of ["/api/auth/sso/saml2/sp/acs/org-globex/../../../../../update-user", "/api/auth/sso/saml2/sp/acs/%2e%2e/%2e%2e/%2e%2e/%2e%2e/update-user"]) {
      const res = await auth.handler(
        new Request(`${APP}${sneaky}`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: idpOrigin(), cookie: outcome.app.header() },
          body: JSON.stringify({ name: "Renamed by the IdP's page" }),
        }),
      );
      expect(res.status, sneaky).toBe(403);
    }
    expect((await db.user.findUniqueOrThrow({ where: { email: `max@${DOMAIN}` }, select: { name: true } })).name).not.toBe("Renamed by the IdP's page");
  });
});
