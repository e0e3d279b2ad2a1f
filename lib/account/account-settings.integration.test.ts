import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { loadEnv } from "../env";
import { httpStatusOf as status } from "../../tests/support/http-status-of";
import { createTestDatabase } from "../../tests/support/test-db";
import { createAuth, type TAuth } from "../auth/create-auth";
import { deleteAccount } from "./delete-account";
import { exportAccountData } from "./export-account-data";

// The learner's account settings (issue 10) through Better Auth's real handler on a real
// database: a new e-mail address only after its link is followed, "Download my data" without
// secrets, and deleting an account that keeps its orders and nothing else.

const APP = "http://localhost:3998";
let db: Db;
let cleanup: () => Promise<void>;
let auth: TAuth;

function call(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}) {
  return auth.handler(
    new Request(`${APP}/api/auth${path}`, {
      method: init.method ?? "POST",
      headers: { "content-type": "application/json", origin: APP, ...(init.cookie ? { cookie: init.cookie } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      redirect: "manual",
    }),
  );
}
const cookieOf = (res: Response) =>
  (res.headers.get("set-cookie") ?? "").split(/,(?=\s*[\w.-]+=)/).map((c) => c.split(";")[0]!.trim()).join("; ");

async function account(email: string, password = "a-good-password") {
  expect((await call("/sign-up/email", { body: { email, password, name: "Settings Test" } })).status).toBe(200);
  const signedIn = await call("/sign-in/email", { body: { email, password } });
  expect(signedIn.status).toBe(200);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return { id: user.id, cookie: cookieOf(signedIn), password };
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  const env = loadEnv({ NODE_ENV: "test", APP_URL: APP, PORT: "3998", DATABASE_URL: "file:unused" });
  auth = createAuth({ db, env: { ...env, DATABASE_URL: process.env.TEST_DATABASE_URL ?? "file:./data/test.db" } });
  await db.course.create({ data: { id: "c1", slug: "c1", title: "Course", priceCents: 1000 } });
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

describe("changing the e-mail address", () => {
  it("changes it only when the link sent to the new address is followed", async () => {
    const me = await account("old@example.com");
    const asked = await call("/change-email", { body: { newEmail: "new@example.com", callbackURL: "/account/settings" }, cookie: me.cookie });
    expect(asked.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { email: true } })).email).toBe("old@example.com");
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: "new@example.com" }, select: { text: true } });
    const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
    const followed = await auth.handler(new Request(link, { headers: { cookie: me.cookie }, redirect: "manual" }));
    expect(followed.status).toBeLessThan(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { email: true } })).email).toBe("new@example.com");
  });

  it("answers an address that already has an account exactly alike, and changes nothing", async () => {
    const me = await account("mover@example.com");
    await account("taken@example.com");
    const mailBefore = await db.outboxMessage.count({ where: { to: "taken@example.com" } });
    const asked = await call("/change-email", { body: { newEmail: "taken@example.com" }, cookie: me.cookie });
    expect(asked.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { email: true } })).email).toBe("mover@example.com");
    // No link goes to the taken address (it would let someone take it over).
    expect(await db.outboxMessage.count({ where: { to: "taken@example.com" } })).toBe(mailBefore);
  });
});

describe("download my data", () => {
  it("has the account, orders, notes and progress, and no secret", async () => {
    const me = await account("export@example.com");
    await db.order.create({
      data: {
        number: "LEC-EXPORT-1", userId: me.id, courseId: "c1", status: "paid", currency: "USD", subtotalCents: 1000,
        totalCents: 1000, provider: "local", buyerName: "Settings Test", buyerEmail: "export@example.com",
        purchase: { create: { userId: me.id, courseId: "c1" } },
      },
    });
    const data = await exportAccountData(db, me.id);
    const text = JSON.stringify(data);
    expect(data.account.email).toBe("export@example.com");
    expect(data.orders.map((o) => o.number)).toEqual(["LEC-EXPORT-1"]);
    expect(data.purchases).toHaveLength(1);
    const session = await db.session.findFirstOrThrow({ where: { userId: me.id }, select: { token: true } });
    const hash = await db.account.findFirstOrThrow({ where: { userId: me.id }, select: { password: true } });
    expect(text).not.toContain(session.token);
    expect(text).not.toContain(hash.password!);
    expect(text).not.toMatch(/"password"|"token":/);
  });
});

describe("deleting the account", () => {
  const deps = () => ({ db, verifyPassword: (hash: string, password: string) => verifyPassword({ hash, password }) });

  it("asks for the address and the right password", async () => {
    const me = await account("careful@example.com");
    expect(await status(() => deleteAccount(deps(), me.id, { confirmEmail: "other@example.com", password: me.password }))).toBe(400);
    expect(await status(() => deleteAccount(deps(), me.id, { confirmEmail: "careful@example.com" }))).toBe(400);
    expect(await status(() => deleteAccount(deps(), me.id, { confirmEmail: "careful@example.com", password: "wrong-password" }))).toBe(403);
    expect(await status(() => deleteAccount(deps(), me.id, { confirmEmail: "careful@example.com", password: 7 }))).toBe(400);
    expect(await db.user.count({ where: { email: "careful@example.com" } })).toBe(1);
  });

  it("keeps the orders and removes everything else; the old password signs nobody in", async () => {
    const me = await account("leaving@example.com");
    await db.order.create({
      data: {
        number: "LEC-LEAVE-1", userId: me.id, courseId: "c1", status: "paid", currency: "USD", subtotalCents: 1000,
        totalCents: 1000, provider: "local", buyerName: "Settings Test", buyerEmail: "leaving@example.com",
      },
    });
    await db.userPreference.create({ data: { userId: me.id } });
    await deleteAccount(deps(), me.id, { confirmEmail: "Leaving@Example.com", password: me.password });

    const user = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { name: true, email: true } });
    expect(user.name).toBe("Deleted account");
    expect(user.email).not.toContain("leaving");
    expect(await db.session.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.account.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.userPreference.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: "leaving@example.com" } })).toBe(0);
    expect(await db.order.count({ where: { number: "LEC-LEAVE-1", userId: me.id } })).toBe(1);
    expect((await call("/sign-in/email", { body: { email: "leaving@example.com", password: me.password } })).status).toBe(401);
    // The session cookie it had is worthless now.
    const session = await call("/get-session", { method: "GET", cookie: me.cookie });
    expect(await session.json()).toBeNull();
  });

  it("refuses to delete the only admin", async () => {
    const me = await account("onlyadmin@example.com");
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "learner" } });
    await db.user.update({ where: { id: me.id }, data: { role: "admin" } });
    expect(await status(() => deleteAccount(deps(), me.id, { confirmEmail: "onlyadmin@example.com", password: me.password }))).toBe(409);
  });
});
