import type { Db } from "../db";
import { closePendingOrder } from "./close-pending-order";
import { pendingOrderCutoff } from "./order-expiry";

/** Orders expired per call at most; a sweep that finds more is simply run again. */
const BATCH = 100;

/**
 * Ends the pending local orders whose 30 minutes are up (order-expiry.ts): pending → expired,
 * each one's coupon reservation released. Called lazily where a stale reservation matters —
 * when a limited coupon looks exhausted (quotePrice) and when a buyer acts on an order
 * (settleLocalPayment) — and usable as a periodic sweep with no filter. Each order changes in
 * its own conditional update, so concurrent callers expire it (and release its coupon) once.
 * Returns the ids this call expired.
 */
export async function expirePendingOrders(
  deps: { db: Db; now?: () => Date },
  filter: { couponId?: string; orderId?: string } = {},
): Promise<{ expired: string[] }> {
  const now = deps.now?.() ?? new Date();
  const stale = {
    status: "pending",
    provider: "local",
    createdAt: { lte: pendingOrderCutoff(now) },
    ...(filter.couponId ? { couponId: filter.couponId } : {}),
    ...(filter.orderId ? { id: filter.orderId } : {}),
  };
  const candidates = await deps.db.order.findMany({ where: stale, select: { id: true }, orderBy: { createdAt: "asc" }, take: BATCH });
  const expired: string[] = [];
  for (const { id } of candidates) {
    const changed = await deps.db.$transaction((tx) => closePendingOrder(tx, { orderId: id, status: "expired", now, where: stale }));
    if (changed) expired.push(id);
  }
  return { expired };
}
