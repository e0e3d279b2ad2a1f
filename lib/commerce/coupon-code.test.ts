import { describe, expect, it } from "vitest";
import { readTypedCoupon, ZCouponCode, ZOptionalCouponCode } from "./coupon-code";

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
  it("read from a checkout's address: the code, the reason it is none, or nothing", () => {
    expect(readTypedCoupon(" launch50")).toEqual({ code: "LAUNCH50", error: null });
    expect(readTypedCoupon("")).toEqual({ code: undefined, error: null });
    expect(readTypedCoupon("50% off!")).toEqual({ code: undefined, error: "Coupon codes contain only letters, digits, dashes and underscores" });
    expect(readTypedCoupon("X".repeat(41))).toEqual({ code: undefined, error: "Coupon codes are at most 40 characters" });
  });
});
