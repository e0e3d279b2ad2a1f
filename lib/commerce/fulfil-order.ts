import type { Db } from "../db";
import type { TEnv } from "../env";
import type { Prisma } from "../generated/sqlite/client";
import { sendMail } from "../mail/send-mail";
import { closePendingOrder } from "./close-pending-order";
import { decideFulfilment } from "./decide-fulfilment";
import { loadReceipt } from "./load-receipt";
import { renderReceiptMail } from "./render-receipt-mail";

export type TFulfilDeps = {
  db: Db;
  env: Pick<TEnv, "SMTP_URL" | "MAIL_FROM" | "APP_URL" | "SELLER_NAME" | "SELLER_ADDRESS">;
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
  mailed: boolean;
};

/** Two payments raced to create the buyer's purchase and this one lost: decide again. */
class PurchaseRace extends Error {}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/**
 * A payment was reported for this order: the order state machine (decideFulfilment) decides
 * and this applies it in one transaction, with conditional updates so that however many
 * times, or however concurrently, payments are reported:
 * - exactly one call moves a pending order to paid, creates (or, after a refund,
 *   reactivates) the buyer's purchase and sends the receipt;
 * - a payment for a course the buyer already owns through another order never grants a
 *   second purchase: the order becomes `void` and its coupon reservation is released
 *   (issue 8: two checkouts of one course, both paid);
 * - a local order past its 30 minutes becomes `expired` instead.
 * When two orders of one buyer race, both may see no purchase; the purchase is unique per
 * (user, course), so the loser's insert fails, its transaction rolls back, and it decides
 * again — now seeing the winner's purchase, it voids.
 * The receipt mail goes out after the commit — a mail failure never un-pays an order.
 */
export async function fulfilOrder(
  deps: TFulfilDeps,
  input: { orderId: string; paymentMethod: string },
): Promise<TFulfilResult> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  let outcome: { fulfilled: boolean; status: string } | undefined;
  for (let attempt = 1; !outcome; attempt++) {
    try {
      outcome = await db.$transaction((tx) => applyPayment(tx, input, now));
    } catch (error) {
      // One retry settles it: after the winner commits, the purchase is visible and active.
      if (attempt >= 3 || !(error instanceof PurchaseRace || isUniqueViolation(error))) throw error;
    }
  }
  if (!outcome.fulfilled) return { ...outcome, mailed: false };

  let mailed = false;
  try {
    const receipt = await loadReceipt(db, input.orderId, "system");
    if (receipt) {
      const { env } = deps;
      await sendMail(
        { db, env },
        renderReceiptMail(receipt, { name: env.SELLER_NAME, address: env.SELLER_ADDRESS, appUrl: env.APP_URL }),
      );
      mailed = true;
    }
  } catch (error) {
    // The purchase stands; the receipt stays available on the account page.
    console.error(`Receipt mail for order ${input.orderId} failed:`, error);
  }
  return { fulfilled: true, status: "paid", mailed };
}

async function applyPayment(
  tx: Prisma.TransactionClient,
  input: { orderId: string; paymentMethod: string },
  now: Date,
): Promise<{ fulfilled: boolean; status: string }> {
  const order = await tx.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, status: true, provider: true, createdAt: true, userId: true, courseId: true },
  });
  if (!order) return { fulfilled: false, status: "missing" };
  const owner = { userId: order.userId, courseId: order.courseId };
  const purchase = await tx.purchase.findUnique({ where: { userId_courseId: owner }, select: { status: true, orderId: true } });
  const decision = decideFulfilment({ order, purchase, now });

  // A concurrent call may have settled the order since we read it: report what it is now.
  const current = async () =>
    (await tx.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status;

  switch (decision.action) {
    case "none":
      return { fulfilled: false, status: decision.status };
    case "expire":
      await closePendingOrder(tx, { orderId: order.id, status: "expired", now });
      return { fulfilled: false, status: await current() };
    case "void":
      // The payment method is kept: it says which card a Stripe refund goes back to.
      await closePendingOrder(tx, { orderId: order.id, status: "void", now, data: { paymentMethod: input.paymentMethod } });
      return { fulfilled: false, status: await current() };
    case "pay": {
      const changed = await tx.order.updateMany({
        where: { id: order.id, status: "pending" },
        data: { status: "paid", paidAt: now, paymentMethod: input.paymentMethod },
      });
      if (changed.count !== 1) return { fulfilled: false, status: await current() };
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
      return { fulfilled: true, status: "paid" };
    }
  }
}
