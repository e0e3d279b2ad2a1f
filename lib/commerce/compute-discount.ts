/** The parts of a coupon that decide its discount. */
export type TDiscountRule =
  | { kind: "percent"; percentOff: number }
  | { kind: "fixed"; amountOffCents: number };

export type TPriceBreakdown = { subtotalCents: number; discountCents: number; totalCents: number };

/**
 * Pure pricing math, in whole cents. A percent discount is rounded to the nearest cent
 * (half up); a fixed discount never takes the total below zero.
 */
export function computeDiscount(subtotalCents: number, rule: TDiscountRule | null): TPriceBreakdown {
  if (!Number.isInteger(subtotalCents) || subtotalCents < 0) {
    throw new RangeError(`subtotal must be a whole, non-negative number of cents (got ${subtotalCents})`);
  }
  let discountCents = 0;
  if (rule?.kind === "percent") {
    const percent = Math.min(100, Math.max(0, rule.percentOff));
    discountCents = Math.round((subtotalCents * percent) / 100);
  } else if (rule?.kind === "fixed") {
    discountCents = Math.max(0, Math.round(rule.amountOffCents));
  }
  discountCents = Math.min(discountCents, subtotalCents);
  return { subtotalCents, discountCents, totalCents: subtotalCents - discountCents };
}
