import { z } from "zod";

/**
 * A coupon code as typed by a buyer: trimmed and upper-cased (codes are stored upper-case and
 * compared case-insensitively). An empty field means "no coupon".
 */
export const ZCouponCode = z
  .string()
  .trim()
  .max(40, "Coupon codes are at most 40 characters")
  .regex(/^[A-Za-z0-9_-]*$/, "Coupon codes contain only letters, digits, dashes and underscores")
  .transform((code) => code.toUpperCase());
export type TCouponCode = z.infer<typeof ZCouponCode>;

/** An optional coupon field: "" / undefined → undefined, otherwise the normalized code. */
export const ZOptionalCouponCode = z
  .union([ZCouponCode, z.undefined(), z.null()])
  .transform((code) => (code ? code : undefined));

export function normalizeCouponCode(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * A coupon from a checkout page's address (?coupon=), as the buyer typed it: the normalized
 * code, or the message that says why it can't be a code (the price is then quoted without
 * one). An empty one is no coupon and no error.
 */
export function readTypedCoupon(raw: string): { code: string | undefined; error: string | null } {
  if (!raw) return { code: undefined, error: null };
  const parsed = ZCouponCode.safeParse(raw);
  if (parsed.success) return { code: parsed.data || undefined, error: null };
  return { code: undefined, error: parsed.error.issues[0]?.message ?? "Invalid coupon code" };
}
