import { AppError } from "../errors";
import type { TDiscountRule } from "./compute-discount";

export type TCouponRow = {
  id: string;
  code: string;
  description: string;
  kind: string;
  percentOff: number | null;
  amountOffCents: number | null;
  courseId: string | null;
  expiresAt: Date | null;
  maxRedemptions: number | null;
  redemptions: number;
  active: boolean;
};

/** The columns checkCoupon needs: use it as a Prisma `select`. */
export const COUPON_SELECT = {
  id: true,
  code: true,
  description: true,
  kind: true,
  percentOff: true,
  amountOffCents: true,
  courseId: true,
  expiresAt: true,
  maxRedemptions: true,
  redemptions: true,
  active: true,
} as const;

const invalid = (message: string, code: string) => new AppError("BAD_REQUEST", message, { field: "coupon", coupon: code });

/**
 * May this coupon be used for this course now? Returns its discount rule, or throws a
 * BAD_REQUEST AppError whose message is meant for the buyer.
 */
export function checkCoupon(
  coupon: TCouponRow | null,
  input: { code: string; courseId: string; now: Date },
): TDiscountRule {
  if (!coupon) throw invalid(`The coupon code "${input.code}" doesn't exist`, input.code);
  if (!coupon.active) throw invalid("This coupon is no longer active", coupon.code);
  if (coupon.expiresAt && coupon.expiresAt.getTime() <= input.now.getTime()) {
    throw invalid("This coupon has expired", coupon.code);
  }
  if (coupon.courseId && coupon.courseId !== input.courseId) {
    throw invalid("This coupon is not valid for this course", coupon.code);
  }
  if (coupon.maxRedemptions !== null && coupon.redemptions >= coupon.maxRedemptions) {
    throw invalid("This coupon has been fully redeemed", coupon.code);
  }
  if (coupon.kind === "percent" && coupon.percentOff !== null && coupon.percentOff >= 1 && coupon.percentOff <= 100) {
    return { kind: "percent", percentOff: coupon.percentOff };
  }
  if (coupon.kind === "fixed" && coupon.amountOffCents !== null && coupon.amountOffCents >= 0) {
    return { kind: "fixed", amountOffCents: coupon.amountOffCents };
  }
  // A malformed row is an operator mistake; the buyer just sees an unusable code.
  throw invalid("This coupon can't be used", coupon.code);
}
