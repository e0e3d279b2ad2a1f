import { isPendingOrderExpired, PENDING_ORDER_TTL_MS } from "./order-expiry";

export type TReconcileOrder = { id: string; provider: string; status: string; totalCents: number; createdAt: Date };

/** What the provider says about a pending order's payment (Stripe: its Checkout Session). */
export type TProviderTruth =
  /** The local test page has no outside truth: a payment there is the transaction that marks the order paid. */
  | { kind: "local" }
  /** Stripe has no Checkout Session for the order: its checkout died before Stripe created one. */
  | { kind: "no-session" }
  | { kind: "session"; id: string; status: string; paymentStatus: string; paymentIntentId: string | null };

export type TReconcileDecision =
  | { action: "fulfil"; method: "free" | "stripe"; reason: string }
  | { action: "fail"; reason: string }
  | { action: "expire"; reason: string }
  | { action: "wait"; reason: string };

/**
 * Stripe may create an order's session as long as a checkout can still hand the order back
 * (createOrder: its 30 minutes) and that request is running; 5 minutes is far past the SDK's
 * timeouts and retries. After that, an order Stripe has no session for can never be paid.
 */
export const NO_SESSION_GRACE_MS = PENDING_ORDER_TTL_MS + 5 * 60 * 1000;

/**
 * What reconcile-orders does with one pending order, given the provider's word: pure, so each
 * case is a unit test. A paid session is fulfilled exactly as its webhook would have been; an
 * expired one fails (its coupon released); a session still open or awaiting an async payment is
 * left to Stripe, which reports its end by webhook. Nothing is failed that could still be paid.
 * See docs/decisions/005-payment-providers.md ("Recovery after a crash").
 */
export function decideReconciliation(input: { order: TReconcileOrder; truth: TProviderTruth; now: Date }): TReconcileDecision {
  const { order, truth, now } = input;
  if (order.status !== "pending") return { action: "wait", reason: `already ${order.status}` };
  // startCheckout fulfils a free order in the request itself; a crash between the two leaves it
  // pending, and finishing it is what the buyer asked for (fulfilOrder makes a second call harmless).
  if (order.totalCents === 0) return { action: "fulfil", method: "free", reason: "nothing to pay (100 % coupon)" };

  if (truth.kind === "local") {
    if (isPendingOrderExpired(order, now)) return { action: "expire", reason: "its 30 minutes on the test payment page are up" };
    const until = new Date(order.createdAt.getTime() + PENDING_ORDER_TTL_MS);
    return { action: "wait", reason: `the buyer may still pay on the test payment page until ${until.toISOString()}` };
  }
  if (truth.kind === "no-session") {
    const deadline = order.createdAt.getTime() + NO_SESSION_GRACE_MS;
    if (now.getTime() >= deadline) return { action: "fail", reason: "Stripe has no Checkout Session for it: the checkout never reached Stripe" };
    return {
      action: "wait",
      reason: `Stripe has no Checkout Session for it yet; a retried checkout may still create one until ${new Date(deadline).toISOString()}`,
    };
  }
  if (truth.status === "complete" && (truth.paymentStatus === "paid" || truth.paymentStatus === "no_payment_required")) {
    return { action: "fulfil", method: "stripe", reason: `Stripe session ${truth.id} is paid` };
  }
  if (truth.status === "expired") return { action: "fail", reason: `Stripe session ${truth.id} expired unpaid` };
  if (truth.status === "complete") {
    return { action: "wait", reason: `Stripe session ${truth.id} awaits an asynchronous payment (${truth.paymentStatus})` };
  }
  return { action: "wait", reason: `Stripe session ${truth.id} is ${truth.status}: the buyer may still pay; Stripe reports the end` };
}
