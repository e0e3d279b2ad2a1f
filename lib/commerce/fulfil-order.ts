import type { Db } from "../db";
import type { TEnv } from "../env";
import { sendMail } from "../mail/send-mail";
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
  status: string;
  mailed: boolean;
};

/**
 * Marks a paid order paid and grants the course. Idempotent: the pending→paid change is a
 * conditional update, so however many times (or however concurrently) a payment is
 * reported, exactly one call creates the purchase and sends the receipt. The purchase is
 * unique per (user, course): buying again after a refund reactivates it.
 * The receipt mail goes out after the commit — a mail failure never un-pays an order.
 */
export async function fulfilOrder(
  deps: TFulfilDeps,
  input: { orderId: string; paymentMethod: string },
): Promise<TFulfilResult> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const fulfilled = await db.$transaction(async (tx) => {
    const changed = await tx.order.updateMany({
      where: { id: input.orderId, status: "pending" },
      data: { status: "paid", paidAt: now, paymentMethod: input.paymentMethod },
    });
    if (changed.count !== 1) return false;
    const order = await tx.order.findUniqueOrThrow({
      where: { id: input.orderId },
      select: { userId: true, courseId: true },
    });
    await tx.purchase.upsert({
      where: { userId_courseId: { userId: order.userId, courseId: order.courseId } },
      create: { userId: order.userId, courseId: order.courseId, orderId: input.orderId, status: "active", createdAt: now },
      update: { orderId: input.orderId, status: "active", refundedAt: null },
      select: { id: true },
    });
    return true;
  });

  if (!fulfilled) {
    const order = await db.order.findUnique({ where: { id: input.orderId }, select: { status: true } });
    return { fulfilled: false, status: order?.status ?? "missing", mailed: false };
  }
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
