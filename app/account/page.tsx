import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/access/get-viewer.server";
import { formatMoney, formatReceiptDate } from "@/lib/commerce/format-money";
import { listAccount } from "@/lib/commerce/list-account";
import { db } from "@/lib/db.server";
import "../commerce.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const { purchases, orders } = await listAccount(db, user.id);
  const active = purchases.filter((p) => p.status === "active");

  return (
    <div className="page account-page">
      <h1>Your account</h1>
      <p className="account-page__who">
        {user.name} · {user.email}
      </p>

      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">Your courses</h2>
        {active.length === 0 ? (
          <p className="empty">
            No courses yet. <Link href="/">Browse the catalog</Link>.
          </p>
        ) : (
          <ul className="account-courses" data-testid="account-courses">
            {active.map((p) => (
              <li key={p.id}>
                <Link href={`/courses/${p.course.slug}`}>{p.course.title}</Link>
                {p.course.subtitle ? <span className="account-courses__subtitle">{p.course.subtitle}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading">Orders</h2>
        {orders.length === 0 ? (
          <p className="empty">No orders yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="orders-table" data-testid="orders-table">
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Date</th>
                  <th scope="col">Course</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Receipt</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr key={o.id}>
                    <td className="mono" data-label="Order">{o.number}</td>
                    <td data-label="Date">{formatReceiptDate(o.paidAt ?? o.createdAt)}</td>
                    <td data-label="Course">{o.course.title}</td>
                    <td data-label="Status">
                      <span className={`badge status status--${o.status}`}>{o.status}</span>
                    </td>
                    <td className="num" data-label="Total">{formatMoney(o.totalCents, o.currency)}</td>
                    <td>
                      {o.status === "paid" || o.status === "refunded" ? (
                        <Link href={`/account/orders/${o.id}/receipt`}>Receipt</Link>
                      ) : o.status === "void" ? (
                        <Link href={`/account/orders/${o.id}/receipt`}>Details</Link>
                      ) : o.status === "pending" && o.provider === "local" ? (
                        <Link href={`/checkout/local/${o.id}`}>Complete payment</Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
