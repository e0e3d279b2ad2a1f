/**
 * How long a pending order may wait for its payment. The same 30 minutes is the window in
 * which createOrder hands back a buyer's identical pending order (double clicks, retries),
 * so an order is never handed back after it has expired.
 */
export const PENDING_ORDER_TTL_MS = 30 * 60 * 1000;

/**
 * Providers whose pending orders Lectern expires itself. The local test page has no other
 * channel that would ever end an abandoned order. Stripe ends its own: the Checkout Session
 * carries the same deadline (`expires_at`, stripe-provider.ts) and Stripe reports
 * `checkout.session.expired`; expiring a Stripe order here could race a payment Stripe still
 * accepts. See docs/decisions/005-payment-providers.md.
 */
const SELF_EXPIRING_PROVIDERS = new Set(["local"]);

export function isSelfExpiringProvider(provider: string): boolean {
  return SELF_EXPIRING_PROVIDERS.has(provider);
}

/** The cut-off: pending orders created before it have expired. */
export function pendingOrderCutoff(now: Date): Date {
  return new Date(now.getTime() - PENDING_ORDER_TTL_MS);
}

/** Has this pending order passed its deadline, by `now`? */
export function isPendingOrderExpired(order: { provider: string; createdAt: Date }, now: Date): boolean {
  return isSelfExpiringProvider(order.provider) && order.createdAt.getTime() <= pendingOrderCutoff(now).getTime();
}
