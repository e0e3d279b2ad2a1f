import type { Db } from "../../lib/db";
import type { TFakeStripeAccount } from "../../lib/commerce/testing/fake-stripe-account";

export type TOrderCheck = {
  orders: number;
  byStatus: Record<string, number>;
  paidSessions: number;
  purchases: number;
  /** Each a sentence naming the order: an empty list is the pass. */
  problems: string[];
};

/**
 * The payment invariants after a crash, against the (fake) Stripe account's own record:
 * - every session Stripe holds as paid belongs to a paid order with exactly one active
 *   purchase, created by that order, and exactly one receipt in the outbox;
 * - no order is paid, and no purchase exists, without a paid session (nothing given away);
 * - with `nonePending`, no order is still pending.
 */
export async function verifyOrders(db: Db, account: TFakeStripeAccount, options: { nonePending: boolean }): Promise<TOrderCheck> {
  // Stripe's orders only: the seed's demo orders (local provider, a team's seats) are not this test's.
  const orders = await db.order.findMany({
    where: { provider: "stripe" },
    select: { id: true, number: true, status: true, buyerEmail: true, totalCents: true, purchase: { select: { status: true } } },
  });
  const purchases = await db.purchase.findMany({
    where: { order: { provider: "stripe" } },
    select: { orderId: true, status: true, order: { select: { status: true } } },
  });
  // "Your Lectern receipt <order number>", followed by the invoice number since invoices (issue 10).
  const receipts = await db.outboxMessage.findMany({ where: { subject: { startsWith: "Your Lectern receipt " } }, select: { subject: true } });
  const receiptCount = new Map<string, number>();
  for (const r of receipts) {
    const number = /^Your Lectern receipt (\S+)/.exec(r.subject)?.[1];
    if (number) receiptCount.set(number, (receiptCount.get(number) ?? 0) + 1);
  }
  const problems: string[] = [];
  const byStatus: Record<string, number> = {};
  const paidSessionOrders = new Set<string>();
  for (const s of account.sessions.values()) {
    if (s.payment_status === "paid" && s.client_reference_id) paidSessionOrders.add(s.client_reference_id);
  }

  const known = new Set(orders.map((o) => o.id));
  for (const id of paidSessionOrders) if (!known.has(id)) problems.push(`Stripe took a payment for order ${id}, which the database lacks`);
  for (const o of orders) {
    byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
    const paidAtStripe = paidSessionOrders.has(o.id);
    const receiptsOf = receiptCount.get(o.number) ?? 0;
    if (paidAtStripe && o.status !== "paid") problems.push(`${o.number}: paid at Stripe but ${o.status} here`);
    if (!paidAtStripe && o.status === "paid") problems.push(`${o.number}: paid here but Stripe has no payment for it`);
    if (o.status === "paid" && o.purchase?.status !== "active") problems.push(`${o.number}: paid without an active purchase`);
    if (o.status === "paid" && receiptsOf !== 1) problems.push(`${o.number}: paid with ${receiptsOf} receipts queued (want 1)`);
    if (o.status !== "paid" && receiptsOf !== 0) problems.push(`${o.number}: ${o.status} yet ${receiptsOf} receipts queued`);
    if (options.nonePending && o.status === "pending") problems.push(`${o.number}: still pending after recovery`);
  }
  for (const p of purchases) {
    if (p.order.status !== "paid") problems.push(`a purchase of order ${p.orderId}, which is ${p.order.status}`);
  }
  return { orders: orders.length, byStatus, paidSessions: paidSessionOrders.size, purchases: purchases.length, problems };
}
