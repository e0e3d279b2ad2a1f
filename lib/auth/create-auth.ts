import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import type { Db } from "../db";
import { databaseProvider, type TEnv } from "../env";
import { sendMail } from "../mail/send-mail";
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from "./sign-in-throttle";

export type TAuthDeps = {
  db: Db;
  env: Pick<TEnv, "APP_URL" | "PORT" | "LECTERN_SECRET" | "DATABASE_URL" | "SMTP_URL" | "MAIL_FROM" | "NODE_ENV">;
};

function clientIp(headers: Headers | undefined): string | null {
  const forwarded = headers?.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers?.get("x-real-ip") || null;
}

/**
 * Better Auth, configured for Lectern: e-mail + password, database sessions in HTTP-only
 * cookies, verification and reset mail through lib/mail, per-IP request limits (Better Auth)
 * plus per-account and per-IP sign-in lockout (sign-in-throttle.ts).
 * See docs/decisions/003-accounts-with-better-auth.md.
 */
export function createAuth({ db, env }: TAuthDeps) {
  const mail = (to: string, subject: string, text: string) => sendMail({ db, env }, { to, subject, text });
  const origins = new Set([env.APP_URL, `http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`]);

  return betterAuth({
    appName: "Lectern",
    baseURL: env.APP_URL,
    secret: env.LECTERN_SECRET,
    trustedOrigins: [...origins],
    database: prismaAdapter(db, { provider: databaseProvider(env.DATABASE_URL) === "postgres" ? "postgresql" : "sqlite" }),
    telemetry: { enabled: false },
    // Better Auth skips its Origin check when it detects a test runner; Lectern always checks,
    // so the tests exercise what production runs.
    advanced: { disableOriginCheck: false },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "learner", input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
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
        await mail(user.email, "Confirm your e-mail address", `Welcome to Lectern!\n\nConfirm your address: ${url}`);
      },
    },
    rateLimit: {
      enabled: env.NODE_ENV !== "test",
      storage: "database",
      window: 60,
      max: 120,
      customRules: {
        "/sign-up/email": { window: 60, max: 10 },
        "/request-password-reset": { window: 60, max: 5 },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        const retryAfter = await signInRetryAfter(db, { email, ip: clientIp(ctx.headers) });
        if (retryAfter > 0) {
          throw new APIError("TOO_MANY_REQUESTS", {
            message: `Too many sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
            code: "TOO_MANY_ATTEMPTS",
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        if (ctx.context.returned instanceof APIError) {
          if (ctx.context.returned.statusCode === 401) {
            await recordSignInFailure(db, { email, ip: clientIp(ctx.headers) });
          }
        } else if (ctx.context.newSession) {
          await clearSignInFailures(db, email);
        }
      }),
    },
    plugins: [nextCookies()],
  });
}

export type TAuth = ReturnType<typeof createAuth>;
