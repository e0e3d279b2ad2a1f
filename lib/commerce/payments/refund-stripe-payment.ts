import type Stripe from "stripe";

/**
 * Returns the money of a voided order (a payment for a course the buyer already owned) through
 * the Stripe SDK. The idempotency key is per order, so the webhook may call this again on every
 * redelivery until it has succeeded: Stripe creates one refund.
 * Throws when Stripe can't be reached; the caller answers 5xx so Stripe redelivers the event.
 */
export async function refundStripePayment(
  stripe: Stripe,
  input: { orderId: string; paymentIntentId: string },
): Promise<{ refundId: string; status: string | null }> {
  const refund = await stripe.refunds.create(
    {
      payment_intent: input.paymentIntentId,
      // Stripe's own reason for "the customer was charged twice for the same thing".
      reason: "duplicate",
      metadata: { orderId: input.orderId, lecternReason: "already_owned" },
    },
    { idempotencyKey: `lectern-void-${input.orderId}` },
  );
  return { refundId: refund.id, status: refund.status };
}
