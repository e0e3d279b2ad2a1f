import { z } from "zod";
import { AppError, notFound } from "../../errors";
import { expirePendingOrders } from "../expire-pending-orders";
import { failOrder } from "../fail-order";
import { fulfilOrder, type TFulfilDeps } from "../fulfil-order";

export const LOCAL_PAYMENT_METHOD = "Local test payment (no money moved)";

export const ZLocalPaymentForm = z.object({
  orderId: z.string().min(1, "Missing order").max(64),
  outcome: z.enum(["pay", "decline"], { message: "Choose Pay or Decline" }),
});
export type TLocalPaymentForm = z.infer<typeof ZLocalPaymentForm>;

export type TLocalPaymentResult =
  | { outcome: "paid"; orderId: string; courseSlug: string }
  | { outcome: "declined"; orderId: string; courseSlug: string };

/** What the buyer is told when an order can't be paid (or declined) any more, by its status. */
export const LOCAL_ORDER_CLOSED: Record<string, string> = {
  failed: "This payment was declined; start a new checkout to try again",
  expired: "This order expired after 30 minutes without payment; start a new checkout to buy the course",
  void: "You already own this course, so this payment was cancelled — nothing was charged",
  refunded: "This order was refunded",
};

/**
 * The buyer's choice on the local test payment page. Only the order's owner may settle it,
 * only local orders, only while pending and within its 30 minutes. Pay goes through the
 * order state machine (fulfilOrder): a paid order stays paid (pressing Pay twice is
 * harmless), and Pay on a second order for a course the buyer already owns is refused and
 * voided (issue 8). Decline after Pay is refused.
 */
export async function settleLocalPayment(
  deps: TFulfilDeps,
  input: TLocalPaymentForm & { userId: string },
): Promise<TLocalPaymentResult> {
  const order = await deps.db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, userId: true, provider: true, course: { select: { slug: true } } },
  });
  // Someone else's order is "not found": ids reveal nothing.
  if (!order || order.userId !== input.userId) throw notFound("Order");
  if (order.provider !== "local") throw new AppError("BAD_REQUEST", "This order is not paid on the test payment page");
  const courseSlug = order.course.slug;
  // Past its deadline, neither button may act on it (nor hold its coupon any longer).
  await expirePendingOrders(deps, { orderId: order.id });

  if (input.outcome === "pay") {
    const { status } = await fulfilOrder(deps, { orderId: order.id, paymentMethod: LOCAL_PAYMENT_METHOD });
    if (status !== "paid") throw new AppError("CONFLICT", LOCAL_ORDER_CLOSED[status] ?? `This order is ${status}`);
    return { outcome: "paid", orderId: order.id, courseSlug };
  }
  await failOrder(deps, { orderId: order.id });
  const { status } = await deps.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
  if (status === "paid") throw new AppError("CONFLICT", "This order is already paid");
  if (status !== "failed") throw new AppError("CONFLICT", LOCAL_ORDER_CLOSED[status] ?? `This order is ${status}`);
  return { outcome: "declined", orderId: order.id, courseSlug };
}
