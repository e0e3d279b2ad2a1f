import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { hasActivePurchase } from "../access/has-active-purchase";
import { AppError } from "../errors";
import { createOrder } from "./create-order";
import { expirePendingOrders } from "./expire-pending-orders";
import { fulfilOrder } from "./fulfil-order";
import { settleLocalPayment } from "./payments/settle-local-payment";
import { quotePrice } from "./quote-price";
import { couponRedemptions, createCoupon, createCourse, createUser, testEnv } from "./testing/commerce-factories";

let t: TestDatabase;
let course: { id: string; slug: string };

const t0 = new Date("2026-11-21T12:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60 * 1000);
/** Commerce deps whose clock reads t0 + `minutes`. */
const clock = (minutes: number) => ({ db: t.db, env: testEnv, now: () => at(minutes) });

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { slug: "paid-course", priceCents: 5999 });
});
afterAll(() => t?.cleanup());

const status = async (orderId: string) =>
  (await t.db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true } })).status;

describe("pending local orders expire after 30 minutes (issue 8)", () => {
  it("an abandoned order stops holding a single-use coupon: the next buyer's quote and order succeed", async () => {
    await createCoupon(t.db, { code: "HOLD1", percentOff: 50, maxRedemptions: 1 });
    const [abandoner, next] = [await createUser(t.db), await createUser(t.db)];
    const abandoned = await createOrder(clock(0), { userId: abandoner.id, courseSlug: course.slug, couponCode: "HOLD1", provider: "local" });

    // Still within the 30 minutes: the reservation holds.
    await expect(createOrder(clock(29), { userId: next.id, courseSlug: course.slug, couponCode: "HOLD1", provider: "local" })).rejects.toThrow(
      "This coupon has been fully redeemed",
    );
    expect(await status(abandoned.id)).toBe("pending");

    const quote = await quotePrice(t.db, { courseSlug: course.slug, couponCode: "HOLD1", now: at(31) });
    expect(quote.totalCents).toBe(2999);
    expect(await status(abandoned.id)).toBe("expired");
    expect(await couponRedemptions(t.db, "HOLD1")).toBe(0);

    const order = await createOrder(clock(31), { userId: next.id, courseSlug: course.slug, couponCode: "HOLD1", provider: "local" });
    expect(order).toMatchObject({ totalCents: 2999, reused: false });
    expect(await couponRedemptions(t.db, "HOLD1")).toBe(1);
  });

  it("an expired order can no longer be paid; the buyer is told to start again, and the coupon is released once", async () => {
    await createCoupon(t.db, { code: "HOLD2", percentOff: 50, maxRedemptions: 1 });
    const user = await createUser(t.db);
    const order = await createOrder(clock(0), { userId: user.id, courseSlug: course.slug, couponCode: "HOLD2", provider: "local" });
    for (let i = 0; i < 2; i++) {
      const error = await settleLocalPayment(clock(45), { orderId: order.id, userId: user.id, outcome: "pay" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/expired.*start a new checkout/i) });
    }
    expect(await fulfilOrder(clock(45), { orderId: order.id, paymentMethod: "Test" })).toMatchObject({ fulfilled: false, status: "expired" });
    expect(await status(order.id)).toBe("expired");
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(false);
    expect(await couponRedemptions(t.db, "HOLD2")).toBe(0);

    // Starting again works, and the code is available again.
    const again = await createOrder(clock(46), { userId: user.id, courseSlug: course.slug, couponCode: "HOLD2", provider: "local" });
    expect(again.id).not.toBe(order.id);
    await settleLocalPayment(clock(47), { orderId: again.id, userId: user.id, outcome: "pay" });
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(true);
    expect(await couponRedemptions(t.db, "HOLD2")).toBe(1);
  });

  it("fulfilOrder (the state machine) refuses a local order past its expiry even when called directly", async () => {
    const user = await createUser(t.db);
    const order = await createOrder(clock(0), { userId: user.id, courseSlug: course.slug, provider: "local" });
    expect(await fulfilOrder(clock(30), { orderId: order.id, paymentMethod: "Test" })).toMatchObject({ fulfilled: false, status: "expired" });
    expect(await hasActivePurchase(t.db, user.id, course.id)).toBe(false);
  });

  it("10 buyers at once after the expiry: the stale order is released exactly once and exactly one buyer gets the code", async () => {
    await createCoupon(t.db, { code: "HOLD3", amountOffCents: 500, maxRedemptions: 1 });
    const abandoner = await createUser(t.db);
    const abandoned = await createOrder(clock(0), { userId: abandoner.id, courseSlug: course.slug, couponCode: "HOLD3", provider: "local" });
    const buyers = await Promise.all(Array.from({ length: 10 }, () => createUser(t.db)));
    const results = await Promise.allSettled(
      buyers.map((b) => createOrder(clock(40), { userId: b.id, courseSlug: course.slug, couponCode: "HOLD3", provider: "local" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as Error).message).toBe("This coupon has been fully redeemed");
    expect(await status(abandoned.id)).toBe("expired");
    expect(await couponRedemptions(t.db, "HOLD3")).toBe(1);
    expect(await t.db.order.count({ where: { couponCode: "HOLD3", status: "pending" } })).toBe(1);
  });

  it("the sweep expires only local pending orders older than 30 minutes, each once, even when run concurrently", async () => {
    await createCoupon(t.db, { code: "SWEEP", percentOff: 10, maxRedemptions: 10 });
    const users = await Promise.all(Array.from({ length: 4 }, () => createUser(t.db)));
    const old = await createOrder(clock(0), { userId: users[0]!.id, courseSlug: course.slug, couponCode: "SWEEP", provider: "local" });
    const fresh = await createOrder(clock(50), { userId: users[1]!.id, courseSlug: course.slug, couponCode: "SWEEP", provider: "local" });
    const stripe = await createOrder(clock(0), { userId: users[2]!.id, courseSlug: course.slug, couponCode: "SWEEP", provider: "stripe" });
    const paid = await createOrder(clock(0), { userId: users[3]!.id, courseSlug: course.slug, couponCode: "SWEEP", provider: "local" });
    await fulfilOrder(clock(1), { orderId: paid.id, paymentMethod: "Test" });
    expect(await couponRedemptions(t.db, "SWEEP")).toBe(4);

    const runs = await Promise.all(Array.from({ length: 5 }, () => expirePendingOrders(clock(60))));
    const mine = new Set([old.id, fresh.id, stripe.id, paid.id]);
    expect(runs.flatMap((r) => r.expired).filter((id) => mine.has(id))).toEqual([old.id]);
    expect(
      Object.fromEntries(await Promise.all([old, fresh, stripe, paid].map(async (o) => [o.id, await status(o.id)]))),
    ).toEqual({ [old.id]: "expired", [fresh.id]: "pending", [stripe.id]: "pending", [paid.id]: "paid" });
    expect(await couponRedemptions(t.db, "SWEEP")).toBe(3);
  });
});
