import type { TCreatedOrder, TPaymentProviderId } from "../create-order";

export type TCheckoutOrder = Pick<
  TCreatedOrder,
  "id" | "number" | "courseSlug" | "courseTitle" | "currency" | "totalCents" | "buyerEmail" | "couponCode" | "createdAt"
>;

export type TBeginCheckout = {
  /** Where to send the buyer to pay: a relative path (local) or the provider's page (Stripe). */
  redirectUrl: string;
  /** The provider's id for this payment, stored as Order.providerRef (Stripe: the session id). */
  providerRef?: string;
};

/**
 * A way to take a payment. Providers only start a payment; they report its outcome through
 * their own channel (the local test page, Stripe webhooks), which calls fulfilOrder /
 * failOrder / refundOrder. See docs/decisions/005-payment-providers.md.
 */
export type TPaymentProvider = {
  id: TPaymentProviderId;
  /** Shown to buyers on the checkout page. */
  label: string;
  beginCheckout(order: TCheckoutOrder): Promise<TBeginCheckout>;
};
