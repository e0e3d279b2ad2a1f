// A Stripe account in a test: Checkout Sessions created through the real SDK (idempotency keys
// honoured), buyers who pay or abandon, and webhooks signed with the endpoint secret and
// delivered the way Stripe does — at least once, again until a 2xx. Used by the reconcile-orders
// integration test and the crash test (scripts/load/crash-test.ts). Built on startFakeStripe.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Stripe from "stripe";
import { startFakeStripe, type TRecordedRequest } from "./fake-stripe-server";

export type TFakeSession = {
  id: string;
  object: "checkout.session";
  client_reference_id: string | null;
  metadata: Record<string, string>;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  payment_intent: string | null;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  created: number;
  expires_at: number;
  url: string | null;
  mode: "payment";
  livemode: false;
};

export type TFakeEvent = { id: string; type: string; payload: string; orderId: string | null };
export type TDelivery = { eventId: string; status: number | null; error?: string };

const PAYMENT_INTENT = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../payments/fixtures/payment-intent.retrieved.json"), "utf8"),
) as Record<string, unknown>;

const rand = (n = 12) => crypto.randomBytes(n).toString("hex");
const notFound = (what: string) => ({
  status: 404,
  body: { error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${what}` } },
});

export async function startFakeStripeAccount(options: {
  webhookSecret: string;
  /** Milliseconds before a session creation is answered (a slow Stripe keeps checkouts in flight). */
  createDelayMs?: () => number;
  /** Seconds since the epoch, Stripe's clock. */
  clock?: () => number;
}) {
  const clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
  const sessions = new Map<string, TFakeSession>();
  const byIdempotencyKey = new Map<string, string>();
  const signer = new Stripe("sk_test_signer_only");
  const deliveries: TDelivery[] = [];

  const createSession = (req: TRecordedRequest): TFakeSession => {
    const key = req.headers["idempotency-key"];
    const known = typeof key === "string" ? byIdempotencyKey.get(key) : undefined;
    if (known) return sessions.get(known)!;
    const f = req.form;
    const id = `cs_test_${rand()}`;
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(f)) {
      const m = /^metadata\[(\w+)\]$/.exec(k);
      if (m) metadata[m[1]!] = v;
    }
    const session: TFakeSession = {
      id,
      object: "checkout.session",
      client_reference_id: f.client_reference_id ?? null,
      metadata,
      status: "open",
      payment_status: "unpaid",
      payment_intent: null,
      amount_total: Number(f["line_items[0][price_data][unit_amount]"] ?? 0),
      currency: f["line_items[0][price_data][currency]"] ?? "usd",
      customer_email: f.customer_email ?? null,
      created: clock(),
      expires_at: Number(f.expires_at ?? clock() + 86_400),
      url: `https://checkout.stripe.test/c/pay/${id}`,
      mode: "payment",
      livemode: false,
    };
    sessions.set(id, session);
    if (typeof key === "string") byIdempotencyKey.set(key, id);
    return session;
  };

  const listSessions = (req: TRecordedRequest) => {
    const f = req.form;
    const gte = f["created[gte]"] ? Number(f["created[gte]"]) : -Infinity;
    const lte = f["created[lte]"] ? Number(f["created[lte]"]) : Infinity;
    const limit = Number(f.limit ?? 10);
    // Newest first, as Stripe lists; ties broken by id so pages are stable.
    let all = [...sessions.values()]
      .filter((s) => s.created >= gte && s.created <= lte)
      .sort((a, b) => b.created - a.created || a.id.localeCompare(b.id));
    if (f.starting_after) all = all.slice(all.findIndex((s) => s.id === f.starting_after) + 1);
    return { object: "list", url: "/v1/checkout/sessions", data: all.slice(0, limit), has_more: all.length > limit };
  };

  const server = await startFakeStripe(async (req) => {
    if (req.method === "POST" && req.path === "/v1/checkout/sessions") {
      const delay = options.createDelayMs?.() ?? 0;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      return { body: createSession(req) };
    }
    if (req.method === "GET" && req.path === "/v1/checkout/sessions") return { body: listSessions(req) };
    const session = /^\/v1\/checkout\/sessions\/([\w-]+)$/.exec(req.path);
    if (req.method === "GET" && session) {
      const s = sessions.get(session[1]!);
      return s ? { body: s } : notFound(`checkout.session: '${session[1]}'`);
    }
    const intent = /^\/v1\/payment_intents\/([\w-]+)$/.exec(req.path);
    if (req.method === "GET" && intent) return { body: { ...PAYMENT_INTENT, id: intent[1] } };
    if (req.method === "POST" && req.path === "/v1/refunds") {
      return {
        body: {
          id: `re_${rand(8)}`,
          object: "refund",
          payment_intent: req.form.payment_intent,
          metadata: { orderId: req.form["metadata[orderId]"] },
          status: "succeeded",
        },
      };
    }
    return undefined;
  });

  const event = (type: string, s: TFakeSession): TFakeEvent => {
    const id = `evt_${rand()}`;
    const body = { id, object: "event", api_version: "2026-10-28.endive", created: clock(), type, livemode: false, data: { object: { ...s } } };
    return { id, type, payload: JSON.stringify(body), orderId: s.client_reference_id };
  };

  return {
    ...server,
    sessions,
    deliveries,
    /** The buyer pays on Stripe's page: the session completes; returns the event Stripe then sends. */
    pay(sessionId: string): TFakeEvent {
      const s = sessions.get(sessionId);
      if (!s || s.status !== "open") throw new Error(`session ${sessionId} is not open`);
      Object.assign(s, { status: "complete", payment_status: "paid", payment_intent: `pi_${rand()}` });
      return event("checkout.session.completed", s);
    },
    /** The session's time is up (Stripe expires it at expires_at): the event Stripe sends. */
    expire(sessionId: string): TFakeEvent {
      const s = sessions.get(sessionId);
      if (!s || s.status !== "open") throw new Error(`session ${sessionId} is not open`);
      Object.assign(s, { status: "expired", url: null });
      return event("checkout.session.expired", s);
    },
    /** The session that carries this order (client_reference_id), if Stripe made one. */
    sessionOf(orderId: string): TFakeSession | undefined {
      return [...sessions.values()].find((s) => s.client_reference_id === orderId);
    },
    /**
     * One delivery attempt, signed as Stripe signs it. Resolves with the HTTP status, or null
     * with the error when nothing answered (a dead server); Stripe then tries again later.
     */
    async deliver(e: TFakeEvent, webhookUrl: string, timeoutMs = 30_000): Promise<TDelivery> {
      const header = signer.webhooks.generateTestHeaderString({ payload: e.payload, secret: options.webhookSecret, timestamp: clock() });
      let delivery: TDelivery;
      try {
        const res = await fetch(webhookUrl, {
          method: "POST",
          headers: { "content-type": "application/json", "stripe-signature": header },
          body: e.payload,
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer();
        delivery = { eventId: e.id, status: res.status };
      } catch (error) {
        delivery = { eventId: e.id, status: null, error: (error as Error).message };
      }
      deliveries.push(delivery);
      return delivery;
    },
  };
}

export type TFakeStripeAccount = Awaited<ReturnType<typeof startFakeStripeAccount>>;
