import { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { clearAccountThrottle } from "../auth/sign-in-throttle";

export const ZDeleteAccount = z.strictObject({
  /** The account's e-mail address, typed again: deleting is not a misclick. */
  confirmEmail: z.string().trim().max(254),
  /** Required when the account has a password. */
  password: z.string().max(128).optional(),
});

export type TDeleteAccountDeps = {
  db: Db;
  /** Better Auth's own password check (scrypt), so no hash is handled here. */
  verifyPassword: (hash: string, password: string) => Promise<boolean>;
};

/** What stays, and why (shown before and after deleting). */
export const KEPT_FOR_ACCOUNTING =
  "Orders stay, with the name and address on their invoices, because accounting law requires them; nothing else about you is kept.";

/**
 * Deletes a person's account (issue 10): signs it out everywhere and removes its password,
 * progress, notes, certificates, player settings, mail and sign-in records; the user row is
 * kept only as the anonymous owner of its orders (invoices must be kept for accounting), with
 * the name and address replaced. The only admin cannot delete themselves (the shop would have
 * no one to run it).
 */
export async function deleteAccount(deps: TDeleteAccountDeps, userId: string, body: unknown): Promise<void> {
  const { db } = deps;
  const input = ZDeleteAccount.parse(body);
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, role: true, accounts: { where: { providerId: "credential" }, select: { password: true } } },
  });
  if (!user) throw new AppError("NOT_FOUND", "Account not found");
  if (input.confirmEmail.toLowerCase() !== user.email.toLowerCase()) {
    throw new AppError("BAD_REQUEST", "Type your account's e-mail address to confirm.", { field: "confirmEmail" });
  }
  const hash = user.accounts[0]?.password;
  if (hash) {
    if (!input.password) throw new AppError("BAD_REQUEST", "Enter your password to confirm.", { field: "password" });
    if (!(await deps.verifyPassword(hash, input.password))) {
      throw new AppError("FORBIDDEN", "That password is not right.", { field: "password" });
    }
  }
  if (user.role === "admin" && (await db.user.count({ where: { role: "admin" } })) <= 1) {
    throw new AppError("CONFLICT", "You are the only admin: make someone else an admin before deleting your account.");
  }

  await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId } });
    await tx.account.deleteMany({ where: { userId } });
    await tx.verification.deleteMany({ where: { identifier: user.email } });
    await tx.segmentProgress.deleteMany({ where: { userId } });
    await tx.note.deleteMany({ where: { userId } });
    await tx.certificate.deleteMany({ where: { userId } });
    await tx.userPreference.deleteMany({ where: { userId } });
    await tx.outboxMessage.deleteMany({ where: { to: user.email } });
    await tx.user.update({
      where: { id: userId },
      data: { name: "Deleted account", email: `deleted-${userId}@deleted.invalid`, emailVerified: false, image: null, role: "learner" },
      select: { id: true },
    });
  });
  await clearAccountThrottle(db, user.email);
}
