import { formatMoney } from "@/lib/commerce/format-money";

/** "25 % off" / "$10.00 off" (a fixed amount is in the course's currency; USD when for all courses). */
export function describeDiscount(coupon: { kind: string; percentOff: number | null; amountOffCents: number | null }, currency = "USD"): string {
  if (coupon.kind === "percent") return `${coupon.percentOff ?? 0} % off`;
  return `${formatMoney(coupon.amountOffCents ?? 0, currency)} off`;
}

/** "Active", "Disabled", "Expired" or "Used up", as checkout would judge it now. */
export function couponState(
  coupon: { active: boolean; expiresAt: Date | null; maxRedemptions: number | null; redemptions: number },
  now: Date,
): string {
  if (!coupon.active) return "Disabled";
  if (coupon.expiresAt && coupon.expiresAt.getTime() <= now.getTime()) return "Expired";
  if (coupon.maxRedemptions !== null && coupon.redemptions >= coupon.maxRedemptions) return "Used up";
  return "Active";
}
