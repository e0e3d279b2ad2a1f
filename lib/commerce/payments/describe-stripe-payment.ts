import type Stripe from "stripe";

/**
 * "Visa •••• 4242" for the receipt, from the PaymentIntent's latest charge. A receipt
 * detail only: when Stripe can't be asked, the payment is still recorded ("Card (Stripe)").
 */
export async function describeStripePayment(stripe: Stripe, paymentIntentId: string | null): Promise<string> {
  const fallback = "Card (Stripe)";
  if (!paymentIntentId) return fallback;
  try {
    const intent = await stripe.paymentIntents.retrieve(paymentIntentId, { expand: ["latest_charge"] });
    const charge = intent.latest_charge;
    if (!charge || typeof charge === "string") return fallback;
    const details = charge.payment_method_details;
    if (details?.card) {
      const brand = details.card.brand ? details.card.brand[0]!.toUpperCase() + details.card.brand.slice(1) : "Card";
      return details.card.last4 ? `${brand} •••• ${details.card.last4}` : brand;
    }
    return details?.type ? `${details.type} (Stripe)` : fallback;
  } catch (error) {
    console.warn(`Could not describe Stripe payment ${paymentIntentId}:`, (error as Error).message);
    return fallback;
  }
}
