import { z } from "zod";
import { zSlug } from "../catalog/slug";
import { AppError } from "../errors";
import { createOrder } from "./create-order";
import { failOrder } from "./fail-order";
import { fulfilOrder, type TFulfilDeps } from "./fulfil-order";
import { ZOptionalCouponCode } from "./coupon-code";
import { ZBillingDetails, type TBillingDetails } from "./invoices/billing-details";
import type { TPaymentProvider } from "./payments/payment-provider";

export const ZCheckoutRequest = z.object({
  course: zSlug("Unknown course"),
  coupon: ZOptionalCouponCode,
  // Optional company, address and VAT ID for the invoice (lib/commerce/invoices).
  ...ZBillingDetails.shape,
});
export type TCheckoutRequest = z.infer<typeof ZCheckoutRequest>;

export const FREE_WITH_COUPON_METHOD = "Coupon (nothing to pay)";

/**
 * "Pay": creates the order at the server-computed price, hands it to the payment provider
 * and returns where to send the buyer. If the provider can't start the payment, the order
 * fails and its coupon reservation is released — nothing is left half-done. A total of 0
 * (a 100 % coupon) needs no payment and is fulfilled at once. Billing details given with the
 * request are saved on the (new or reused) pending order before payment, so the invoice issued
 * on fulfilment shows them.
 */
export async function startCheckout(
  deps: TFulfilDeps & { provider: TPaymentProvider },
  input: Pick<TCheckoutRequest, "course" | "coupon"> & Partial<TBillingDetails> & { userId: string },
): Promise<{ orderId: string; redirectUrl: string }> {
  const order = await createOrder(deps, {
    userId: input.userId,
    courseSlug: input.course,
    couponCode: input.coupon,
    provider: deps.provider.id,
  });
  const billing = { billingCompany: input.billingCompany, billingAddress: input.billingAddress, billingVatId: input.billingVatId };
  if (Object.values(billing).some((v) => v !== undefined)) {
    await deps.db.order.updateMany({ where: { id: order.id, status: "pending" }, data: billing });
  }
  if (order.totalCents === 0) {
    const { status } = await fulfilOrder(deps, { orderId: order.id, paymentMethod: FREE_WITH_COUPON_METHOD });
    // A concurrent checkout of the same course got there first (the order is void).
    if (status !== "paid") throw new AppError("CONFLICT", "You already own this course");
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
    console.error(`Starting checkout of order ${order.id} failed:`, error);
    throw new AppError("UNAVAILABLE", "The payment could not be started. Nothing was charged; please try again.");
  }
}
