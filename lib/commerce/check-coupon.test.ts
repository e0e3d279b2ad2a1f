import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { checkCoupon, type TCouponRow } from "./check-coupon";

const now = new Date("2026-11-21T12:00:00Z");
const base: TCouponRow = {
  id: "c1",
  code: "LAUNCH50",
  description: "",
  kind: "percent",
  percentOff: 50,
  amountOffCents: null,
  courseId: null,
  expiresAt: null,
  maxRedemptions: null,
  redemptions: 0,
  active: true,
};
const check = (coupon: TCouponRow | null, courseId = "crs_a") => checkCoupon(coupon, { code: "LAUNCH50", courseId, now });
const messageOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    return (error as AppError).message;
  }
  throw new Error("expected an AppError");
};

describe("checkCoupon", () => {
  it("returns the discount rule of a usable coupon", () => {
    expect(check(base)).toEqual({ kind: "percent", percentOff: 50 });
    expect(check({ ...base, kind: "fixed", percentOff: null, amountOffCents: 500 })).toEqual({ kind: "fixed", amountOffCents: 500 });
  });
  it("explains each reason a coupon can't be used", () => {
    expect(messageOf(() => check(null))).toMatch(/doesn't exist/);
    expect(messageOf(() => check({ ...base, active: false }))).toBe("This coupon is no longer active");
    expect(messageOf(() => check({ ...base, expiresAt: new Date("2026-11-21T11:59:59Z") }))).toBe("This coupon has expired");
    expect(messageOf(() => check({ ...base, courseId: "crs_b" }))).toBe("This coupon is not valid for this course");
    expect(messageOf(() => check({ ...base, maxRedemptions: 1, redemptions: 1 }))).toBe("This coupon has been fully redeemed");
    expect(messageOf(() => check({ ...base, percentOff: 0 }))).toBe("This coupon can't be used");
  });
  it("accepts a coupon until the instant it expires, and one for this very course", () => {
    expect(check({ ...base, expiresAt: new Date("2026-11-21T12:00:01Z") })).toBeTruthy();
    expect(check({ ...base, courseId: "crs_a", maxRedemptions: 2, redemptions: 1 })).toBeTruthy();
  });
});
