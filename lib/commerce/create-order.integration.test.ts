import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { AppError } from "../errors";
import { createOrder } from "./create-order";
import { failOrder } from "./fail-order";
import { fulfilOrder } from "./fulfil-order";
import { couponRedemptions, createCoupon, createCourse, createUser, testEnv } from "./testing/commerce-factories";

let t: TestDatabase;
let course: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { slug: "paid-course", priceCents: 5999 });
});
afterAll(() => t?.cleanup());

const deps = () => ({ db: t.db });

describe("createOrder", () => {
  it("creates a pending order with the server-computed price and the buyer's snapshot", async () => {
    const user = await createUser(t.db, { name: "Grace Hopper" });
    await createCoupon(t.db, { code: "QUARTER", percentOff: 25 });
    const order = await createOrder(deps(), { userId: user.id, courseSlug: course.slug, couponCode: "quarter", provider: "local" });
    const row = await t.db.order.findUniqueOrThrow({
      where: { id: order.id },
      select: {
        number: true, status: true, subtotalCents: true, discountCents: true, totalCents: true, currency: true,
        couponCode: true, provider: true, buyerName: true, buyerEmail: true, couponId: true,
      },
    });
    expect(row).toMatchObject({
      status: "pending", subtotalCents: 5999, discountCents: 1500, totalCents: 4499, currency: "USD",
      couponCode: "QUARTER", provider: "local", buyerName: "Grace Hopper", buyerEmail: user.email,
    });
    expect(row.number).toMatch(/^LEC-\d{8}-[A-Z0-9]{6}$/);
    expect(await couponRedemptions(t.db, "QUARTER")).toBe(1);
  });

  it("hands back the same pending order on a double click instead of reserving twice", async () => {
    const user = await createUser(t.db);
    await createCoupon(t.db, { code: "TWICE", percentOff: 10, maxRedemptions: 1 });
    const first = await createOrder(deps(), { userId: user.id, courseSlug: course.slug, couponCode: "TWICE", provider: "local" });
    const second = await createOrder(deps(), { userId: user.id, courseSlug: course.slug, couponCode: "twice", provider: "local" });
    expect(second).toMatchObject({ id: first.id, reused: true });
    expect(await couponRedemptions(t.db, "TWICE")).toBe(1);
  });

  it.each([2, 5, 10])("lets exactly one of %i concurrent buyers redeem a single-use code", async (n) => {
    const code = `SINGLE${n}`;
    await createCoupon(t.db, { code, amountOffCents: 500, maxRedemptions: 1 });
    const users = await Promise.all(Array.from({ length: n }, () => createUser(t.db)));
    const results = await Promise.allSettled(
      users.map((u) => createOrder(deps(), { userId: u.id, courseSlug: course.slug, couponCode: code, provider: "local" })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(AppError);
      expect((f.reason as AppError).message).toBe("This coupon has been fully redeemed");
    }
    expect(await couponRedemptions(t.db, code)).toBe(1);
    expect(await t.db.order.count({ where: { couponCode: code } })).toBe(1);
  });

  it("keeps a multi-use code's count exact under concurrency", async () => {
    await createCoupon(t.db, { code: "THREE", percentOff: 10, maxRedemptions: 3 });
    const users = await Promise.all(Array.from({ length: 8 }, () => createUser(t.db)));
    const results = await Promise.allSettled(
      users.map((u) => createOrder(deps(), { userId: u.id, courseSlug: course.slug, couponCode: "THREE", provider: "local" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(await couponRedemptions(t.db, "THREE")).toBe(3);
  });

  it("releases the reservation when the payment fails, so the code can be used again", async () => {
    await createCoupon(t.db, { code: "RETRY", percentOff: 50, maxRedemptions: 1 });
    const [a, b] = [await createUser(t.db), await createUser(t.db)];
    const order = await createOrder(deps(), { userId: a.id, courseSlug: course.slug, couponCode: "RETRY", provider: "local" });
    await expect(createOrder(deps(), { userId: b.id, courseSlug: course.slug, couponCode: "RETRY", provider: "local" })).rejects.toThrow(
      "This coupon has been fully redeemed",
    );
    expect(await failOrder(deps(), { orderId: order.id })).toEqual({ failed: true });
    expect(await failOrder(deps(), { orderId: order.id })).toEqual({ failed: false }); // released once only
    expect(await couponRedemptions(t.db, "RETRY")).toBe(0);
    const again = await createOrder(deps(), { userId: b.id, courseSlug: course.slug, couponCode: "RETRY", provider: "local" });
    expect(again.totalCents).toBe(2999);
  });

  it("refuses a buyer who already owns the course, and leaves no order behind", async () => {
    const user = await createUser(t.db);
    const order = await createOrder(deps(), { userId: user.id, courseSlug: course.slug, provider: "local" });
    await fulfilOrder({ db: t.db, env: testEnv }, { orderId: order.id, paymentMethod: "Test" });
    const error = await createOrder(deps(), { userId: user.id, courseSlug: course.slug, provider: "local" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", message: "You already own this course" });
    expect(await t.db.order.count({ where: { userId: user.id } })).toBe(1);
  });

  it("creates nothing for an invalid coupon", async () => {
    const user = await createUser(t.db);
    await expect(createOrder(deps(), { userId: user.id, courseSlug: course.slug, couponCode: "BOGUS", provider: "local" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await t.db.order.count({ where: { userId: user.id } })).toBe(0);
  });
});
