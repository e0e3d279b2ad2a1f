import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import type { TEnv } from "../env";
import { decideRetry } from "./decide-retry";
import { smtpTransport } from "./smtp-transport";

/**
 * How long a claimed message is reserved for its sender. Far longer than one SMTP
 * conversation may take (smtp-transport.ts SMTP_TIMEOUTS); a sender that dies mid-send
 * leaves the message to be retried once the lease lapses.
 */
export const LEASE_MS = 2 * 60_000;

export type TDeliverDeps = {
  db: Db;
  env: Pick<TEnv, "SMTP_URL" | "MAIL_FROM">;
  now?: () => Date;
  /** At most this many messages per call; the rest wait for the next round. */
  batchSize?: number;
};

export type TDeliveryReport = { sent: number; retrying: number; failed: number };

/**
 * Sends the outbox's due messages over SMTP, each at most once however many app instances
 * run this at the same time: a message is claimed with a conditional update (its attempt
 * count is the version: a second claimant's update matches no row), then sent, then marked
 * `sent` — or, on failure, given its error and a later attempt (decideRetry) or `failed`.
 * Without SMTP_URL there is nothing to do: mail is kept in the outbox (status "kept").
 * Never throws for a message that fails; a database error does throw (the caller logs it).
 * See docs/decisions/010-mail-outbox.md.
 */
export async function deliverOutbox(deps: TDeliverDeps): Promise<TDeliveryReport> {
  const report: TDeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  const { SMTP_URL, MAIL_FROM } = deps.env;
  if (!SMTP_URL) return report;
  const { db } = deps;
  const clock = deps.now ?? (() => new Date());
  const now = clock();
  const due = await db.outboxMessage.findMany({
    where: {
      status: "pending",
      nextAttemptAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    orderBy: { nextAttemptAt: "asc" },
    take: deps.batchSize ?? 20,
    select: { id: true, to: true, subject: true, text: true, html: true, attempts: true },
  });

  for (const message of due) {
    const leaseToken = randomUUID();
    const attempt = message.attempts + 1;
    const claimedAt = clock();
    const claimed = await db.outboxMessage.updateMany({
      where: { id: message.id, status: "pending", attempts: message.attempts },
      data: { attempts: attempt, leaseToken, leaseUntil: new Date(claimedAt.getTime() + LEASE_MS) },
    });
    if (claimed.count !== 1) continue; // another sender has it (or has sent it)

    const mine = { id: message.id, leaseToken };
    try {
      await smtpTransport(SMTP_URL).sendMail({
        from: MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        // The same id on every attempt lets a receiving server spot a duplicate.
        messageId: `<${message.id}@lectern.outbox>`,
      });
    } catch (error) {
      const decision = decideRetry({ attempts: attempt, now: clock(), smtpCode: smtpCode(error) });
      await db.outboxMessage.updateMany({
        where: mine,
        data: {
          status: decision.status,
          ...(decision.status === "pending" ? { nextAttemptAt: decision.nextAttemptAt } : {}),
          lastError: describe(error),
          leaseToken: null,
          leaseUntil: null,
        },
      });
      report[decision.status === "pending" ? "retrying" : "failed"]++;
      continue;
    }
    await db.outboxMessage.updateMany({
      where: mine,
      data: { status: "sent", sentAt: clock(), lastError: null, leaseToken: null, leaseUntil: null },
    });
    report.sent++;
  }
  return report;
}

function smtpCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" ? code : undefined;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}
