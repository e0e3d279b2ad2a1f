import type Stripe from "stripe";
import { z } from "zod";
import { AppError } from "../../errors";
import { errorResponse } from "../../http/error-response";
import { failOrder } from "../fail-order";
import { fulfilOrder, type TFulfilDeps } from "../fulfil-order";
import { refundOrder } from "../refund-order";
import { describeStripePayment } from "./describe-stripe-payment";
import { refundStripePayment } from "./refund-stripe-payment";

export type TStripeWebhookDeps = TFulfilDeps & {
  stripe: Stripe;
  env: TFulfilDeps["env"] & { STRIPE_WEBHOOK_SECRET?: string };
};

// The fields we use, validated at the edge (the signature proves origin, not shape).
const ZSessionObject = z.object({
  id: z.string(),
  object: z.literal("checkout.session"),
  client_reference_id: z.string().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  payment_status: z.string(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
});
const ZChargeObject = z.object({
  id: z.string(),
  object: z.literal("charge"),
  metadata: z.record(z.string(), z.string()).nullish(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  refunded: z.boolean(),
});

const HANDLED = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
  "charge.refunded",
]);

/** Acknowledgements (2xx); every error goes through errorResponse. */
const ack = (body: Record<string, unknown>) => Response.json(body, { status: 200 });
const idOf = (v: string | { id: string } | null | undefined) => (typeof v === "string" ? v : (v?.id ?? null));

/**
 * POST /api/webhooks/stripe. Verifies the signature on the raw body, then turns Stripe's
 * word into order state: completed + paid → fulfil through the order state machine (a payment
 * for a course the buyer already owns is voided and refunded); async failure / expiry → fail;
 * charge.refunded (full refund) → refund. Idempotent twice over: each handled event is
 * recorded in PaymentEvent ("stripe:<evt id>") and replays are acknowledged without work,
 * and every state change is itself a conditional update, so even concurrent deliveries of
 * one event (which can both pass the PaymentEvent check) change an order once.
 */
export async function handleStripeWebhook(deps: TStripeWebhookDeps, request: Request): Promise<Response> {
  const secret = deps.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) return errorResponse(new AppError("UNAVAILABLE", "Stripe webhooks are not configured"));
  const signature = request.headers.get("stripe-signature");
  if (!signature) return errorResponse(new AppError("BAD_REQUEST", "Missing Stripe-Signature header"));
  const payload = await request.text();
  const now = deps.now?.() ?? new Date();

  let event: Stripe.Event;
  try {
    // receivedAt (milliseconds) is our clock: deliveries older than the SDK's 5-minute tolerance are replays.
    event = deps.stripe.webhooks.constructEvent(payload, signature, secret, undefined, undefined, now.getTime());
  } catch (error) {
    return errorResponse(new AppError("BAD_REQUEST", `Webhook signature verification failed: ${(error as Error).message}`));
  }
  if (!HANDLED.has(event.type)) return ack({ received: true, ignored: event.type });

  const eventId = `stripe:${event.id}`;
  const seen = await deps.db.paymentEvent.findUnique({ where: { id: eventId }, select: { id: true } });
  if (seen) return ack({ received: true, duplicate: true });

  const object = event.data.object as unknown;
  let orderId: string | null = null;
  let outcome: string;
  if (event.type.startsWith("checkout.session.")) {
    const parsed = ZSessionObject.safeParse(object);
    if (!parsed.success) return errorResponse(new AppError("BAD_REQUEST", "Unexpected checkout.session payload"));
    const session = parsed.data;
    orderId = session.metadata?.orderId ?? session.client_reference_id ?? null;
    if (!orderId) return ack({ received: true, ignored: "no Lectern order on this session" });
    if (event.type === "checkout.session.completed" || event.type === "checkout.session.async_payment_succeeded") {
      if (session.payment_status === "paid") {
        const paid = await fulfilStripePayment(deps, orderId, idOf(session.payment_intent), now);
        // Not recorded: Stripe redelivers the event and the refund is tried again.
        if (paid.retry) return errorResponse(new AppError("UNAVAILABLE", paid.retry));
        outcome = paid.outcome;
      } else {
        outcome = `waiting (payment_status ${session.payment_status})`; // async methods: wait for async_payment_*
      }
    } else {
      outcome = (await failOrder(deps, { orderId })).failed ? "failed" : "unchanged";
    }
  } else {
    const parsed = ZChargeObject.safeParse(object);
    if (!parsed.success) return errorResponse(new AppError("BAD_REQUEST", "Unexpected charge payload"));
    const charge = parsed.data;
    orderId = charge.metadata?.orderId ?? (await orderOfPaymentIntent(deps, idOf(charge.payment_intent)));
    if (!orderId) return ack({ received: true, ignored: "no Lectern order on this charge" });
    // A partial refund keeps the course; only a full refund (charge.refunded = true) revokes it.
    outcome = charge.refunded ? ((await refundOrder(deps, { orderId })).refunded ? "refunded" : "unchanged") : "partial refund ignored";
  }

  try {
    await deps.db.paymentEvent.create({ data: { id: eventId, type: event.type, orderId, receivedAt: now }, select: { id: true } });
  } catch (error) {
    // A concurrent delivery of the same event recorded it first; its effect happened once.
    if ((error as { code?: string }).code !== "P2002") throw error;
  }
  return ack({ received: true, orderId, outcome });
}

/**
 * A paid session goes through the order state machine (fulfilOrder). When it voids the order
 * — the buyer already owned the course through another order (issue 8) — the money goes back
 * through Stripe, and `refundedAt` records that it did. The refund is retried on every
 * delivery until it succeeds (idempotent per order), so a Stripe outage never keeps the money.
 * Also what reconcile-orders does with a session Stripe reports paid (lib/commerce/reconcile-orders.ts).
 */
export async function fulfilStripePayment(
  deps: TStripeWebhookDeps,
  orderId: string,
  paymentIntentId: string | null,
  now: Date,
): Promise<{ outcome: string; retry?: string }> {
  const order = await deps.db.order.findUnique({ where: { id: orderId }, select: { status: true } });
  if (!order) return { outcome: "unknown order" };
  let status = order.status;
  if (status === "pending") {
    const paymentMethod = await describeStripePayment(deps.stripe, paymentIntentId);
    const result = await fulfilOrder(deps, { orderId, paymentMethod });
    if (result.fulfilled) return { outcome: "paid" };
    status = result.status;
  }
  if (status !== "void") return { outcome: "unchanged" };

  const voided = await deps.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { refundedAt: true } });
  if (voided.refundedAt) return { outcome: "void: refunded" };
  if (!paymentIntentId) {
    console.error(`Voided Stripe order ${orderId} has no PaymentIntent to refund; refund it in the Stripe dashboard.`);
    return { outcome: "void: no payment to refund" };
  }
  try {
    await refundStripePayment(deps.stripe, { orderId, paymentIntentId });
  } catch (error) {
    console.error(`Refund of voided order ${orderId} failed (Stripe will redeliver):`, error);
    return { outcome: "void: refund pending", retry: "The refund of this duplicate payment could not be made yet" };
  }
  await deps.db.order.updateMany({ where: { id: orderId, status: "void", refundedAt: null }, data: { refundedAt: now } });
  return { outcome: "void: refunded" };
}

/** A charge without our metadata (created before it was set): find its Checkout Session. */
async function orderOfPaymentIntent(deps: TStripeWebhookDeps, paymentIntentId: string | null): Promise<string | null> {
  if (!paymentIntentId) return null;
  const sessions = await deps.stripe.checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 });
  const session = sessions.data[0];
  if (!session) return null;
  const order = await deps.db.order.findUnique({ where: { providerRef: session.id }, select: { id: true } });
  return order?.id ?? session.client_reference_id ?? null;
}
