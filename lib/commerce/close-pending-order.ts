import type { Prisma } from "../generated/sqlite/client";

/** A pending order's unpaid endings; each releases the coupon redemption the order reserved. */
export type TUnpaidEnding = "failed" | "expired" | "void";

/**
 * pending → failed | expired | void, and the order's coupon reservation released, inside the
 * caller's transaction. The change is one conditional update (`WHERE status = 'pending'`
 * plus the caller's extra conditions), so however many callers race, one of them changes the
 * order and only that one decrements the coupon: a reservation is released exactly once.
 * Returns whether this call made the change.
 */
export async function closePendingOrder(
  tx: Prisma.TransactionClient,
  input: {
    orderId: string;
    status: TUnpaidEnding;
    now: Date;
    /** Further conditions the order must still meet (e.g. "created before the cut-off"). */
    where?: Prisma.OrderWhereInput;
    /** Further columns to set (e.g. the payment method of a voided payment). */
    data?: Pick<Prisma.OrderUpdateManyMutationInput, "paymentMethod">;
  },
): Promise<boolean> {
  const changed = await tx.order.updateMany({
    where: { ...input.where, id: input.orderId, status: "pending" },
    data: { ...input.data, status: input.status, failedAt: input.now },
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
}
