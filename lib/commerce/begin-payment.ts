import { AppError } from "../errors";
import type { TCreatedOrder } from "./create-order";
import { failOrder } from "./fail-order";
import { fulfilOrder, type TFulfilDeps } from "./fulfil-order";
import type { TPaymentProvider } from "./payments/payment-provider";

export const FREE_WITH_COUPON_METHOD = "Coupon (nothing to pay)";

/**
 * The second half of every checkout (a course, team seats): a total of 0 (a 100 % coupon) is
 * fulfilled at once; anything else is handed to the payment provider, and where to send the buyer
 * is returned. If the provider can't start the payment, the order fails and its coupon
 * reservation is released — nothing is left half-done.
 */
export async function beginPayment(
  deps: TFulfilDeps & { provider: TPaymentProvider },
  order: TCreatedOrder,
  messages: { alreadySettled: string; label: string },
): Promise<{ orderId: string; redirectUrl: string }> {
  if (order.totalCents === 0) {
    const { status } = await fulfilOrder(deps, { orderId: order.id, paymentMethod: FREE_WITH_COUPON_METHOD });
    // A concurrent checkout got there first (the order is void).
    if (status !== "paid") throw new AppError("CONFLICT", messages.alreadySettled);
    return { orderId: order.id, redirectUrl: `/account/orders/${order.id}/receipt?welcome=1` };
  }
  try {
    const started = await deps.provider.beginCheckout(order);
    if (started.providerRef) {
      await deps.db.order.update({ where: { id: order.id }, data: { providerRef: started.providerRef }, select: { id: true } });
    }
    return { orderId: order.id, redirectUrl: started.redirectUrl };
  } catch (error) {
    await failOrder(deps, { orderId: order.id });
    if (error instanceof AppError) throw error;
    console.error(`Starting checkout of ${messages.label} ${order.id} failed:`, error);
    throw new AppError("UNAVAILABLE", "The payment could not be started. Nothing was charged; please try again.");
  }
}
