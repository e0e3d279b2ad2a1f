import fs from "node:fs";
import path from "node:path";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import { hasActivePurchase } from "../../access/has-active-purchase";
import { createOrder } from "../create-order";
import { fulfilOrder } from "../fulfil-order";
import { couponRedemptions, createCoupon, createCourse, createUser, receiptMails, testEnv } from "../testing/commerce-factories";
import { fillFixture, startFakeStripe } from "../testing/fake-stripe-server";
import { createStripeClient } from "./create-stripe-client";
import { handleStripeWebhook } from "./handle-stripe-webhook";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");

let t: TestDatabase;
let stripe: Stripe;
let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let course: { id: string; slug: string };
let refundsDown = false;
const now = new Date("2026-11-21T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { slug: "paid-course", priceCents: 5999 });
  await createCoupon(t.db, { code: "LAUNCH50", percentOff: 50 });
  // Answers the PaymentIntent lookup that puts "Visa •••• 4242" on the receipt, and refunds.
  fake = await startFakeStripe((req) => {
    if (req.method === "GET" && req.path.startsWith("/v1/payment_intents/")) {
      return { body: JSON.parse(fixture("payment-intent.retrieved.json")) };
    }
    if (req.method === "POST" && req.path === "/v1/refunds") {
      if (refundsDown) return { status: 500, body: { error: { type: "api_error", message: "Something went wrong" } } };
      return {
        body: {
          id: `re_fake_${fake.requests.length}`,
          object: "refund",
          amount: 2999,
          currency: "usd",
          payment_intent: req.form.payment_intent,
          reason: req.form.reason ?? null,
          metadata: { orderId: req.form["metadata[orderId]"] },
          status: "succeeded",
        },
      };
    }
    return undefined;
  });
  stripe = createStripeClient("sk_test_lectern", { ...fake.client });
});
afterAll(async () => {
  await fake?.close();
  await t?.cleanup();
});

const deps = () => ({ db: t.db, env: testEnv, stripe, now: () => now });

function signed(payload: string, secret = testEnv.STRIPE_WEBHOOK_SECRET): Request {
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(now.getTime() / 1000) });
  return new Request("http://localhost:3000/api/webhooks/stripe", {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": header },
    body: payload,
  });
}

/** A pending Stripe order and a fixture event about it, with a unique event id. */
async function orderAndEvent(name: string, couponCode?: string, buyer?: { id: string; email: string }) {
  const user = buyer ?? (await createUser(t.db));
  const order = await createOrder({ db: t.db }, { userId: user.id, courseSlug: course.slug, couponCode, provider: "stripe" });
  const event = JSON.parse(fillFixture(fixture(name), order)) as { id: string };
  event.id = `${event.id}_${order.id}`;
  return { user, order, payload: JSON.stringify(event) };
}

describe("POST /api/webhooks/stripe (handleStripeWebhook)", () => {
  it("fulfils on checkout.session.completed with the card on the receipt", async () => {
    const { user, order, payload } = await orderAndEvent("checkout.session.completed.json");
    const res = await handleStripeWebhook(deps(), signed(payload));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, orderId: order.id, outcome: "paid" });
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(true);
    const row = await t.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true, paymentMethod: true } });
    expect(row).toEqual({ status: "paid", paymentMethod: "Visa •••• 4242" });
    expect(await t.db.paymentEvent.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("replayed 10 times → one purchase, one receipt, one recorded event", async () => {
    const { user, order, payload } = await orderAndEvent("checkout.session.completed.json");
    const bodies = [];
    for (let i = 0; i < 10; i++) {
      const res = await handleStripeWebhook(deps(), signed(payload));
      expect(res.status).toBe(200);
      bodies.push((await res.json()) as { duplicate?: boolean });
    }
    expect(bodies.filter((b) => b.duplicate)).toHaveLength(9);
    expect(await t.db.purchase.count({ where: { userId: user.id } })).toBe(1);
    expect(await receiptMails(t.db, user.email)).toHaveLength(1);
    expect(await t.db.paymentEvent.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("10 concurrent deliveries of the same signed event → one purchase, one receipt", async () => {
    const { user, order, payload } = await orderAndEvent("checkout.session.completed.json");
    const responses = await Promise.all(Array.from({ length: 10 }, () => handleStripeWebhook(deps(), signed(payload))));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await t.db.purchase.count({ where: { userId: user.id } })).toBe(1);
    expect(await receiptMails(t.db, user.email)).toHaveLength(1);
    expect(await t.db.paymentEvent.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("rejects a bad signature with 400 and a message, changing nothing", async () => {
    const { user, payload } = await orderAndEvent("checkout.session.completed.json");
    const forged = await handleStripeWebhook(deps(), signed(payload, "whsec_someone_else"));
    expect(forged.status).toBe(400);
    expect(((await forged.json()) as { error: { message: string } }).error.message).toMatch(/signature/i);
    const tampered = signed(payload);
    expect(payload).toContain('"payment_status":"paid"');
    const body = payload.replace('"payment_status":"paid"', '"payment_status":"unpaid"');
    const res = await handleStripeWebhook(deps(), new Request(tampered.url, { method: "POST", headers: tampered.headers, body }));
    expect(res.status).toBe(400);
    const unsigned = await handleStripeWebhook(deps(), new Request(tampered.url, { method: "POST", body: payload }));
    expect(unsigned.status).toBe(400);
    expect(await t.db.purchase.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a correctly signed but stale delivery (replay window)", async () => {
    const { payload } = await orderAndEvent("checkout.session.completed.json");
    const old = stripe.webhooks.generateTestHeaderString({ payload, secret: testEnv.STRIPE_WEBHOOK_SECRET, timestamp: Math.floor(now.getTime() / 1000) - 3600 });
    const res = await handleStripeWebhook(deps(), new Request("http://x/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": old }, body: payload }));
    expect(res.status).toBe(400);
  });

  it("acknowledges unknown event types with 200 and ignores them", async () => {
    const payload = fixture("customer.created.json");
    const res = await handleStripeWebhook(deps(), signed(payload));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ received: true, ignored: "customer.created" });
  });

  it("fails the order and releases its coupon on checkout.session.expired and async_payment_failed", async () => {
    await createCoupon(t.db, { code: "STRIPEONCE", percentOff: 50, maxRedemptions: 1 });
    const expired = await orderAndEvent("checkout.session.expired.json", "STRIPEONCE");
    expect(await couponRedemptions(t.db, "STRIPEONCE")).toBe(1);
    expect((await handleStripeWebhook(deps(), signed(expired.payload))).status).toBe(200);
    expect(await t.db.order.findUniqueOrThrow({ where: { id: expired.order.id }, select: { status: true } })).toEqual({ status: "failed" });
    expect(await couponRedemptions(t.db, "STRIPEONCE")).toBe(0);

    const failed = await orderAndEvent("checkout.session.async_payment_failed.json", "STRIPEONCE");
    await handleStripeWebhook(deps(), signed(failed.payload));
    await handleStripeWebhook(deps(), signed(failed.payload));
    expect(await t.db.order.findUniqueOrThrow({ where: { id: failed.order.id }, select: { status: true } })).toEqual({ status: "failed" });
    expect(await couponRedemptions(t.db, "STRIPEONCE")).toBe(0);
  });

  it("refunds on charge.refunded: the purchase flips and access ends", async () => {
    const { user, order } = await orderAndEvent("checkout.session.completed.json");
    await fulfilOrder({ db: t.db, env: testEnv }, { orderId: order.id, paymentMethod: "Visa •••• 4242" });
    const refund = JSON.parse(fillFixture(fixture("charge.refunded.json"), order)) as { id: string };
    refund.id = `${refund.id}_${order.id}`;
    const res = await handleStripeWebhook(deps(), signed(JSON.stringify(refund)));
    expect(await res.json()).toMatchObject({ outcome: "refunded" });
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(false);
    expect(await t.db.purchase.findFirstOrThrow({ where: { userId: user.id }, select: { status: true } })).toEqual({ status: "refunded" });
  });

  it("never fulfils an unpaid completed session (asynchronous payment still pending)", async () => {
    const { user, payload } = await orderAndEvent("checkout.session.completed.json");
    const unpaid = payload.replace('"payment_status":"paid"', '"payment_status":"unpaid"');
    const res = await handleStripeWebhook(deps(), signed(unpaid));
    expect(res.status).toBe(200);
    expect(await t.db.purchase.count({ where: { userId: user.id } })).toBe(0);
  });

  describe("a second paid session for a course the buyer already owns (issue 8)", () => {
    const refundRequests = (orderId: string) =>
      fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds" && r.form["metadata[orderId]"] === orderId);

    it("sequential: the second payment is voided and refunded through Stripe, once; one paid order, one purchase", async () => {
      await createCoupon(t.db, { code: "WEBHALF", percentOff: 50 });
      const user = await createUser(t.db);
      const full = await orderAndEvent("checkout.session.completed.json", undefined, user);
      const half = await orderAndEvent("checkout.session.completed.json", "WEBHALF", user);
      expect(half.order.id).not.toBe(full.order.id);

      expect(await (await handleStripeWebhook(deps(), signed(full.payload))).json()).toMatchObject({ outcome: "paid" });
      const res = await handleStripeWebhook(deps(), signed(half.payload));
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ orderId: half.order.id, outcome: "void: refunded" });
      // A replay of the same event neither pays nor refunds again.
      expect(await (await handleStripeWebhook(deps(), signed(half.payload))).json()).toMatchObject({ duplicate: true });

      const sent = refundRequests(half.order.id);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.form).toMatchObject({ payment_intent: "pi_3QfLecternTestPI0000001", reason: "duplicate" });
      expect(sent[0]!.headers["idempotency-key"]).toBe(`lectern-void-${half.order.id}`);
      expect(refundRequests(full.order.id)).toHaveLength(0);

      const rows = await t.db.order.findMany({ where: { userId: user.id }, select: { id: true, status: true, refundedAt: true } });
      expect(Object.fromEntries(rows.map((o) => [o.id, [o.status, o.refundedAt?.toISOString() ?? null]]))).toEqual({
        [full.order.id]: ["paid", null],
        [half.order.id]: ["void", now.toISOString()],
      });
      expect(await t.db.purchase.findMany({ where: { userId: user.id }, select: { orderId: true, status: true } })).toEqual([
        { orderId: full.order.id, status: "active" },
      ]);
      expect(await receiptMails(t.db, user.email)).toHaveLength(1);
      expect(await couponRedemptions(t.db, "WEBHALF")).toBe(0);
    });

    it("concurrent: both sessions reported at once → one paid order, one refund", async () => {
      const user = await createUser(t.db);
      const a = await orderAndEvent("checkout.session.completed.json", undefined, user);
      const b = await orderAndEvent("checkout.session.completed.json", "LAUNCH50", user);
      const responses = await Promise.all([a, b].map((x) => handleStripeWebhook(deps(), signed(x.payload))));
      expect(responses.map((r) => r.status)).toEqual([200, 200]);
      const rows = await t.db.order.findMany({ where: { userId: user.id }, select: { id: true, status: true } });
      expect(rows.map((o) => o.status).sort()).toEqual(["paid", "void"]);
      const voided = rows.find((o) => o.status === "void")!;
      const paid = rows.find((o) => o.status === "paid")!;
      expect(refundRequests(voided.id)).toHaveLength(1);
      expect(refundRequests(paid.id)).toHaveLength(0);
      expect(await t.db.purchase.findMany({ where: { userId: user.id }, select: { orderId: true } })).toEqual([{ orderId: paid.id }]);
    });

    it("when the refund fails, answers 503 without recording the event, and Stripe's redelivery refunds", async () => {
      const user = await createUser(t.db);
      const first = await orderAndEvent("checkout.session.completed.json", undefined, user);
      const second = await orderAndEvent("checkout.session.completed.json", "LAUNCH50", user);
      await handleStripeWebhook(deps(), signed(first.payload));
      refundsDown = true;
      let res: Response;
      try {
        res = await handleStripeWebhook(deps(), signed(second.payload));
      } finally {
        refundsDown = false;
      }
      expect(res.status).toBe(503);
      expect(await t.db.order.findUniqueOrThrow({ where: { id: second.order.id }, select: { status: true, refundedAt: true } })).toEqual({
        status: "void",
        refundedAt: null,
      });
      expect(await t.db.paymentEvent.count({ where: { orderId: second.order.id } })).toBe(0);

      const retried = await handleStripeWebhook(deps(), signed(second.payload));
      expect(retried.status).toBe(200);
      expect(await retried.json()).toMatchObject({ outcome: "void: refunded" });
      expect(await t.db.order.findUniqueOrThrow({ where: { id: second.order.id }, select: { refundedAt: true } })).toEqual({ refundedAt: now });
      expect(await t.db.purchase.findMany({ where: { userId: user.id }, select: { orderId: true } })).toEqual([{ orderId: first.order.id }]);
    });
  });
});
