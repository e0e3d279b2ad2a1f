/**
 * The tax included in a tax-inclusive price (catalog prices include tax:
 * docs/decisions/017-invoices.md). tax = total × rate / (1 + rate), rounded half up to the
 * cent; net = total − tax, so net + tax is always exactly what was paid.
 */
export function computeIncludedTax(totalCents: number, rateBps: number): { netCents: number; taxCents: number } {
  if (!Number.isInteger(totalCents) || totalCents < 0) throw new RangeError(`totalCents must be a whole number ≥ 0, got ${totalCents}`);
  if (!Number.isInteger(rateBps) || rateBps < 0 || rateBps > 10_000) throw new RangeError(`rateBps must be 0…10000, got ${rateBps}`);
  // Integer arithmetic: total·bps / (10000 + bps), half up.
  const taxCents = Math.floor((2 * totalCents * rateBps + (10_000 + rateBps)) / (2 * (10_000 + rateBps)));
  return { netCents: totalCents - taxCents, taxCents };
}

/** TAX_RATE_PERCENT (e.g. 19, 7.7) → basis points (1900, 770). */
export function percentToBps(percent: number): number {
  return Math.round(percent * 100);
}

/** 1900 → "19%", 770 → "7.7%", 0 → "0%". */
export function formatTaxRate(rateBps: number): string {
  return `${Number((rateBps / 100).toFixed(2))}%`;
}
