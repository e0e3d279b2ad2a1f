import type { Metadata } from "next";
import Link from "next/link";
import { SalesChart } from "@/components/admin/sales-chart";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { SALES_DAYS } from "@/lib/admin/sales/build-sales-report";
import { loadSalesReport } from "@/lib/admin/sales/load-sales-report";
import { formatMoney } from "@/lib/commerce/format-money";
import { db } from "@/lib/db.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sales" };

const money = (revenue: Record<string, number>) => {
  const entries = Object.entries(revenue).filter(([, cents]) => cents !== 0);
  return entries.length === 0 ? "0" : entries.map(([currency, cents]) => formatMoney(cents, currency)).join(" + ");
};

export default async function AdminSalesPage() {
  await requireAdmin();
  const report = await loadSalesReport(db, new Date());
  const chartCurrency = report.currencies[0] ?? "USD";
  return (
    <div className="page admin-page">
      <h1>Sales</h1>
      <p className="muted">Last {SALES_DAYS} days (UTC). An order counts on the day it was paid; refunded orders don&apos;t count as revenue.</p>
      <dl className="admin-facts">
        <div>
          <dt>Revenue</dt>
          <dd className="admin-big" data-testid="sales-revenue">
            {money(report.totals.revenue)}
          </dd>
        </div>
        <div>
          <dt>Orders</dt>
          <dd className="admin-big" data-testid="sales-orders">
            {report.totals.orders}
          </dd>
        </div>
        <div>
          <dt>Refunds</dt>
          <dd className="admin-big">{report.totals.refunds}</dd>
        </div>
      </dl>

      <h2>Revenue per day{report.currencies.length > 1 ? ` (${chartCurrency})` : ""}</h2>
      <div className="sales-chart-wrap">
        <SalesChart days={report.days} currency={chartCurrency} />
      </div>
      <details className="admin-details">
        <summary>Numbers per day</summary>
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="visually-hidden">Orders and revenue per day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="num">Orders</th>
                <th scope="col" className="num">Refunds</th>
                <th scope="col" className="num">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {[...report.days].reverse().map((d) => (
                <tr key={d.date}>
                  <td>{d.date}</td>
                  <td className="num">{d.orders}</td>
                  <td className="num">{d.refunds}</td>
                  <td className="num">{money(d.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <h2>Per course</h2>
      <div className="admin-table-wrap">
        <table className="admin-table">
          <caption className="visually-hidden">Orders and revenue per course</caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col" className="num">Orders ({SALES_DAYS} d)</th>
              <th scope="col" className="num">Revenue ({SALES_DAYS} d)</th>
              <th scope="col" className="num">Revenue (all time)</th>
            </tr>
          </thead>
          <tbody>
            {report.courseRows.map((c) => (
              <tr key={c.courseId}>
                <td>
                  <Link href={`/admin/courses/${c.courseId}`}>{c.title}</Link>
                </td>
                <td className="num">{c.window.orders}</td>
                <td className="num">{money(c.window.revenue)}</td>
                <td className="num">{money(c.allTime.revenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
