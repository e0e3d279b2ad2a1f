import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { AppError } from "../errors";
import { quotePrice } from "./quote-price";
import { createCoupon, createCourse } from "./testing/commerce-factories";

let t: TestDatabase;
let course: { id: string; slug: string };
let other: { id: string; slug: string };
const now = new Date("2026-11-21T12:00:00Z");

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { slug: "paid-course", priceCents: 5999 });
  other = await createCourse(t.db, { slug: "other-course", priceCents: 1999 });
  await createCourse(t.db, { slug: "free-course", priceCents: 0 });
  await createCoupon(t.db, { code: "HALF", percentOff: 50 });
  await createCoupon(t.db, { code: "TENOFF", amountOffCents: 1000 });
  await createCoupon(t.db, { code: "HUGE", amountOffCents: 100_000 });
  await createCoupon(t.db, { code: "OLD", percentOff: 20, expiresAt: new Date("2026-11-01T00:00:00Z") });
  await createCoupon(t.db, { code: "FUTURE", percentOff: 20, expiresAt: new Date("2027-01-01T00:00:00Z") });
  await createCoupon(t.db, { code: "GONE", percentOff: 20, maxRedemptions: 3 });
  await t.db.coupon.update({ where: { code: "GONE" }, data: { redemptions: 3 } });
  await createCoupon(t.db, { code: "OTHERONLY", percentOff: 20, courseId: other.id });
  await createCoupon(t.db, { code: "THISONLY", percentOff: 25, courseId: course.id });
  await createCoupon(t.db, { code: "OFF", percentOff: 20, active: false });
});
afterAll(() => t?.cleanup());

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const quote = (couponCode?: string, courseSlug = "paid-course") => quotePrice(t.db, { courseSlug, couponCode, now });

describe("quotePrice", () => {
  it("quotes the course price without a coupon", async () => {
    const q = await quote();
    expect(q).toMatchObject({ subtotalCents: 5999, discountCents: 0, totalCents: 5999, currency: "USD", coupon: null });
  });
  it("applies a percent coupon", async () => {
    expect(await quote("HALF")).toMatchObject({ discountCents: 3000, totalCents: 2999, coupon: { code: "HALF" } });
  });
  it("applies a fixed coupon, and never below zero", async () => {
    expect(await quote("TENOFF")).toMatchObject({ discountCents: 1000, totalCents: 4999 });
    expect(await quote("HUGE")).toMatchObject({ discountCents: 5999, totalCents: 0 });
  });
  it("matches codes case-insensitively, ignoring surrounding spaces", async () => {
    expect((await quote("  half ")).coupon?.code).toBe("HALF");
    expect((await quote("tenOff")).totalCents).toBe(4999);
  });
  it("rejects unknown, expired, exhausted, wrong-course and inactive codes with a clear message", async () => {
    expect((await rejection(quote("NOPE"))).message).toBe('The coupon code "NOPE" doesn\'t exist');
    expect((await rejection(quote("old"))).message).toBe("This coupon has expired");
    expect((await rejection(quote("GONE"))).message).toBe("This coupon has been fully redeemed");
    expect((await rejection(quote("OTHERONLY"))).message).toBe("This coupon is not valid for this course");
    expect((await rejection(quote("OFF"))).message).toBe("This coupon is no longer active");
    for (const code of ["NOPE", "OLD", "GONE", "OTHERONLY", "OFF"]) {
      expect((await rejection(quote(code))).code).toBe("BAD_REQUEST");
    }
  });
  it("accepts a not-yet-expired coupon and a coupon for this very course", async () => {
    expect((await quote("FUTURE")).totalCents).toBe(4799);
    expect((await quote("THISONLY")).totalCents).toBe(4499);
    expect((await quote("OTHERONLY", "other-course")).totalCents).toBe(1599);
  });
  it("has nothing to sell for a free course or an unknown one", async () => {
    expect((await rejection(quote(undefined, "free-course"))).code).toBe("BAD_REQUEST");
    expect((await rejection(quote(undefined, "no-such-course"))).code).toBe("NOT_FOUND");
  });
});
