export const SALES_DAYS = 30;

/** A paid order as the report sees it (refunded ones were paid too, and are counted as refunds). */
export type TSaleRow = { paidAt: Date; refundedAt: Date | null; status: string; totalCents: number; currency: string; courseId: string };

export type TSalesDay = {
  /** "2026-11-29" (UTC). */
  date: string;
  orders: number;
  /** Net of refunds: orders paid that day and not refunded since, per currency. */
  revenue: Record<string, number>;
  refunds: number;
};

export type TSalesReport = {
  days: TSalesDay[];
  /** Currencies seen, the one with the most revenue first (the chart shows that one). */
  currencies: string[];
  totals: { orders: number; refunds: number; revenue: Record<string, number> };
  courses: { courseId: string; orders: number; refunds: number; revenue: Record<string, number> }[];
};

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Revenue and orders per UTC day for the SALES_DAYS days ending today (every day present, zero
 * when quiet), and per course over the same window. An order counts on the day it was paid;
 * a refunded one counts as an order and a refund, and not in revenue. Pure: rows in, report out.
 */
export function buildSalesReport(rows: TSaleRow[], now: Date): TSalesReport {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days: TSalesDay[] = [];
  for (let i = SALES_DAYS - 1; i >= 0; i--) {
    days.push({ date: dayOf(new Date(today - i * 86_400_000)), orders: 0, revenue: {}, refunds: 0 });
  }
  const byDate = new Map(days.map((d) => [d.date, d]));
  const totals = { orders: 0, refunds: 0, revenue: {} as Record<string, number> };
  const courses = new Map<string, TSalesReport["courses"][number]>();
  const add = (into: Record<string, number>, currency: string, cents: number) => (into[currency] = (into[currency] ?? 0) + cents);

  for (const row of rows) {
    const day = byDate.get(dayOf(row.paidAt));
    if (!day) continue;
    const course = courses.get(row.courseId) ?? { courseId: row.courseId, orders: 0, refunds: 0, revenue: {} };
    courses.set(row.courseId, course);
    const refunded = row.status === "refunded";
    for (const bucket of [day, totals, course]) {
      bucket.orders += 1;
      if (refunded) bucket.refunds += 1;
      else add(bucket.revenue, row.currency, row.totalCents);
    }
  }
  const currencies = Object.entries(totals.revenue)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([c]) => c);
  return {
    days,
    currencies,
    totals,
    courses: [...courses.values()].sort((a, b) => b.orders - a.orders || a.courseId.localeCompare(b.courseId)),
  };
}
