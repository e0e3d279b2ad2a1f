import { hashPassword } from "better-auth/crypto";
import type { Db } from "../db";
import { AppError } from "../errors";
import { randomUUID } from "node:crypto";

/** `password: null`: none was given — enough to keep or promote an admin, not to create one. */
export type TAdminCredentials = { email: string; password: string | null; name: string };

/** Local-use defaults that README states; set ADMIN_EMAIL / ADMIN_PASSWORD for anything shared. */
export const DEFAULT_ADMIN: TAdminCredentials = {
  email: "admin@lectern.local",
  password: "lectern-admin",
  name: "Lectern Admin",
};

export type TEnsureAdminOutcome = "created" | "unchanged" | "promoted";

/**
 * Makes sure ADMIN_EMAIL has an admin account, for `prisma db seed`, which runs again on every
 * deploy and course import:
 * - no account: create it, verified, with Better Auth's own password hashing (so it signs in
 *   through the ordinary form) and the given password;
 * - already an admin: leave it alone — its password is its owner's now, never the default;
 * - a learner (verified or not): promote it, but remove its password and end its sessions.
 *   Anyone can sign up with any address and choose its password, and a verification click
 *   proves only that the mailbox's owner clicked — not who chose the password (issue 8 review:
 *   an attacker's account, confirmed by the real owner, became admin with the attacker's
 *   password). Now only the mailbox's owner can set a password ("Forgot your password?").
 */
export async function ensureAdmin(
  db: Db,
  credentials: TAdminCredentials,
): Promise<{ id: string; outcome: TEnsureAdminOutcome }> {
  const email = credentials.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true, emailVerified: true } });
  if (existing?.role === "admin") return { id: existing.id, outcome: "unchanged" };
  if (existing) {
    await db.$transaction([
      db.user.update({ where: { id: existing.id }, data: { role: "admin" }, select: { id: true } }),
      db.account.deleteMany({ where: { userId: existing.id, providerId: "credential" } }),
      db.session.deleteMany({ where: { userId: existing.id } }),
    ]);
    return { id: existing.id, outcome: "promoted" };
  }
  if (credentials.password === null) {
    throw new AppError(
      "BAD_REQUEST",
      `ADMIN_EMAIL ${email} has no account yet: set ADMIN_PASSWORD too, so the new admin does not get the public default password.`,
    );
  }
  const id = randomUUID().replaceAll("-", "");
  const password = await hashPassword(credentials.password);
  await db.$transaction([
    db.user.create({
      data: { id, email, name: credentials.name, role: "admin", emailVerified: true },
      select: { id: true },
    }),
    db.account.create({
      data: { id: randomUUID().replaceAll("-", ""), userId: id, accountId: id, providerId: "credential", password },
      select: { id: true },
    }),
  ]);
  return { id, outcome: "created" };
}
