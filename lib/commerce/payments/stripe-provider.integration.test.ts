import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import { startCheckout } from "../start-checkout";
import { couponRedemptions, createCoupon, createCourse, createUser, testEnv } from "../testing/commerce-factories";
import { fillFixture, startFakeStripe } from "../testing/fake-stripe-server";
import { createStripeClient } from "./create-stripe-client";
import { createStripeProvider } from "./stripe-provider";

const sessionFixture = fs.readFileSync(path.join(__dirname, "fixtures", "checkout-session.created.json"), "utf8");

let t: TestDatabase;
let course: { id: string; slug: string; title: string };
let stripeDown = false;
let fake: Awaited<ReturnType<typeof startFakeStripe>>;

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { slug: "paid-course", priceCents: 5999, title: "Enterprise Software with Python" });
  await createCoupon(t.db, { code: "LAUNCH50", percentOff: 50 });
  await createCoupon(t.db, { code: "ONLYONE", percentOff: 10, maxRedemptions: 1 });
  fake = await startFakeStripe((req) => {
    if (req.method !== "POST" || req.path !== "/v1/checkout/sessions") return undefined;
    if (stripeDown) return { status: 500, body: { error: { type: "api_error", message: "Something went wrong" } } };
    const orderId = req.form["metadata[orderId]"] ?? "missing";
    return { body: JSON.parse(fillFixture(sessionFixture, { id: orderId, number: req.form["metadata[orderNumber]"] })) };
  });
});
afterAll(async () => {
  await fake?.close();
  await t?.cleanup();
});

const now = new Date("2026-11-21T12:00:00Z");
const provider = () =>
  createStripeProvider({ stripe: createStripeClient("sk_test_lectern", { ...fake.client }), env: { APP_URL: testEnv.APP_URL } });

describe("Stripe Checkout (createStripeProvider + startCheckout)", () => {
  it("creates a Checkout Session for the server-computed total and stores its id", async () => {
    const user = await createUser(t.db);
    const before = fake.requests.length;
    const result = await startCheckout({ db: t.db, env: testEnv, provider: provider(), now: () => now }, { userId: user.id, course: course.slug, coupon: "launch50" });
    expect(result.redirectUrl).toMatch(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);

    const sent = fake.requests.slice(before);
    expect(sent).toHaveLength(1);
    const { form, headers } = sent[0]!;
    expect(headers.authorization).toBe("Bearer sk_test_lectern");
    expect(headers["idempotency-key"]).toBe(`lectern-checkout-${result.orderId}`);
    expect(form).toMatchObject({
      mode: "payment",
      client_reference_id: result.orderId,
      "metadata[orderId]": result.orderId,
      "payment_intent_data[metadata][orderId]": result.orderId,
      customer_email: user.email,
      "line_items[0][quantity]": "1",
      "line_items[0][price_data][currency]": "usd",
      "line_items[0][price_data][unit_amount]": "2999",
      "line_items[0][price_data][product_data][name]": "Enterprise Software with Python",
      success_url: `http://localhost:3000/account/orders/${result.orderId}/receipt?welcome=1`,
      cancel_url: "http://localhost:3000/courses/paid-course/checkout?coupon=LAUNCH50",
      // Stripe ends an abandoned session (and reports checkout.session.expired, which releases
      // the coupon) after 31 minutes, not its default 24 hours (issue 8).
      expires_at: String(Math.floor(now.getTime() / 1000) + 31 * 60),
    });
    const order = await t.db.order.findUniqueOrThrow({ where: { id: result.orderId }, select: { status: true, provider: true, providerRef: true, totalCents: true } });
    expect(order).toEqual({ status: "pending", provider: "stripe", providerRef: JSON.parse(sessionFixture).id, totalCents: 2999 });

    // A double click a minute later: the same order, the same session parameters (the
    // idempotency key only replays identical requests), so the same deadline.
    const later = new Date(now.getTime() + 60_000);
    const again = await startCheckout({ db: t.db, env: testEnv, provider: provider(), now: () => later }, { userId: user.id, course: course.slug, coupon: "launch50" });
    expect(again.orderId).toBe(result.orderId);
    const resent = fake.requests.slice(before + 1);
    expect(resent).toHaveLength(1);
    expect(resent[0]!.form).toEqual(form);
  });

  it("when Stripe fails, fails the order and releases the coupon (nothing half-written)", async () => {
    const user = await createUser(t.db);
    stripeDown = true;
    try {
      const error = await startCheckout(
        { db: t.db, env: testEnv, provider: createStripeProvider({ stripe: createStripeClient("sk_test_lectern", { ...fake.client }), env: testEnv }) },
        { userId: user.id, course: course.slug, coupon: "ONLYONE" },
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "UNAVAILABLE" });
    } finally {
      stripeDown = false;
    }
    const orders = await t.db.order.findMany({ where: { userId: user.id }, select: { status: true, providerRef: true } });
    expect(orders).toEqual([{ status: "failed", providerRef: null }]);
    expect(await couponRedemptions(t.db, "ONLYONE")).toBe(0);
  });
});
