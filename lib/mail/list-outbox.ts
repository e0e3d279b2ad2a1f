import type { Db } from "../db";

export async function listOutbox(db: Db, options: { to?: string; take?: number } = {}) {
  return db.outboxMessage.findMany({
    where: options.to ? { to: options.to } : undefined,
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    select: { id: true, to: true, subject: true, text: true, html: true, createdAt: true },
  });
}
