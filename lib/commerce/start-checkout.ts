import { z } from "zod";
import { zSlug } from "../catalog/slug";
import { createOrder } from "./create-order";
import { beginPayment } from "./begin-payment";
import type { TFulfilDeps } from "./fulfil-order";
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
  return beginPayment(deps, order, { alreadySettled: "You already own this course", label: "order" });
}
