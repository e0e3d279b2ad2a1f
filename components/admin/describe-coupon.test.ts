import { describe, expect, it } from "vitest";
import { couponState, describeDiscount } from "./describe-coupon";

const now = new Date("2026-11-29T12:00:00.000Z");
const coupon = { active: true, expiresAt: null, maxRedemptions: null, redemptions: 0 };

describe("coupon wording in the admin", () => {
  it("describes percent and fixed discounts", () => {
    expect(describeDiscount({ kind: "percent", percentOff: 25, amountOffCents: null })).toBe("25 % off");
    expect(describeDiscount({ kind: "fixed", percentOff: null, amountOffCents: 1000 }, "EUR")).toBe("€10.00 off");
  });

  it("judges the state as checkout would: disabled before expired before used up", () => {
    expect(couponState(coupon, now)).toBe("Active");
    expect(couponState({ ...coupon, active: false, expiresAt: new Date("2026-01-01") }, now)).toBe("Disabled");
    expect(couponState({ ...coupon, expiresAt: now }, now)).toBe("Expired");
    expect(couponState({ ...coupon, maxRedemptions: 2, redemptions: 2 }, now)).toBe("Used up");
    expect(couponState({ ...coupon, maxRedemptions: 2, redemptions: 1 }, now)).toBe("Active");
  });
});
