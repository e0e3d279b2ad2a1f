import { z } from "zod";
import { AppError, notFound } from "../../errors";
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
 * only local orders, only while pending (a paid order stays paid — pressing Pay twice is
 * harmless; Decline after Pay is refused).
 */
export async function settleLocalPayment(
  deps: TFulfilDeps,
  input: TLocalPaymentForm & { userId: string },
): Promise<TLocalPaymentResult> {
  const order = await deps.db.order.findUnique({
    where: { id: input.orderId },
    select: { id: true, userId: true, provider: true, status: true, course: { select: { slug: true } } },
  });
  // Someone else's order is "not found": ids reveal nothing.
  if (!order || order.userId !== input.userId) throw notFound("Order");
  if (order.provider !== "local") throw new AppError("BAD_REQUEST", "This order is not paid on the test payment page");
  const courseSlug = order.course.slug;

  if (input.outcome === "pay") {
    if (order.status === "failed") throw new AppError("CONFLICT", "This payment was declined; start a new checkout to try again");
    if (order.status === "refunded") throw new AppError("CONFLICT", "This order was refunded");
    await fulfilOrder(deps, { orderId: order.id, paymentMethod: LOCAL_PAYMENT_METHOD });
    return { outcome: "paid", orderId: order.id, courseSlug };
  }
  if (order.status === "paid" || order.status === "refunded") {
    throw new AppError("CONFLICT", "This order is already paid");
  }
  await failOrder(deps, { orderId: order.id });
  return { outcome: "declined", orderId: order.id, courseSlug };
}
