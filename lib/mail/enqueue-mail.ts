import { z } from "zod";
import type { Db } from "../db";
import type { TEnv } from "../env";

export const ZMailMessage = z.object({
  to: z.email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1),
  html: z.string().optional(),
});
export type TMailMessage = z.infer<typeof ZMailMessage>;

/** A Prisma client or the transaction client of `db.$transaction`: both have the outbox. */
export type TOutboxWriter = Pick<Db, "outboxMessage">;

export type TQueuedMail = { id: string; status: "pending" | "kept" };

/**
 * Writes one mail to the outbox — with the transaction client of whatever caused it, so the
 * mail exists exactly when that change commits (docs/decisions/010-mail-outbox.md). Nothing is
 * sent here: deliverOutbox sends "pending" messages later, off the request path. Without
 * SMTP_URL the row is the delivery ("kept", readable at /dev/outbox); it is never sent even if
 * SMTP is configured later, so development mail never reaches real addresses.
 */
export async function enqueueMail(
  db: TOutboxWriter,
  env: Pick<TEnv, "SMTP_URL">,
  message: TMailMessage,
  now: Date = new Date(),
): Promise<TQueuedMail> {
  const mail = ZMailMessage.parse(message);
  const status = env.SMTP_URL ? "pending" : "kept";
  const row = await db.outboxMessage.create({
    data: { ...mail, status, createdAt: now, nextAttemptAt: now },
    select: { id: true },
  });
  return { id: row.id, status };
}
