import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { loadEnv } from "../env";
import { createTestDatabase } from "../../tests/support/test-db";
import { createAuth, type TAuth } from "./create-auth";
import { THROTTLE } from "./sign-in-throttle";

// Better Auth driven through its real HTTP handler (Request in, Response out) on a real
// database: sign-up, sign-in, lockout per account and per IP, password reset through the
// mail outbox, and messages that never reveal whether an address has an account.

const APP = "http://localhost:3999";
let db: Db;
let cleanup: () => Promise<void>;
let auth: TAuth;
let ipCounter = 0;

function post(path: string, body: unknown, ip = `10.0.0.${++ipCounter % 250}`) {
  return auth.handler(
    new Request(`${APP}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP, "x-forwarded-for": ip },
      body: JSON.stringify(body),
    }),
  );
}

async function signUp(email: string, password = "a-good-password") {
  const res = await post("/sign-up/email", { email, password, name: "Test" });
  expect(res.status).toBe(200);
  return res;
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  const env = loadEnv({ NODE_ENV: "test", APP_URL: APP, PORT: "3999", DATABASE_URL: "file:unused" });
  // The real database URL picks the adapter's provider.
  auth = createAuth({ db, env: { ...env, DATABASE_URL: process.env.TEST_DATABASE_URL ?? "file:./data/test.db" } });
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

describe("accounts", () => {
  it("signs up with a database session in an HTTP-only cookie and a hashed password", async () => {
    const res = await signUp("ada@example.com");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" }, select: { id: true, role: true } });
    expect(user.role).toBe("learner");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id }, select: { password: true } });
    expect(account.password).not.toContain("a-good-password");
    // A verification mail went through the mail module into the outbox.
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "ada@example.com" }, select: { subject: true } });
    expect(mail.subject).toMatch(/confirm/i);
  });

  it("cannot make itself an admin at sign-up", async () => {
    await post("/sign-up/email", { email: "mallory@example.com", password: "a-good-password", name: "M", role: "admin" });
    const user = await db.user.findUnique({ where: { email: "mallory@example.com" }, select: { role: true } });
    expect(user?.role ?? "learner").toBe("learner");
  });

  it("answers a wrong password and an unknown address the same way", async () => {
    await signUp("grace@example.com");
    const wrong = await post("/sign-in/email", { email: "grace@example.com", password: "wrong-password" });
    const unknown = await post("/sign-in/email", { email: "nobody@example.com", password: "wrong-password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe(((await unknown.json()) as { message: string }).message);
  });

  it(`locks an account after ${THROTTLE.maxPerAccount} failed sign-ins, from any IP`, async () => {
    await signUp("linus@example.com");
    for (let i = 0; i < THROTTLE.maxPerAccount; i++) {
      expect((await post("/sign-in/email", { email: "linus@example.com", password: `nope-${i}` })).status).toBe(401);
    }
    const locked = await post("/sign-in/email", { email: "linus@example.com", password: "a-good-password" });
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toMatch(/too many/i);
  });

  it(`throttles one IP after ${THROTTLE.maxPerIp} failures across accounts`, async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < THROTTLE.maxPerIp; i++) {
      expect((await post("/sign-in/email", { email: `guess-${i}@example.com`, password: "x".repeat(8) }, ip)).status).toBe(401);
    }
    expect((await post("/sign-in/email", { email: "other@example.com", password: "x".repeat(8) }, ip)).status).toBe(429);
    // Another IP is unaffected.
    expect((await post("/sign-in/email", { email: "other@example.com", password: "x".repeat(8) }, "192.0.2.78")).status).toBe(401);
  });

  it("resets a password through the link mailed to the outbox", async () => {
    await signUp("barbara@example.com", "old-password-1");
    const asked = await post("/request-password-reset", { email: "barbara@example.com", redirectTo: "/reset-password" });
    expect(asked.status).toBe(200);
    // Unknown addresses get the same answer and no mail.
    const unknown = await post("/request-password-reset", { email: "ghost@example.com", redirectTo: "/reset-password" });
    expect(unknown.status).toBe(200);
    expect(await db.outboxMessage.count({ where: { to: "ghost@example.com" } })).toBe(0);

    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: "barbara@example.com", subject: { contains: "Reset" } },
      select: { text: true },
    });
    const link = /https?:\/\/\S+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();
    const token = new URL(link!).pathname.split("/").pop()!;
    const reset = await post("/reset-password", { newPassword: "new-password-2", token });
    expect(reset.status).toBe(200);
    expect((await post("/sign-in/email", { email: "barbara@example.com", password: "old-password-1" })).status).toBe(401);
    expect((await post("/sign-in/email", { email: "barbara@example.com", password: "new-password-2" })).status).toBe(200);
    // The token is single-use.
    expect((await post("/reset-password", { newPassword: "third-password-3", token })).status).toBe(400);
  });

  it("refuses requests from a foreign origin (CSRF)", async () => {
    const res = await auth.handler(
      new Request(`${APP}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "https://evil.example", cookie: "x=1" },
        body: JSON.stringify({ email: "csrf@example.com", password: "a-good-password", name: "C" }),
      }),
    );
    expect(res.status).toBe(403);
  });
});
