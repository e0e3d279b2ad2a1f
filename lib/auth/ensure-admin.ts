import { hashPassword } from "better-auth/crypto";
import type { Db } from "../db";
import { randomUUID } from "node:crypto";

export type TAdminCredentials = { email: string; password: string; name: string };

/** Local-use defaults that README states; set ADMIN_EMAIL / ADMIN_PASSWORD for anything shared. */
export const DEFAULT_ADMIN: TAdminCredentials = {
  email: "admin@lectern.local",
  password: "lectern-admin",
  name: "Lectern Admin",
};

/**
 * Creates (or repairs) the admin account with Better Auth's own password hashing, so the
 * account signs in through the normal sign-in form. Re-running keeps the user id and
 * resets the password to the given one.
 */
export async function ensureAdmin(db: Db, credentials: TAdminCredentials): Promise<{ id: string; created: boolean }> {
  const email = credentials.email.trim().toLowerCase();
  const password = await hashPassword(credentials.password);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  const id = existing?.id ?? randomUUID().replaceAll("-", "");
  await db.$transaction([
    db.user.upsert({
      where: { email },
      create: { id, email, name: credentials.name, role: "admin", emailVerified: true },
      update: { role: "admin", emailVerified: true },
      select: { id: true },
    }),
    db.account.deleteMany({ where: { userId: id, providerId: "credential" } }),
    db.account.create({
      data: { id: randomUUID().replaceAll("-", ""), userId: id, accountId: id, providerId: "credential", password },
      select: { id: true },
    }),
  ]);
  return { id, created: !existing };
}
