import type { Db } from "../db";

/** The newest outbox messages with their delivery state, for /dev/outbox and tests. */
export async function listOutbox(db: Db, options: { to?: string; take?: number } = {}) {
  return db.outboxMessage.findMany({
    where: options.to ? { to: options.to } : undefined,
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      html: true,
      createdAt: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      sentAt: true,
      lastError: true,
    },
  });
}
