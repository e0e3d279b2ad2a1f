import type { Db } from "../db";
import type { TEnv } from "../env";
import type { Prisma } from "../generated/sqlite/client";
import { deliverAfterResponse } from "../mail/deliver-after-response";
import { enqueueMail, ZMailMessage } from "../mail/enqueue-mail";
import { grantTeamSeats } from "../teams/grant-team-seats";
import { closePendingOrder } from "./close-pending-order";
import { invoiceSettings, type TInvoiceEnv } from "./invoices/invoice-settings";
import { issueInvoice } from "./invoices/issue-invoice";
import { decideFulfilment } from "./decide-fulfilment";
import { loadReceipt } from "./load-receipt";
import { renderReceiptMail } from "./render-receipt-mail";

export type TFulfilDeps = {
  db: Db;
  env: Pick<TEnv, "SMTP_URL" | "MAIL_FROM" | "APP_URL"> & TInvoiceEnv;
  now?: () => Date;
};

export type TFulfilResult = {
  /** true only for the one call that moved the order from pending to paid. */
  fulfilled: boolean;
  /**
   * The order's status after the call: "paid"; "void" (the buyer already owned the course:
   * the caller returns the money, if any moved); "expired" (too late: start again); or the
   * final status it already had ("failed", "refunded"); "missing" for an unknown id.
   */
  status: string;
  /** The receipt was queued in the outbox, in the same transaction that paid the order. */
  mailed: boolean;
};

/**
 * Payments queue for the invoice counter (held from allocation to commit) and, in a burst, for a
 * pooled connection: Prisma's defaults (2 s to start, 5 s to finish) turned a busy moment into a
 * failed payment (seen with 40 at once on a loaded machine). A payment that waits is better than
 * one the provider must report again.
 */
const PAYMENT_TRANSACTION = { maxWait: 15_000, timeout: 30_000 };

/** Two payments raced to create the buyer's purchase and this one lost: decide again. */
class PurchaseRace extends Error {}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/**
 * A payment was reported for this order: the order state machine (decideFulfilment) decides
 * and this applies it in one transaction, with conditional updates so that however many
 * times, or however concurrently, payments are reported:
 * - exactly one call moves a pending order to paid, creates (or, after a refund,
 *   reactivates) the buyer's purchase, issues the invoice (the next number of the seller's
 *   gapless series: lib/commerce/invoices) and sends the receipt;
 * - a payment for a course the buyer already owns through another order never grants a
 *   second purchase: the order becomes `void` and its coupon reservation is released
 *   (issue 8: two checkouts of one course, both paid);
 * - a local order past its 30 minutes becomes `expired` instead.
 * When two orders of one buyer race, both may see no purchase; the purchase is unique per
 * (user, course), so the loser's insert fails, its transaction rolls back, and it decides
 * again — now seeing the winner's purchase, it voids.
 * The receipt is written to the outbox inside that transaction, so a paid order always has
 * its receipt queued and a rolled-back one never does; it is sent after the response
 * (deliverAfterResponse) or by the delivery loop — an SMTP server that is down or slow never
 * delays or fails a payment (docs/decisions/010-mail-outbox.md).
 */
export async function fulfilOrder(
  deps: TFulfilDeps,
  input: { orderId: string; paymentMethod: string },
): Promise<TFulfilResult> {
  const { db, env } = deps;
  const now = deps.now?.() ?? new Date();
  let outcome: TFulfilResult | undefined;
  for (let attempt = 1; !outcome; attempt++) {
    try {
      outcome = await db.$transaction((tx) => applyPayment(tx, env, input, now), PAYMENT_TRANSACTION);
    } catch (error) {
      // One retry settles it: after the winner commits, the purchase is visible and active.
      if (attempt >= 3 || !(error instanceof PurchaseRace || isUniqueViolation(error))) throw error;
    }
  }
  if (outcome.mailed) deliverAfterResponse({ db, env });
  return outcome;
}

async function applyPayment(
  tx: Prisma.TransactionClient,
  env: TFulfilDeps["env"],
  input: { orderId: string; paymentMethod: string },
  now: Date,
): Promise<TFulfilResult> {
  const order = await tx.order.findUnique({
    where: { id: input.orderId },
    select: {
      id: true,
      status: true,
      provider: true,
      createdAt: true,
      userId: true,
      courseId: true,
      forTeam: true,
      seats: true,
      teamName: true,
      teamId: true,
    },
  });
  if (!order) return { fulfilled: false, status: "missing", mailed: false };
  const owner = { userId: order.userId, courseId: order.courseId };
  // A team order grants seats, not the buyer's own purchase (issue 11): owning the course already never voids it.
  const purchase = order.forTeam
    ? null
    : await tx.purchase.findUnique({ where: { userId_courseId: owner }, select: { status: true, orderId: true } });
  const decision = decideFulfilment({ order, purchase, now });

  // A concurrent call may have settled the order since we read it: report what it is now.
  const current = async () =>
    (await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status;

  switch (decision.action) {
    case "none":
      return { fulfilled: false, status: decision.status, mailed: false };
    case "expire":
      await closePendingOrder(tx, { orderId: order.id, status: "expired", now });
      return { fulfilled: false, status: await current(), mailed: false };
    case "void":
      // The payment method is kept: it says which card a Stripe refund goes back to.
      await closePendingOrder(tx, { orderId: order.id, status: "void", now, data: { paymentMethod: input.paymentMethod } });
      return { fulfilled: false, status: await current(), mailed: false };
    case "pay": {
      const changed = await tx.order.updateMany({
        where: { id: order.id, status: "pending" },
        data: { status: "paid", paidAt: now, paymentMethod: input.paymentMethod },
      });
      if (changed.count !== 1) return { fulfilled: false, status: await current(), mailed: false };
      if (order.forTeam) {
        await grantTeamSeats(tx, order, now);
        // Last, like a single purchase's invoice below (the counter stays locked until commit).
        await issueInvoice(tx, invoiceSettings(env), { orderId: order.id, now });
        return { fulfilled: true, status: "paid", mailed: await queueReceipt(tx, env, order.id, now) };
      }
      if (decision.purchase === "create") {
        // A concurrent insert for the same (user, course) fails this one (unique): retried above.
        await tx.purchase.create({ data: { ...owner, orderId: order.id, status: "active", createdAt: now }, select: { id: true } });
      } else {
        const reactivated = await tx.purchase.updateMany({
          where: { ...owner, status: { not: "active" } },
          data: { orderId: order.id, status: "active", refundedAt: null },
        });
        if (reactivated.count !== 1) throw new PurchaseRace(`Purchase of order ${order.id} was reactivated concurrently`);
      }
      // Last, after the purchase: the invoice counter is locked until commit, and a buyer's
      // second order waits on the purchase row above, never while holding the counter (no
      // deadlock). If anything here fails, the rollback takes the number back: no gap, and no
      // receipt or invoice for an order that did not become paid.
      await issueInvoice(tx, invoiceSettings(env), { orderId: order.id, now });
      const mailed = await queueReceipt(tx, env, order.id, now);
      return { fulfilled: true, status: "paid", mailed };
    }
  }
}

/**
 * Writes the paid order's receipt to the outbox with the payment's transaction client. A
 * receipt that cannot be a mail (an address our mail schema refuses) is logged and skipped —
 * the order stays paid and the receipt page still shows it; a database error rolls back the
 * payment like any other, and the provider reports it again.
 */
async function queueReceipt(tx: Prisma.TransactionClient, env: TFulfilDeps["env"], orderId: string, now: Date) {
  const receipt = await loadReceipt(tx, orderId, "system");
  if (!receipt) return false;
  const mail = ZMailMessage.safeParse(
    renderReceiptMail(receipt, { appUrl: env.APP_URL }),
  );
  if (!mail.success) {
    console.error(`Receipt mail for order ${orderId} not queued:`, mail.error.issues[0]?.message);
    return false;
  }
  await enqueueMail(tx, env, mail.data, now);
  return true;
}
