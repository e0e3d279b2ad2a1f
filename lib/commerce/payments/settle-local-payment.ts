import { z } from "zod";
import { AppError, notFound } from "../../errors";
import { expirePendingOrders } from "../expire-pending-orders";
import { explainOrderStatus } from "../explain-order-status";
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
    if (status !== "paid") throw await closed(deps, order.id);
    return { outcome: "paid", orderId: order.id, courseSlug };
  }
  await failOrder(deps, { orderId: order.id });
  const { status } = await deps.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } });
  if (status === "paid") throw new AppError("CONFLICT", "This order is already paid");
  if (status !== "failed") throw await closed(deps, order.id);
  return { outcome: "declined", orderId: order.id, courseSlug };
}

/** The order can't take this answer any more: tell the buyer why (void, expired, refunded…). */
async function closed(deps: TFulfilDeps, orderId: string): Promise<AppError> {
  const order = await deps.db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { status: true, provider: true, createdAt: true, refundedAt: true },
  });
  const message = explainOrderStatus(order, deps.now?.() ?? new Date()) ?? `This order is ${order.status}`;
  return new AppError("CONFLICT", message);
}
