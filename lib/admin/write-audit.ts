import type { Prisma } from "../generated/sqlite/client";

/** Who did it: the admin from requireAdmin(), or a name for work done without one (a CLI). */
export type TAuditActor = { id: string | null; email: string };

export type TAuditEntry = {
  actor: TAuditActor;
  /** "<target>.<verb>", e.g. "course.update", "coupon.create", "order.refund", "segment.move". */
  action: string;
  targetType: string;
  targetId: string;
  /** The state before the change (null for a creation); plain JSON-able values, no secrets. */
  before?: unknown;
  /** The state after the change (null for a removal). */
  after?: unknown;
};

/**
 * Writes one audit row in the caller's transaction, so the log holds exactly the changes
 * that happened: a change that rolls back takes its audit row with it, and no change is
 * committed without one (issue 9). `before`/`after` are stored as JSON text.
 */
export async function writeAudit(tx: Prisma.TransactionClient, entry: TAuditEntry, now: Date = new Date()): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      createdAt: now,
    },
    select: { id: true },
  });
}

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  // Dates become ISO strings; BigInt (none in audited shapes today) would throw, so say it.
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}
