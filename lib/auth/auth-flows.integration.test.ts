import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { loadEnv } from "../env";
import { createTestDatabase } from "../../tests/support/test-db";
import { createAuth, type TAuth } from "./create-auth";
import { recordSignInFailure, THROTTLE } from "./sign-in-throttle";

// Better Auth driven through its real HTTP handler (Request in, Response out) on a real
// database: sign-up, sign-in, throttling per (account, client), per client and per account,
// the client address behind a trusted proxy, password reset through the mail outbox, and
// messages that never reveal whether an address has an account.

const APP = "http://localhost:3999";
let db: Db;
let cleanup: () => Promise<void>;
/** Behind one trusted proxy (TRUSTED_PROXY_HOPS=1): the rightmost X-Forwarded-For is the client. */
let auth: TAuth;
let ipCounter = 0;

function makeAuth(vars: Record<string, string> = {}): TAuth {
  const env = loadEnv({ NODE_ENV: "test", APP_URL: APP, PORT: "3999", DATABASE_URL: "file:unused", ...vars });
  // The real database URL picks the adapter's provider.
  return createAuth({ db, env: { ...env, DATABASE_URL: process.env.TEST_DATABASE_URL ?? "file:./data/test.db" } });
}

function send(instance: TAuth, path: string, body: unknown, headers: Record<string, string>) {
  return instance.handler(
    new Request(`${APP}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP, ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** A request that reached the app through the trusted proxy from client `ip`. */
function post(path: string, body: unknown, ip = `10.0.0.${++ipCounter % 250}`, headers: Record<string, string> = {}) {
  return send(auth, path, body, { "x-forwarded-for": ip, ...headers });
}

async function signUp(email: string, password = "a-good-password") {
  const res = await post("/sign-up/email", { email, password, name: "Test" });
  expect(res.status).toBe(200);
  return res;
}

async function signIn(email: string, password: string, ip?: string) {
  return post("/sign-in/email", { email, password }, ip);
}

function sessionCookie(res: Response): string {
  return (res.headers.get("set-cookie") ?? "").split(/,(?=\s*[\w.-]+=)/).map((c) => c.split(";")[0]!.trim()).join("; ");
}

async function resetPassword(email: string, newPassword: string) {
  expect((await post("/request-password-reset", { email, redirectTo: "/reset-password" })).status).toBe(200);
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { to: email, subject: { contains: "Reset" } },
    orderBy: { createdAt: "desc" },
    select: { text: true },
  });
  const token = new URL(/https?:\/\/\S+/.exec(mail.text)![0]).pathname.split("/").pop()!;
  return { token, res: await post("/reset-password", { newPassword, token }) };
}

async function throttleKeys(): Promise<string[]> {
  return (await db.signInThrottle.findMany({ select: { key: true } })).map((r) => r.key);
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  auth = makeAuth({ TRUSTED_PROXY_HOPS: "1" });
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

describe("accounts", () => {
  it("signs up without a session (so it can answer an existing address alike), then signs in with an HTTP-only cookie", async () => {
    const res = await signUp("ada@example.com");
    expect(res.headers.get("set-cookie") ?? "").not.toMatch(/session_token=/);
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" }, select: { id: true, role: true } });
    expect(user.role).toBe("learner");
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id }, select: { password: true } });
    expect(account.password).not.toContain("a-good-password");
    // A verification mail went through the mail module into the outbox.
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "ada@example.com" }, select: { subject: true } });
    expect(mail.subject).toMatch(/confirm/i);

    const signedIn = await signIn("ada@example.com", "a-good-password");
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/session_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("cannot make itself an admin at sign-up", async () => {
    await post("/sign-up/email", { email: "mallory@example.com", password: "a-good-password", name: "M", role: "admin" });
    const user = await db.user.findUnique({ where: { email: "mallory@example.com" }, select: { role: true } });
    expect(user?.role ?? "learner").toBe("learner");
  });

  it("answers a wrong password and an unknown address the same way", async () => {
    await signUp("grace@example.com");
    const wrong = await signIn("grace@example.com", "wrong-password");
    const unknown = await signIn("nobody@example.com", "wrong-password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(((await wrong.json()) as { message: string }).message).toBe(((await unknown.json()) as { message: string }).message);
  });

  it("resets a password through the link mailed to the outbox", async () => {
    await signUp("barbara@example.com", "old-password-1");
    // Unknown addresses get the same answer and no mail.
    const unknown = await post("/request-password-reset", { email: "ghost@example.com", redirectTo: "/reset-password" });
    expect(unknown.status).toBe(200);
    expect(await db.outboxMessage.count({ where: { to: "ghost@example.com" } })).toBe(0);

    const { token, res } = await resetPassword("barbara@example.com", "new-password-2");
    expect(res.status).toBe(200);
    expect((await signIn("barbara@example.com", "old-password-1")).status).toBe(401);
    expect((await signIn("barbara@example.com", "new-password-2")).status).toBe(200);
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

describe("sign-in throttling (OWASP: per account+client, per client, per account with a higher bar)", () => {
  it(`an attacker's ${THROTTLE.maxPerPair} wrong passwords lock only the attacker out of that account`, async () => {
    await signUp("linus@example.com");
    const attacker = "198.51.100.10";
    for (let i = 0; i < THROTTLE.maxPerPair; i++) {
      expect((await signIn("linus@example.com", `nope-${i}`, attacker)).status).toBe(401);
    }
    // The attacker stays throttled on this account, even with the right password…
    const locked = await signIn("linus@example.com", "a-good-password", attacker);
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { message: string }).message).toMatch(/too many/i);
    // …while the owner, from another address, signs in.
    expect((await signIn("linus@example.com", "a-good-password", "203.0.113.20")).status).toBe(200);
  });

  it(`an attacker's ${THROTTLE.maxPerClient} failures across accounts throttle that client, not the owners`, async () => {
    await signUp("ken@example.com");
    const attacker = "198.51.100.11";
    for (let i = 0; i < THROTTLE.maxPerClient; i++) {
      const email = i < THROTTLE.maxPerPair - 1 ? "ken@example.com" : `guess-${i}@example.com`;
      expect((await signIn(email, "x".repeat(8), attacker)).status).toBe(401);
    }
    expect((await signIn("someone-else@example.com", "x".repeat(8), attacker)).status).toBe(429);
    // Another client is unaffected, and the owner signs in.
    expect((await signIn("someone-else@example.com", "x".repeat(8), "198.51.100.12")).status).toBe(401);
    expect((await signIn("ken@example.com", "a-good-password", "203.0.113.21")).status).toBe(200);
  });

  it("many clients together lock the account; a password reset lifts it", async () => {
    await signUp("dennis@example.com", "old-password-1");
    for (let i = 0; i < THROTTLE.maxPerAccount; i++) {
      const ip = `192.0.2.${Math.floor(i / (THROTTLE.maxPerPair - 1)) + 1}`;
      expect((await signIn("dennis@example.com", `nope-${i}`, ip)).status).toBe(401);
    }
    expect((await signIn("dennis@example.com", "old-password-1", "203.0.113.22")).status).toBe(429);
    const { res } = await resetPassword("dennis@example.com", "new-password-2");
    expect(res.status).toBe(200);
    expect((await signIn("dennis@example.com", "new-password-2", "203.0.113.22")).status).toBe(200);
  });

  it("a new leftmost X-Forwarded-For per request does not escape the per-client limit", async () => {
    const proxyPeer = "198.51.100.13";
    for (let i = 0; i < THROTTLE.maxPerClient; i++) {
      const xff = `10.9.${i}.1, ${proxyPeer}`;
      expect((await signIn(`spray-${i}@example.com`, "x".repeat(8), xff)).status).toBe(401);
    }
    expect((await signIn("spray-last@example.com", "x".repeat(8), `10.9.250.1, ${proxyPeer}`)).status).toBe(429);
  });

  it("stores only valid, normalised addresses as keys", async () => {
    await signIn("keys@example.com", "x".repeat(8), "<script>, not-an-ip");
    await signIn("keys@example.com", "x".repeat(8), "2001:DB8:1:2:aaaa::1");
    const keys = (await throttleKeys()).filter((k) => k.includes("keys@example.com") || !k.includes("@"));
    expect(keys.join("\n")).not.toMatch(/script|not-an-ip/);
    expect(keys).toContain("pair:keys@example.com|unknown");
    // IPv6 clients are keyed by their /64: one host can use the whole prefix.
    expect(keys).toContain("pair:keys@example.com|2001:db8:1:2::/64");
  });

  it("deletes throttle rows whose window has passed", async () => {
    const longAgo = new Date(Date.now() - 2 * THROTTLE.windowMs - THROTTLE.lockMs);
    await recordSignInFailure(db, { email: "old@example.com", ip: "192.0.2.200" }, longAgo);
    expect((await throttleKeys()).filter((k) => k.includes("old@example.com"))).toHaveLength(2);
    await signIn("new@example.com", "x".repeat(8), "192.0.2.201");
    expect((await throttleKeys()).filter((k) => k.includes("old@example.com") || k.endsWith("192.0.2.200"))).toEqual([]);
  });

  it("without a trusted proxy, forwarded headers are ignored and clients share one bucket", async () => {
    const direct = makeAuth({ TRUSTED_PROXY_HOPS: "0" });
    // Earlier tests put unidentified clients into the shared bucket too; start it afresh.
    await db.signInThrottle.deleteMany({ where: { key: { endsWith: "|unknown" } } });
    await db.signInThrottle.deleteMany({ where: { key: "ip:unknown" } });
    for (let i = 0; i < THROTTLE.maxPerClient; i++) {
      const res = await send(direct, "/sign-in/email", { email: `direct-${i}@example.com`, password: "x".repeat(8) }, {
        "x-forwarded-for": `10.8.${i}.1`,
      });
      expect(res.status).toBe(401);
    }
    const res = await send(direct, "/sign-in/email", { email: "direct-last@example.com", password: "x".repeat(8) }, {
      "x-forwarded-for": "10.8.250.1",
    });
    expect(res.status).toBe(429);
    expect((await throttleKeys()).filter((k) => k.includes("10.8."))).toEqual([]);
  });
});

describe("Better Auth's request limits use the same client address", () => {
  let limited: TAuth;
  beforeAll(() => {
    // Better Auth's limiter is off under NODE_ENV=test; these tests switch it on.
    limited = makeAuth({ TRUSTED_PROXY_HOPS: "1", NODE_ENV: "production", LECTERN_SECRET: "x".repeat(40) });
  });

  it("a spoofed leftmost X-Forwarded-For does not buy more password-reset mail", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await send(limited, "/request-password-reset", { email: "victim@example.com", redirectTo: "/reset-password" }, {
        "x-forwarded-for": `10.7.${i}.1, 198.51.100.30`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    // Another client still may.
    const other = await send(limited, "/request-password-reset", { email: "victim@example.com", redirectTo: "/reset-password" }, {
      "x-forwarded-for": "198.51.100.31",
    });
    expect(other.status).toBe(200);
    const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.join("\n")).not.toMatch(/10\.7\./);
  });

  it("without a trusted proxy, a client-chosen X-Forwarded-For does not buy more password-reset mail", async () => {
    const direct = makeAuth({ TRUSTED_PROXY_HOPS: "0", NODE_ENV: "production", LECTERN_SECRET: "x".repeat(40) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await send(direct, "/request-password-reset", { email: "victim@example.com", redirectTo: "/reset-password" }, {
        "x-forwarded-for": `10.6.${i}.1`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.join("\n")).not.toMatch(/10\.6\./);
  });
});

describe("sign-up never tells whether an address has an account", () => {
  it("answers an existing address exactly like a new one and mails the owner instead", async () => {
    await signUp("owner@example.com", "owners-password");
    const before = await db.outboxMessage.count({ where: { to: "owner@example.com" } });

    const fresh = await post("/sign-up/email", { email: "newcomer@example.com", password: "a-good-password", name: "N" });
    const taken = await post("/sign-up/email", { email: "owner@example.com", password: "a-good-password", name: "N" });
    expect(taken.status).toBe(fresh.status);
    expect(taken.status).toBe(200);
    const shape = (body: unknown): unknown =>
      body && typeof body === "object" && !Array.isArray(body)
        ? Object.fromEntries(Object.entries(body).map(([k, v]) => [k, shape(v)]).sort())
        : typeof body;
    expect(shape(await taken.json())).toEqual(shape(await fresh.json()));
    expect(taken.headers.get("set-cookie")).toBe(fresh.headers.get("set-cookie"));

    // The owner hears about it; the account is untouched.
    const mails = await db.outboxMessage.findMany({ where: { to: "owner@example.com" }, select: { subject: true, text: true } });
    expect(mails).toHaveLength(before + 1);
    const notice = mails.find((m) => /sign up/i.test(m.subject))!;
    expect(notice.text).toMatch(/sign in/i);
    expect(notice.text).toMatch(/reset/i);
    expect((await signIn("owner@example.com", "owners-password")).status).toBe(200);
    expect((await signIn("owner@example.com", "a-good-password", "203.0.113.40")).status).toBe(401);
  });
});

describe("user names are limited at the API", () => {
  it("refuses an over-long name or control characters with a clear 400, and trims", async () => {
    const long = await post("/sign-up/email", { email: "long@example.com", password: "a-good-password", name: "x".repeat(200_000) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { message: string }).message).toMatch(/name/i);
    expect(await db.user.count({ where: { email: "long@example.com" } })).toBe(0);

    const control = await post("/sign-up/email", { email: "ctl@example.com", password: "a-good-password", name: "Eve\u0000\nRoot" });
    expect(control.status).toBe(400);
    const blank = await post("/sign-up/email", { email: "blank@example.com", password: "a-good-password", name: "   " });
    expect(blank.status).toBe(400);

    const longEmail = await post("/sign-up/email", { email: `${"a".repeat(5000)}@example.com`, password: "a-good-password", name: "Long" });
    expect(longEmail.status).toBe(400);
    expect(await db.user.count({ where: { name: "Long" } })).toBe(0);

    expect((await post("/sign-up/email", { email: "trim@example.com", password: "a-good-password", name: "  Ada L.  " })).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email: "trim@example.com" }, select: { name: true } })).name).toBe("Ada L.");
  });

  it("refuses an over-long name when a user renames themselves", async () => {
    await signUp("rename@example.com");
    const cookie = sessionCookie(await signIn("rename@example.com", "a-good-password"));
    const res = await post("/update-user", { name: "y".repeat(101) }, undefined, { cookie });
    expect(res.status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { email: "rename@example.com" }, select: { name: true } })).name).toBe("Test");
    expect((await post("/update-user", { name: "Renamed" }, undefined, { cookie })).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { email: "rename@example.com" }, select: { name: true } })).name).toBe("Renamed");
  });
});
