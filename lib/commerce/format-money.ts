/** 2999, "USD" → "$29.99"; unlike the catalog's formatPrice, 0 is "$0.00" (receipts show amounts). */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}

/** A receipt date: "21 November 2026" (UTC, so mail and page agree). */
export function formatReceiptDate(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}
