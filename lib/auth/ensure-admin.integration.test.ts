import { verifyPassword } from "better-auth/crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { createTestDatabase } from "../../tests/support/test-db";
import { ensureAdmin } from "./ensure-admin";

// The seed's admin step (prisma/seed.ts) on a real database: it creates the admin once, never
// changes an admin's password afterwards, and never promotes an account with a password that
// someone other than the mailbox's owner may have chosen.

let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

async function credentialHash(email: string): Promise<string> {
  const account = await db.account.findFirstOrThrow({
    where: { user: { email }, providerId: "credential" },
    select: { password: true },
  });
  return account.password!;
}

async function learner(email: string, emailVerified: boolean): Promise<string> {
  const id = `u-${email.replace(/\W/g, "")}`;
  await db.user.create({ data: { id, email, name: "Someone", emailVerified }, select: { id: true } });
  await db.account.create({
    data: { id: `a-${id}`, userId: id, accountId: id, providerId: "credential", password: "their-own-hash" },
    select: { id: true },
  });
  await db.session.create({
    data: { id: `s-${id}`, userId: id, token: `t-${id}`, expiresAt: new Date(Date.now() + 86_400_000) },
    select: { id: true },
  });
  return id;
}

describe("ensureAdmin", () => {
  it("creates a verified admin who can use the given password", async () => {
    const result = await ensureAdmin(db, { email: "Root@Example.com", password: "first-password", name: "Root" });
    expect(result.outcome).toBe("created");
    const user = await db.user.findUniqueOrThrow({ where: { email: "root@example.com" }, select: { id: true, role: true, emailVerified: true } });
    expect(user).toEqual({ id: result.id, role: "admin", emailVerified: true });
    expect(await verifyPassword({ hash: await credentialHash("root@example.com"), password: "first-password" })).toBe(true);
  });

  it("never changes an existing admin's password on a re-seed", async () => {
    const hash = await credentialHash("root@example.com");
    const again = await ensureAdmin(db, { email: "root@example.com", password: "lectern-admin", name: "Root" });
    expect(again.outcome).toBe("unchanged");
    expect(await credentialHash("root@example.com")).toBe(hash);
    expect(await verifyPassword({ hash, password: "first-password" })).toBe(true);
  });

  it.each([
    ["an unverified", false],
    ["a verified", true],
  ] as const)("promotes %s account holding the address without its password, and ends its sessions", async (_, verified) => {
    const email = `holder-${verified}@example.com`;
    const id = await learner(email, verified);
    const result = await ensureAdmin(db, { email, password: "lectern-admin", name: "Admin" });
    expect(result).toEqual({ id, outcome: "promoted" });
    expect((await db.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role).toBe("admin");
    // Whoever registered the address (an attacker, say) can't sign in with the password they chose.
    expect(await db.account.count({ where: { userId: id, providerId: "credential" } })).toBe(0);
    expect(await db.session.count({ where: { userId: id } })).toBe(0);
  });

  it("will not create an admin without a password of its own (no public default for ADMIN_EMAIL)", async () => {
    await expect(ensureAdmin(db, { email: "new-admin@example.com", password: null, name: "Admin" })).rejects.toThrow(/ADMIN_PASSWORD/);
    expect(await db.user.count({ where: { email: "new-admin@example.com" } })).toBe(0);
    // An existing admin needs none.
    expect((await ensureAdmin(db, { email: "root@example.com", password: null, name: "Root" })).outcome).toBe("unchanged");
  });
});
