import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { hasActivePurchase } from "../access/has-active-purchase";
import { createOrder } from "./create-order";
import { fulfilOrder } from "./fulfil-order";
import { refundOrder } from "./refund-order";
import { loadReceipt } from "./load-receipt";
import { settleLocalPayment } from "./payments/settle-local-payment";
import { startCheckout } from "./start-checkout";
import { createLocalProvider } from "./payments/local-provider";
import { couponRedemptions, createCoupon, createCourse, createUser, receiptMails, testEnv } from "./testing/commerce-factories";

let t: TestDatabase;
let course: { id: string; slug: string; title: string };

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { slug: "paid-course", priceCents: 5999, title: "Enterprise Software with Python" });
  await createCoupon(t.db, { code: "LAUNCH50", percentOff: 50 });
});
afterAll(() => t?.cleanup());

const deps = () => ({ db: t.db, env: testEnv });

async function pendingOrder(couponCode?: string) {
  const user = await createUser(t.db, { name: "Ada Lovelace" });
  const order = await createOrder(deps(), { userId: user.id, courseSlug: course.slug, couponCode, provider: "local" });
  return { user, order };
}

async function purchases(userId: string) {
  return t.db.purchase.findMany({ where: { userId }, select: { status: true, orderId: true } });
}

describe("fulfilOrder", () => {
  it("marks the order paid, grants the course and mails one receipt with the facts", async () => {
    const { user, order } = await pendingOrder("launch50");
    const started = performance.now();
    const result = await fulfilOrder(deps(), { orderId: order.id, paymentMethod: "Visa •••• 4242" });
    const ms = performance.now() - started;
    expect(result).toEqual({ fulfilled: true, status: "paid", mailed: true });
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(true);
    const mails = await receiptMails(t.db, user.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`Your Lectern receipt ${order.number}`);
    for (const fact of [
      order.number, "Enterprise Software with Python", "$59.99", "LAUNCH50", "−$30.00", "$29.99 USD", "Visa •••• 4242", "PAID",
      "Ada Lovelace", user.email, "Lectern Courses GmbH", "Hauptstraße 1", `http://localhost:3000/account/orders/${order.id}/receipt`,
      "This receipt confirms payment",
    ]) {
      expect(mail.text).toContain(fact);
    }
    expect(mail.html).toContain(`/account/orders/${order.id}/receipt`);
    console.info(`fulfilOrder (paid + purchase + receipt mail): ${ms.toFixed(1)} ms`);
  });

  it("is idempotent: 10 sequential reports → one purchase, one receipt", async () => {
    const { user, order } = await pendingOrder();
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await fulfilOrder(deps(), { orderId: order.id, paymentMethod: "Test" }));
    expect(results.filter((r) => r.fulfilled)).toHaveLength(1);
    expect(await purchases(user.id)).toEqual([{ status: "active", orderId: order.id }]);
    expect(await receiptMails(t.db, user.email)).toHaveLength(1);
  });

  it("is idempotent under concurrency: 10 simultaneous reports → one purchase, one receipt", async () => {
    const { user, order } = await pendingOrder();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => fulfilOrder(deps(), { orderId: order.id, paymentMethod: "Test" })),
    );
    expect(results.filter((r) => r.fulfilled)).toHaveLength(1);
    expect(results.every((r) => r.status === "paid")).toBe(true);
    expect(await purchases(user.id)).toEqual([{ status: "active", orderId: order.id }]);
    expect(await receiptMails(t.db, user.email)).toHaveLength(1);
  });

  it("does not fulfil a failed order", async () => {
    const { user, order } = await pendingOrder();
    await settleLocalPayment(deps(), { orderId: order.id, userId: user.id, outcome: "decline" });
    expect(await fulfilOrder(deps(), { orderId: order.id, paymentMethod: "Test" })).toMatchObject({ fulfilled: false, status: "failed" });
    expect(await purchases(user.id)).toEqual([]);
  });
});

describe("refundOrder", () => {
  it("flips order and purchase to refunded (access ends), and a re-buy reactivates the purchase", async () => {
    const { user, order } = await pendingOrder();
    await fulfilOrder(deps(), { orderId: order.id, paymentMethod: "Test" });
    expect(await refundOrder(deps(), { orderId: order.id })).toEqual({ refunded: true });
    expect(await refundOrder(deps(), { orderId: order.id })).toEqual({ refunded: false });
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(false);
    expect(await purchases(user.id)).toEqual([{ status: "refunded", orderId: order.id }]);
    const receipt = await loadReceipt(t.db, order.id, { userId: user.id, role: "learner" });
    expect(receipt?.status).toBe("refunded");

    const again = await createOrder(deps(), { userId: user.id, courseSlug: course.slug, provider: "local" });
    await fulfilOrder(deps(), { orderId: again.id, paymentMethod: "Test" });
    expect(await purchases(user.id)).toEqual([{ status: "active", orderId: again.id }]);
  });
});

describe("local test payments", () => {
  it("Decline fails the order and releases the coupon; the buyer may retry and pay", async () => {
    await createCoupon(t.db, { code: "ONCE", percentOff: 20, maxRedemptions: 1 });
    const { user, order } = await pendingOrder("ONCE");
    expect(await couponRedemptions(t.db, "ONCE")).toBe(1);
    expect(await settleLocalPayment(deps(), { orderId: order.id, userId: user.id, outcome: "decline" })).toMatchObject({ outcome: "declined" });
    expect(await couponRedemptions(t.db, "ONCE")).toBe(0);
    await expect(settleLocalPayment(deps(), { orderId: order.id, userId: user.id, outcome: "pay" })).rejects.toMatchObject({ code: "CONFLICT" });

    const retry = await startCheckout({ ...deps(), provider: createLocalProvider() }, { userId: user.id, course: course.slug, coupon: "once" });
    expect(retry.redirectUrl).toBe(`/checkout/local/${retry.orderId}`);
    await settleLocalPayment(deps(), { orderId: retry.orderId, userId: user.id, outcome: "pay" });
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(true);
    expect(await couponRedemptions(t.db, "ONCE")).toBe(1);
  });

  it("only the order's owner may pay or decline it (others get 404)", async () => {
    const { order } = await pendingOrder();
    const stranger = await createUser(t.db);
    await expect(settleLocalPayment(deps(), { orderId: order.id, userId: stranger.id, outcome: "pay" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await loadReceipt(t.db, order.id, { userId: stranger.id, role: "learner" })).toBeNull();
    expect(await loadReceipt(t.db, order.id, { userId: stranger.id, role: "admin" })).not.toBeNull();
  });

  it("a 100 % coupon needs no payment and is fulfilled at checkout", async () => {
    await createCoupon(t.db, { code: "GIFT", percentOff: 100 });
    const user = await createUser(t.db);
    const result = await startCheckout({ ...deps(), provider: createLocalProvider() }, { userId: user.id, course: course.slug, coupon: "GIFT" });
    expect(result.redirectUrl).toBe(`/account/orders/${result.orderId}/receipt?welcome=1`);
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(true);
  });

  it("times one whole checkout (createOrder + fulfil)", async () => {
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const user = await createUser(t.db);
      const started = performance.now();
      const order = await createOrder(deps(), { userId: user.id, courseSlug: course.slug, couponCode: "LAUNCH50", provider: "local" });
      await fulfilOrder(deps(), { orderId: order.id, paymentMethod: "Test" });
      runs.push(performance.now() - started);
    }
    runs.sort((a, b) => a - b);
    console.info(`checkout (createOrder + fulfilOrder incl. receipt mail to outbox), 5 runs: median ${runs[2]!.toFixed(1)} ms, max ${runs[4]!.toFixed(1)} ms`);
    expect(runs[2]).toBeLessThan(2000);
  });
});
