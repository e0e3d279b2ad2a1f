import type Stripe from "stripe";
import { AppError } from "../../errors";
import type { TEnv } from "../../env";
import { PENDING_ORDER_TTL_MS } from "../order-expiry";
import type { TPaymentProvider } from "./payment-provider";

/**
 * A Checkout Session stays payable as long as a local order (order-expiry.ts), plus a minute:
 * Stripe refuses `expires_at` less than 30 minutes after it creates the session, by its clock.
 * When it passes, Stripe sends checkout.session.expired and the order fails, releasing its
 * coupon — instead of holding it for Stripe's default 24 hours (issue 8).
 */
const SESSION_TTL_S = PENDING_ORDER_TTL_MS / 1000 + 60;

/**
 * Stripe Checkout through the official SDK. The amount is the server-computed order total
 * (price_data), never a Stripe Price the browser could pick; the order id travels as
 * client_reference_id and metadata (on the session and its PaymentIntent, so refunds can be
 * traced back). The order is fulfilled only by the webhook (handle-stripe-webhook.ts),
 * never by the success redirect.
 */
export function createStripeProvider(deps: { stripe: Stripe; env: Pick<TEnv, "APP_URL"> }): TPaymentProvider {
  const { stripe, env } = deps;
  return {
    id: "stripe",
    label: "Card payment with Stripe",
    async beginCheckout(order) {
      const metadata = { orderId: order.id, orderNumber: order.number };
      let session: Stripe.Checkout.Session;
      try {
        session = await stripe.checkout.sessions.create(
          {
            mode: "payment",
            client_reference_id: order.id,
            customer_email: order.buyerEmail,
            metadata,
            payment_intent_data: { metadata },
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: order.currency.toLowerCase(),
                  unit_amount: order.totalCents,
                  product_data: {
                    name: order.courseTitle,
                    description: order.couponCode ? `Online video course (coupon ${order.couponCode})` : "Online video course",
                  },
                },
              },
            ],
            success_url: `${env.APP_URL}/account/orders/${order.id}/receipt?welcome=1`,
            cancel_url: `${env.APP_URL}/courses/${order.courseSlug}/checkout${order.couponCode ? `?coupon=${encodeURIComponent(order.couponCode)}` : ""}`,
            // From the order, not the clock: a retry of the same order must send the same
            // parameters, or Stripe rejects the reused idempotency key.
            expires_at: Math.floor(order.createdAt.getTime() / 1000) + SESSION_TTL_S,
          },
          // The same order always maps to the same session (double clicks, retries).
          { idempotencyKey: `lectern-checkout-${order.id}` },
        );
      } catch (error) {
        console.error(`Stripe Checkout Session for order ${order.id} failed:`, error);
        throw new AppError("UNAVAILABLE", "The payment service is not answering. Nothing was charged; please try again.");
      }
      if (!session.url) throw new AppError("UNAVAILABLE", "The payment service returned no payment page. Please try again.");
      return { redirectUrl: session.url, providerRef: session.id };
    },
  };
}
