import { describe, expect, it } from "vitest";
import { buildSalesReport, SALES_DAYS } from "./build-sales-report";

const now = new Date("2026-11-29T15:00:00.000Z");
const row = (paidAt: string, totalCents: number, extra: Partial<{ status: string; currency: string; courseId: string }> = {}) => ({
  paidAt: new Date(paidAt),
  refundedAt: null,
  status: extra.status ?? "paid",
  totalCents,
  currency: extra.currency ?? "USD",
  courseId: extra.courseId ?? "crs_a",
});

describe("buildSalesReport", () => {
  it("has one entry per UTC day for the last 30 days, ending today, zero when quiet", () => {
    const report = buildSalesReport([], now);
    expect(report.days).toHaveLength(SALES_DAYS);
    expect(report.days[0]!.date).toBe("2026-10-31");
    expect(report.days.at(-1)).toEqual({ date: "2026-11-29", orders: 0, revenue: {}, refunds: 0 });
    expect(report.totals).toEqual({ orders: 0, refunds: 0, revenue: {} });
  });

  it("counts orders on the day they were paid; refunds count as orders but not as revenue", () => {
    const report = buildSalesReport(
      [
        row("2026-11-29T00:00:00.000Z", 2999),
        row("2026-11-29T23:59:59.999Z", 1000, { status: "refunded" }),
        row("2026-11-28T12:00:00.000Z", 5999, { courseId: "crs_b" }),
      ],
      now,
    );
    expect(report.days.at(-1)).toEqual({ date: "2026-11-29", orders: 2, revenue: { USD: 2999 }, refunds: 1 });
    expect(report.days.at(-2)).toEqual({ date: "2026-11-28", orders: 1, revenue: { USD: 5999 }, refunds: 0 });
    expect(report.totals).toEqual({ orders: 3, refunds: 1, revenue: { USD: 8998 } });
    expect(report.courses).toEqual([
      { courseId: "crs_a", orders: 2, refunds: 1, revenue: { USD: 2999 } },
      { courseId: "crs_b", orders: 1, refunds: 0, revenue: { USD: 5999 } },
    ]);
  });

  it("leaves out orders paid before the window and keeps currencies apart, largest first", () => {
    const report = buildSalesReport(
      [row("2026-10-30T23:59:59.999Z", 100_000), row("2026-11-01T10:00:00.000Z", 500, { currency: "USD" }), row("2026-11-01T10:00:00.000Z", 900, { currency: "EUR" })],
      now,
    );
    expect(report.totals).toEqual({ orders: 2, refunds: 0, revenue: { USD: 500, EUR: 900 } });
    expect(report.currencies).toEqual(["EUR", "USD"]);
  });
});
