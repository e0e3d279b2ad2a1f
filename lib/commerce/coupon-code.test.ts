import { describe, expect, it } from "vitest";
import { ZCouponCode, ZOptionalCouponCode } from "./coupon-code";

describe("coupon codes", () => {
  it("are trimmed and upper-cased", () => {
    expect(ZCouponCode.parse("  launch50 ")).toBe("LAUNCH50");
  });
  it("treat an empty field as no coupon", () => {
    expect(ZOptionalCouponCode.parse("")).toBeUndefined();
    expect(ZOptionalCouponCode.parse(undefined)).toBeUndefined();
    expect(ZOptionalCouponCode.parse("   ")).toBeUndefined();
  });
  it("reject characters no code has, with a message", () => {
    const parsed = ZCouponCode.safeParse("50% off!");
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/letters, digits/);
  });
});
