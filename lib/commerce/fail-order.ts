import type { Db } from "../db";
import { closePendingOrder } from "./close-pending-order";

/**
 * A payment that did not happen (declined, provider expired it, provider unreachable):
 * pending → failed, and the coupon redemption reserved by createOrder is released, in one
 * transaction. Idempotent: only a pending order changes, so a coupon is released at most once.
 */
export async function failOrder(
  deps: { db: Db; now?: () => Date },
  input: { orderId: string },
): Promise<{ failed: boolean }> {
  const now = deps.now?.() ?? new Date();
  // Patient like a payment (fulfil-order.ts): in a burst of payments a decline waits for a connection.
  const failed = await deps.db.$transaction((tx) => closePendingOrder(tx, { orderId: input.orderId, status: "failed", now }), {
    maxWait: 15_000,
    timeout: 30_000,
  });
  return { failed };
}
