import { sso } from "@better-auth/sso";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "../db";
import { databaseProvider, splitOrigins, type TEnv } from "../env";
import { sendMail } from "../mail/send-mail";
import { ssoAddressAllowed } from "./sso-address-guard";
import { refuseIdpOriginOnSignIn, trustedOriginsFor } from "./idp-origins";
import { CLIENT_IP_HEADER, clientIp, requestWithClientIp } from "./client-ip";
import { clearAccountThrottle, clearSignInFailures, recordSignInFailure, signInRetryAfter } from "./sign-in-throttle";
import { EMAIL_MAX, ZUserName } from "./user-name";
import { PER_REQUEST_COOKIE, PER_REQUEST_COOKIE_OPTIONS } from "../viewer/per-request-cookie";

export type TAuthDeps = {
  db: Db;
  env: Pick<
    TEnv,
    "APP_URL" | "PORT" | "LECTERN_SECRET" | "DATABASE_URL" | "SMTP_URL" | "MAIL_FROM" | "NODE_ENV" | "TRUSTED_PROXY_HOPS" | "AUTH_RATE_LIMIT_SCALE" | "SSO_PRIVATE_IDP_ORIGINS"
  >;
};

/** @better-auth/sso's management endpoints: registration goes through /admin only. */
export const SSO_ADMIN_ONLY_PATHS = [
  "/sso/register",
  "/sso/update-provider",
  "/sso/delete-provider",
  "/sso/providers",
  "/sso/get-provider",
  "/sso/request-domain-verification",
  "/sso/verify-domain",
] as const;

/** How far a SAML IdP's clock may be from ours (assertion NotBefore / NotOnOrAfter). */
export const SAML_CLOCK_SKEW_MS = 2 * 60_000;

/** Endpoints that take a user's name from the request body. */
const NAME_PATHS = new Set(["/sign-up/email", "/update-user"]);

let warnedNoTrustedProxy = false;

/**
 * Better Auth, configured for Lectern: e-mail + password, database sessions in HTTP-only
 * cookies, verification and reset mail through lib/mail, per-client request limits (Better
 * Auth) plus failed-sign-in throttling (sign-in-throttle.ts), both keyed on the one client
 * address that client-ip.ts decides; sign-up that never tells whether an address is taken;
 * names checked against ZUserName.
 * See docs/decisions/003-accounts-with-better-auth.md.
 */
export function createAuth({ db, env }: TAuthDeps) {
  // Better Auth writes its user and token rows itself, outside any transaction we could join:
  // the closest we can come is queueing the mail (one fast insert) right after them, from its
  // callback; it is sent after the response (docs/decisions/010-mail-outbox.md).
  const mail = (to: string, subject: string, text: string) => sendMail({ db, env }, { to, subject, text });
  const origins = new Set([env.APP_URL, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`].map((o) => new URL(o).origin));
  const clientOf = (headers: Headers | undefined) => clientIp(headers, env.TRUSTED_PROXY_HOPS);
  if (env.NODE_ENV === "production" && env.TRUSTED_PROXY_HOPS === 0 && !warnedNoTrustedProxy) {
    warnedNoTrustedProxy = true;
    console.warn(
      "TRUSTED_PROXY_HOPS=0: sign-in and request limits key on the socket's peer address. Behind nginx (deploy/nginx) that is nginx itself: set TRUSTED_PROXY_HOPS=1.",
    );
  }

  const auth = betterAuth({
    appName: "Lectern",
    baseURL: env.APP_URL,
    secret: env.LECTERN_SECRET,
    // Private-network identity providers an operator listed (lib/env.ts): @better-auth/sso fetches
    // tokens and keys only from public hosts or trusted origins, but the same list also decides
    // the Origin (CSRF) check and return URLs, so they join it only on the SSO sign-in and
    // callback requests (idp-origins.ts, docs/decisions/015).
    trustedOrigins: trustedOriginsFor([...origins], splitOrigins(env.SSO_PRIVATE_IDP_ORIGINS)),
    // Providers are registered by admins in /admin/organisations (lib/organisations), never by
    // users through the plugin's own endpoints; these answer 404.
    disabledPaths: [...SSO_ADMIN_ONLY_PATHS],
    database: prismaAdapter(db, { provider: databaseProvider(env.DATABASE_URL) === "postgres" ? "postgresql" : "sqlite" }),
    telemetry: { enabled: false },
    // Better Auth skips its Origin check when it detects a test runner; Lectern always checks,
    // so the tests exercise what production runs.
    advanced: {
      disableOriginCheck: false,
      // Better Auth's own request limits key on the client that client-ip.ts decided (the
      // handler below sets this header, replacing any the client sent); without one they use
      // a single shared bucket. Its default, a one-value X-Forwarded-For, is client-chosen.
      // (With no trusted proxy the client is the socket's peer: lib/auth/client-ip.ts.)
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER], ipv6Subnet: 64 },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "learner", input: false },
      },
      // A new address takes effect when its owner follows the link sent to it (/account/settings);
      // an address that already has an account answers the same, and nothing changes.
      changeEmail: { enabled: true },
    },
    databaseHooks: {
      // An SSO callback creates or links only addresses at the provider's own domains.
      user: { create: { before: async (user, ctx) => ((await ssoAddressAllowed(user.email, ctx)) ? undefined : false) } },
      account: {
        create: { before: async (account, ctx) => ((await ssoAddressAllowed(undefined, ctx, account.userId)) ? undefined : false) },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      // Sign-up must answer an existing address exactly like a new one (ADR 003), which Better
      // Auth does only when sign-up does not sign in: the form signs in right after instead.
      autoSignIn: false,
      onExistingUserSignUp: async ({ user }) => {
        await mail(
          user.email,
          "Someone tried to sign up with your address",
          `Someone (perhaps you) tried to create a Lectern account with ${user.email}, which already has one. No new account was made and nothing was changed.\n\nIf it was you, sign in: ${env.APP_URL}/sign-in\nForgot your password? Reset it: ${env.APP_URL}/forgot-password\n\nIf it wasn't you, you can ignore this message.`,
        );
      },
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user }) => {
        await clearAccountThrottle(db, user.email);
      },
      resetPasswordTokenExpiresIn: 60 * 60,
      sendResetPassword: async ({ user, url }) => {
        await mail(
          user.email,
          "Reset your Lectern password",
          `Someone asked to reset the password of your Lectern account.\n\nChoose a new password: ${url}\n\nThe link works for one hour. If it wasn't you, ignore this message.`,
        );
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        await mail(
          user.email,
          "Confirm your e-mail address",
          `Confirm this address for your Lectern account: ${url}\n\nIf you did not sign up or ask to change your address, ignore this message: nothing changes.`,
        );
      },
    },
    rateLimit: {
      enabled: env.NODE_ENV !== "test",
      storage: "database",
      window: 60,
      max: 120 * env.AUTH_RATE_LIMIT_SCALE,
      customRules: {
        // Failed passwords are throttled by sign-in-throttle.ts; this only bounds the volume of
        // (scrypt-costly) attempts. The sign-up form signs in right after signing up.
        // AUTH_RATE_LIMIT_SCALE raises them for many people behind one address.
        "/sign-in/email": { window: 60, max: 20 * env.AUTH_RATE_LIMIT_SCALE },
        "/sign-up/email": { window: 60, max: 10 * env.AUTH_RATE_LIMIT_SCALE },
        "/request-password-reset": { window: 60, max: 5 * env.AUTH_RATE_LIMIT_SCALE },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        // Addresses are stored and mailed: none longer than SMTP allows (Better Auth has no cap).
        if (typeof ctx.body?.email === "string" && ctx.body.email.length > EMAIL_MAX) {
          throw new APIError("BAD_REQUEST", { message: `An e-mail address has at most ${EMAIL_MAX} characters.`, code: "INVALID_EMAIL" });
        }
        if (ctx.path === "/sign-in/sso") refuseIdpOriginOnSignIn(origins, env.APP_URL, ctx.headers, ctx.body);
        if (NAME_PATHS.has(ctx.path) && ctx.body && "name" in ctx.body) {
          const name = ZUserName.safeParse(ctx.body.name);
          if (!name.success) {
            throw new APIError("BAD_REQUEST", { message: name.error.issues[0]!.message, code: "INVALID_NAME" });
          }
          return { context: { body: { ...ctx.body, name: name.data } } };
        }
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const retryAfter = await signInRetryAfter(db, { email, ip: clientOf(ctx.headers) });
        if (retryAfter > 0) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
            code: "TOO_MANY_ATTEMPTS",
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        // An admin's pages render per request, not as the shared viewer shell (issue 12, ADR 019):
        // the hint is set with any new admin session and dropped on sign-out.
        const signedIn = ctx.context.newSession?.user as { role?: string } | undefined;
        if (signedIn?.role === "admin") ctx.setCookie(PER_REQUEST_COOKIE, "1", PER_REQUEST_COOKIE_OPTIONS);
        if (ctx.path === "/sign-out") ctx.setCookie(PER_REQUEST_COOKIE, "", { ...PER_REQUEST_COOKIE_OPTIONS, maxAge: 0 });
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        if (ctx.context.returned instanceof APIError) {
          if (ctx.context.returned.statusCode === 401) {
            await recordSignInFailure(db, { email, ip: clientOf(ctx.headers) });
          }
        } else if (ctx.context.newSession) {
          await clearSignInFailures(db, { email, ip: clientOf(ctx.headers) });
        }
      }),
    },
    plugins: [
      // "Sign in with your organisation" (issue 11): the plugin finds the provider by the work
      // e-mail's domain, runs OIDC (state, nonce, PKCE, issuer and audience checked by the
      // library) and provisions the account just in time. Only providers whose domains an admin
      // attested sign anyone in (domainVerified); the licence decision is lib/organisations.
      sso({
        providersLimit: 0,
        domainVerification: { enabled: true },
        fields: { organizationId: "organisationId" },
        // SAML (docs/decisions/015): without it samlify checks NotBefore/NotOnOrAfter with no
        // tolerance at all (an IdP whose clock runs a second ahead is refused) while the
        // plugin's own check allows 5 minutes; one explicit tolerance for both.
        saml: { clockSkew: SAML_CLOCK_SKEW_MS },
      }),
      // Last, as Better Auth asks: it sets the cookies of whatever the plugins before it answered.
      nextCookies(),
    ],
  });
  // Every request reaches Better Auth through this handler (route.ts, tests), so its limiter
  // sees the same client as the sign-in throttle.
  const betterAuthHandler = auth.handler;
  const handler = (request: Request) => betterAuthHandler(requestWithClientIp(request, env.TRUSTED_PROXY_HOPS));
  return Object.assign(auth, { handler });
}

export type TAuth = ReturnType<typeof createAuth>;
