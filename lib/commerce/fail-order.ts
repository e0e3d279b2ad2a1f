import type { Db } from "../db";

/**
 * A payment that did not happen (declined, expired, abandoned): pending → failed, and the
 * coupon redemption reserved by createOrder is released, in one transaction. Idempotent:
 * only a pending order changes, so a coupon is released at most once.
 */
export async function failOrder(
  deps: { db: Db; now?: () => Date },
  input: { orderId: string },
): Promise<{ failed: boolean }> {
  const now = deps.now?.() ?? new Date();
  const failed = await deps.db.$transaction(async (tx) => {
    const changed = await tx.order.updateMany({
      where: { id: input.orderId, status: "pending" },
      data: { status: "failed", failedAt: now },
    });
    if (changed.count !== 1) return false;
    const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { couponId: true } });
    if (order.couponId) {
      await tx.coupon.updateMany({
        where: { id: order.couponId, redemptions: { gt: 0 } },
        data: { redemptions: { decrement: 1 } },
      });
    }
    return true;
  });
  return { failed };
}
