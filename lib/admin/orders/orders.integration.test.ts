import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasActivePurchase } from "../../access/has-active-purchase";
import { createOrder } from "../../commerce/create-order";
import { fulfilOrder } from "../../commerce/fulfil-order";
import { createStripeClient } from "../../commerce/payments/create-stripe-client";
import { createCourse, createUser, testEnv } from "../../commerce/testing/commerce-factories";
import { startFakeStripe } from "../../commerce/testing/fake-stripe-server";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import { listAdminOrders, loadAdminOrder, ORDERS_PER_PAGE } from "./list-admin-orders";
import { refundOrderAsAdmin, type TRefundDeps } from "./refund-order-as-admin";

let t: TestDatabase;
let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let stripe: Stripe;
let stripeDown = false;
let course: { id: string; slug: string };
const now = new Date("2026-11-29T10:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { priceCents: 5999 });
  fake = await startFakeStripe((req) => {
    if (stripeDown) return { status: 500, body: { error: { type: "api_error", message: "Something went wrong" } } };
    if (req.method === "GET" && req.path.startsWith("/v1/checkout/sessions/")) {
      return { body: { id: req.path.split("/").pop(), object: "checkout.session", payment_intent: "pi_admin_refund" } };
    }
    if (req.method === "POST" && req.path === "/v1/refunds") {
      return { body: { id: `re_${req.headers["idempotency-key"]}`, object: "refund", status: "succeeded", payment_intent: req.form.payment_intent } };
    }
    return undefined;
  });
  stripe = createStripeClient("sk_test_lectern", { ...fake.client, });
});
afterAll(async () => {
  await fake?.close();
  await t?.cleanup();
});

const deps = (): TRefundDeps => ({ db: t.db, now: () => now, actor: { id: null, email: "admin@lectern.local" }, stripe: () => stripe });

async function paidOrder(provider: "local" | "stripe", email?: string) {
  const user = await createUser(t.db, email ? { email } : {});
  const order = await createOrder({ db: t.db }, { userId: user.id, courseSlug: course.slug, provider });
  if (provider === "stripe") await t.db.order.update({ where: { id: order.id }, data: { providerRef: `cs_test_${order.id}` }, select: { id: true } });
  await fulfilOrder({ db: t.db, env: testEnv, now: () => now }, { orderId: order.id, paymentMethod: "Test" });
  return { user, order };
}

const refundRequests = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds");

describe("admin orders", () => {
  it("refunds a local order: access ends at once, audited; a second refund changes nothing", async () => {
    const { user, order } = await paidOrder("local");
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(true);
    expect(await refundOrderAsAdmin(deps(), { orderId: order.id })).toEqual({ refunded: true, status: "refunded" });
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(false);
    expect(await refundOrderAsAdmin(deps(), { orderId: order.id })).toEqual({ refunded: false, status: "refunded" });
    const audit = await t.db.auditLog.findMany({ where: { targetId: order.id }, select: { action: true, before: true, after: true } });
    expect(audit.map((a) => a.action)).toEqual(["order.refund"]);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ status: "refunded", purchase: "refunded", stripeRefund: null });
  });

  it("two refunds of one order at the same moment refund once", async () => {
    const { order } = await paidOrder("local");
    const results = await Promise.all([refundOrderAsAdmin(deps(), { orderId: order.id }), refundOrderAsAdmin(deps(), { orderId: order.id })]);
    expect(results.filter((r) => r.refunded)).toHaveLength(1);
    expect(await t.db.auditLog.count({ where: { targetId: order.id, action: "order.refund" } })).toBe(1);
  });

  it("refunds a Stripe order through the SDK with a per-order idempotency key, then ends access", async () => {
    const { user, order } = await paidOrder("stripe");
    const before = refundRequests().length;
    expect(await refundOrderAsAdmin(deps(), { orderId: order.id })).toEqual({ refunded: true, status: "refunded" });
    const sent = refundRequests().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.form).toMatchObject({ payment_intent: "pi_admin_refund", reason: "requested_by_customer", "metadata[orderId]": order.id });
    expect(sent[0]!.headers["idempotency-key"]).toBe(`lectern-admin-refund-${order.id}`);
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(false);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { targetId: order.id }, select: { after: true } });
    expect(JSON.parse(audit.after!).stripeRefund).toBe(`re_lectern-admin-refund-${order.id}`);
  });

  it("changes nothing when Stripe fails, and says so", async () => {
    const { user, order } = await paidOrder("stripe");
    stripeDown = true;
    try {
      await expect(refundOrderAsAdmin(deps(), { orderId: order.id })).rejects.toMatchObject({
        code: "UNAVAILABLE",
        message: "Stripe did not confirm the refund, so nothing changed. Try again in a moment.",
      });
    } finally {
      stripeDown = false;
    }
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(true);
    expect((await t.db.order.findUniqueOrThrow({ where: { id: order.id }, select: { status: true } })).status).toBe("paid");
  });

  it("refuses to refund an order that was never paid", async () => {
    const user = await createUser(t.db);
    const pending = await createOrder({ db: t.db }, { userId: user.id, courseSlug: course.slug, provider: "local" });
    await expect(refundOrderAsAdmin(deps(), { orderId: pending.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Only paid orders can be refunded; this one is pending.",
    });
    await expect(refundOrderAsAdmin(deps(), { orderId: "ord_missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("finds orders by part of the e-mail or number in any case, paginated", async () => {
    const { order } = await paidOrder("local", "Findable.Buyer@Example.com".toLowerCase());
    const byEmail = await listAdminOrders(t.db, { q: "FINDABLE.buyer", page: 1 });
    expect(byEmail.orders.map((o) => o.id)).toEqual([order.id]);
    const byNumber = await listAdminOrders(t.db, { q: order.number.toLowerCase().slice(-6), page: 1 });
    expect(byNumber.orders.map((o) => o.id)).toContain(order.id);
    expect((await listAdminOrders(t.db, { q: "nobody-at-all", page: 1 })).total).toBe(0);

    for (let i = 0; i < ORDERS_PER_PAGE; i++) await paidOrder("local");
    const all = await listAdminOrders(t.db, { q: "", page: 1 });
    expect(all.orders).toHaveLength(ORDERS_PER_PAGE);
    expect(all.pages).toBe(Math.ceil(all.total / ORDERS_PER_PAGE));
    const second = await listAdminOrders(t.db, { q: "", page: 2 });
    expect(second.orders.some((o) => all.orders.some((a) => a.id === o.id))).toBe(false);
  });

  it("loads an order with its purchase and its admin history", async () => {
    const { order } = await paidOrder("local");
    await refundOrderAsAdmin(deps(), { orderId: order.id });
    const loaded = await loadAdminOrder(t.db, order.id);
    expect(loaded).toMatchObject({ status: "refunded", purchase: { status: "refunded" } });
    expect(loaded!.history.map((h) => [h.action, h.actorEmail])).toEqual([["order.refund", "admin@lectern.local"]]);
  });
});
