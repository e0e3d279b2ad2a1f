import type Stripe from "stripe";
import { expirePendingOrders } from "./expire-pending-orders";
import { failOrder } from "./fail-order";
import { fulfilOrder, type TFulfilDeps } from "./fulfil-order";
import { fulfilStripePayment } from "./payments/handle-stripe-webhook";
import { decideReconciliation, type TProviderTruth, type TReconcileDecision } from "./reconcile-decision";
import { FREE_WITH_COUPON_METHOD } from "./begin-payment";

export type TReconcileDeps = TFulfilDeps & {
  /** Needed only when there are pending Stripe orders; without it they are reported, not changed. */
  stripe?: Stripe;
};

export type TReconciledOrder = {
  orderId: string;
  number: string;
  provider: string;
  decision: TReconcileDecision["action"] | "error";
  reason: string;
  /** The order's status after this run (the same as before when nothing changed). */
  status: string;
  changed: boolean;
};

/** Sessions are looked for this far either side of the order's creation (clock skew, slow requests). */
const SESSION_SEARCH_WINDOW_S = 15 * 60;

/**
 * `npm run lectern -- reconcile-orders`: asks the payment provider for the truth of every pending
 * order and applies it through the same functions as the webhooks (fulfilOrder, failOrder), so it
 * is idempotent and safe beside a running app: a webhook arriving at the same moment changes the
 * order once. For a crash between "Stripe took the money" and "the webhook was handled", before
 * Stripe's own redelivery (which it repeats for three days) gets through. `dryRun` decides and
 * reports without changing anything. Returns one line per pending order looked at.
 */
export async function reconcileOrders(deps: TReconcileDeps, options: { dryRun?: boolean } = {}): Promise<TReconciledOrder[]> {
  const now = deps.now?.() ?? new Date();
  const pending = await deps.db.order.findMany({
    where: { status: "pending" },
    select: { id: true, number: true, provider: true, status: true, totalCents: true, createdAt: true, providerRef: true },
    orderBy: { createdAt: "asc" },
  });
  const results: TReconciledOrder[] = [];
  // Orders whose session id a crash lost: one listing of Stripe's sessions covers them all.
  const lost = pending.filter((o) => o.provider === "stripe" && o.totalCents > 0 && !o.providerRef);
  const found = lost.length && deps.stripe ? sessionsAround(deps.stripe, lost, now) : Promise.resolve(new Map());
  found.catch(() => {}); // awaited (and reported) per order below
  for (const order of pending) {
    const base = { orderId: order.id, number: order.number, provider: order.provider };
    let truth: TProviderTruth;
    try {
      truth = order.totalCents === 0 || order.provider !== "stripe" ? { kind: "local" } : await askStripe(deps, order, found);
    } catch (error) {
      results.push({ ...base, decision: "error", reason: (error as Error).message, status: order.status, changed: false });
      continue;
    }
    const decision = decideReconciliation({ order, truth, now });
    if (options.dryRun || decision.action === "wait") {
      results.push({ ...base, decision: decision.action, reason: decision.reason, status: order.status, changed: false });
      continue;
    }
    const applied = await apply(deps, order.id, decision, truth, now);
    const status = (await deps.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status;
    results.push({ ...base, decision: decision.action, reason: applied ?? decision.reason, status, changed: status !== order.status });
  }
  return results;
}

/** Carries out a decision; returns a note when the outcome differs from the plan (a refund pending, a race lost). */
async function apply(
  deps: TReconcileDeps,
  orderId: string,
  decision: TReconcileDecision,
  truth: TProviderTruth,
  now: Date,
): Promise<string | undefined> {
  const at = { ...deps, now: () => now };
  switch (decision.action) {
    case "fulfil": {
      if (decision.method === "free") {
        await fulfilOrder(at, { orderId, paymentMethod: FREE_WITH_COUPON_METHOD });
        return undefined;
      }
      const paymentIntentId = truth.kind === "session" ? truth.paymentIntentId : null;
      const result = await fulfilStripePayment({ ...at, stripe: deps.stripe! }, orderId, paymentIntentId, now);
      if (result.outcome === "paid") return undefined;
      return result.retry ? `${decision.reason}; ${result.outcome} (${result.retry})` : `${decision.reason}; ${result.outcome}`;
    }
    case "fail":
      await failOrder(at, { orderId });
      return undefined;
    case "expire":
      // The same conditional update as the lazy expiry: only a local order past its deadline.
      await expirePendingOrders(at, { orderId });
      return undefined;
    case "wait":
      return undefined;
  }
}

/**
 * The sessions Stripe created around the given orders' times (one auto-paginated listing for
 * all of them), by the order id they carry.
 */
async function sessionsAround(
  stripe: Stripe,
  orders: { createdAt: Date }[],
  now: Date,
): Promise<Map<string, Stripe.Checkout.Session[]>> {
  const seconds = orders.map((o) => Math.floor(o.createdAt.getTime() / 1000));
  const byOrder = new Map<string, Stripe.Checkout.Session[]>();
  const list = stripe.checkout.sessions.list({
    created: {
      gte: Math.min(...seconds) - SESSION_SEARCH_WINDOW_S,
      lte: Math.min(Math.max(...seconds) + SESSION_SEARCH_WINDOW_S, Math.floor(now.getTime() / 1000) + 60),
    },
    limit: 100,
  });
  for await (const s of list) {
    const orderId = s.client_reference_id ?? s.metadata?.orderId;
    if (orderId) byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), s]);
  }
  return byOrder;
}

/**
 * The order's Checkout Session: by its id when the checkout stored it, else among the sessions
 * Stripe created around the order's time, matched by our order id — a crash can fall between
 * Stripe creating the session and the app storing its id.
 */
async function askStripe(
  deps: TReconcileDeps,
  order: { id: string; providerRef: string | null },
  around: Promise<Map<string, Stripe.Checkout.Session[]>>,
): Promise<TProviderTruth> {
  if (!deps.stripe) throw new Error("STRIPE_SECRET_KEY is not set, so Stripe cannot be asked about this order");
  let session: Stripe.Checkout.Session | undefined;
  if (order.providerRef) {
    session = await deps.stripe.checkout.sessions.retrieve(order.providerRef);
  } else {
    const found = (await around).get(order.id) ?? [];
    // One idempotency key per order makes one session; should there be more, a paid one decides.
    session = found.find((s) => s.payment_status === "paid") ?? found[0];
  }
  if (!session) return { kind: "no-session" };
  const intent = session.payment_intent;
  return {
    kind: "session",
    id: session.id,
    status: session.status ?? "open",
    paymentStatus: session.payment_status,
    paymentIntentId: typeof intent === "string" ? intent : (intent?.id ?? null),
  };
}
