import type { Db } from "../../db";
import { buildSalesReport, SALES_DAYS } from "./build-sales-report";

/** The sales report for /admin/sales, with course titles and all-time revenue per course. */
export async function loadSalesReport(db: Db, now: Date) {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (SALES_DAYS - 1) * 86_400_000);
  const [rows, courses, allTime] = await Promise.all([
    db.order.findMany({
      where: { paidAt: { gte: since }, status: { in: ["paid", "refunded"] } },
      select: { paidAt: true, refundedAt: true, status: true, totalCents: true, currency: true, courseId: true },
    }),
    db.course.findMany({ select: { id: true, title: true } }),
    db.order.groupBy({ by: ["courseId", "currency"], where: { status: "paid" }, _sum: { totalCents: true }, _count: { _all: true } }),
  ]);
  const report = buildSalesReport(
    rows.map((r) => ({ ...r, paidAt: r.paidAt! })),
    now,
  );
  const titles = new Map(courses.map((c) => [c.id, c.title]));
  const allTimeByCourse = new Map<string, { orders: number; revenue: Record<string, number> }>();
  for (const g of allTime) {
    const entry = allTimeByCourse.get(g.courseId) ?? { orders: 0, revenue: {} };
    entry.orders += g._count._all;
    entry.revenue[g.currency] = (entry.revenue[g.currency] ?? 0) + (g._sum.totalCents ?? 0);
    allTimeByCourse.set(g.courseId, entry);
  }
  const courseRows = courses
    .map((c) => ({
      courseId: c.id,
      title: titles.get(c.id) ?? c.id,
      window: report.courses.find((r) => r.courseId === c.id) ?? { orders: 0, refunds: 0, revenue: {} },
      allTime: allTimeByCourse.get(c.id) ?? { orders: 0, revenue: {} },
    }))
    .sort((a, b) => b.window.orders - a.window.orders || b.allTime.orders - a.allTime.orders || a.title.localeCompare(b.title));
  return { ...report, courseRows };
}
