import type Stripe from "stripe";
import { z } from "zod";
import { refundOrder } from "../../commerce/refund-order";
import { AppError, notFound } from "../../errors";
import type { TAdminDeps } from "../admin-deps";
import { zId } from "../form-fields";
import { writeAudit } from "../write-audit";

export const ZRefundOrder = z.object({ orderId: zId });
export type TRefundOrder = z.infer<typeof ZRefundOrder>;

export type TRefundDeps = TAdminDeps & {
  /** The Stripe SDK client, asked for only when the order was paid through Stripe. */
  stripe: () => Stripe;
};

/**
 * An admin refunds a paid order. Stripe orders get their money back through the SDK first
 * (one refund per order whatever happens: the idempotency key is the order's), local test
 * orders have no money to move. Then refundOrder ends the purchase at once — the same rule a
 * charge.refunded webhook applies — and the audit row is written in that transaction.
 * A second click, a second tab or the webhook arriving after: "already refunded", no new refund.
 * If Stripe doesn't confirm, nothing changes here and the admin can try again.
 */
export async function refundOrderAsAdmin(deps: TRefundDeps, input: TRefundOrder): Promise<{ refunded: boolean; status: string }> {
  const order = await deps.db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, number: true, status: true, provider: true, providerRef: true, totalCents: true, currency: true },
  });
  if (!order) throw notFound("Order");
  if (order.status === "refunded") return { refunded: false, status: "refunded" };
  if (order.status !== "paid") throw new AppError("CONFLICT", `Only paid orders can be refunded; this one is ${order.status}.`);

  let stripeRefund: string | null = null;
  if (order.provider === "stripe") stripeRefund = await refundThroughStripe(deps.stripe, order);

  const { refunded } = await refundOrder(deps, { orderId: order.id }, (tx, now) =>
    writeAudit(
      tx,
      {
        actor: deps.actor,
        action: "order.refund",
        targetType: "order",
        targetId: order.id,
        before: { number: order.number, status: "paid", purchase: "active" },
        after: { number: order.number, status: "refunded", purchase: "refunded", amountCents: order.totalCents, currency: order.currency, stripeRefund },
      },
      now,
    ),
  );
  if (refunded) return { refunded: true, status: "refunded" };
  // Someone (another tab, the webhook) changed it between our read and our update.
  const now = await deps.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
  return { refunded: false, status: now.status };
}

async function refundThroughStripe(stripe: () => Stripe, order: { id: string; providerRef: string | null }): Promise<string> {
  if (!order.providerRef) throw new AppError("CONFLICT", "This Stripe order has no Checkout Session; refund it in the Stripe dashboard.");
  try {
    const client = stripe();
    const session = await client.checkout.sessions.retrieve(order.providerRef);
    const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
    if (!paymentIntent) throw new AppError("CONFLICT", "Stripe has no payment for this order; refund it in the Stripe dashboard.");
    const refund = await client.refunds.create(
      { payment_intent: paymentIntent, reason: "requested_by_customer", metadata: { orderId: order.id, lecternReason: "admin_refund" } },
      { idempotencyKey: `lectern-admin-refund-${order.id}` },
    );
    return refund.id;
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error(`Stripe refund of order ${order.id} failed:`, error);
    throw new AppError("UNAVAILABLE", "Stripe did not confirm the refund, so nothing changed. Try again in a moment.");
  }
}
