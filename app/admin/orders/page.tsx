import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { listAdminOrders, ZOrderSearch } from "@/lib/admin/orders/list-admin-orders";
import { formatMoney } from "@/lib/commerce/format-money";
import { db } from "@/lib/db.server";
import { AdminPager } from "@/components/admin/admin-pager";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Orders" };

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminOrdersPage({ searchParams }: { searchParams: TSearchParams }) {
  await requireAdmin();
  const search = ZOrderSearch.parse(await searchParams);
  const { orders, total, page, pages } = await listAdminOrders(db, search);
  const pageHref = (n: number) => `/admin/orders?${new URLSearchParams({ ...(search.q ? { q: search.q } : {}), page: String(n) })}`;
  return (
    <div className="page admin-page">
      <h1>Orders</h1>
      <form className="admin-inline-form admin-search" role="search" action="/admin/orders" method="get">
        <label>
          Search by e-mail or order number
          <input className="field-input" type="search" name="q" defaultValue={search.q} maxLength={254} placeholder="buyer@example.com or LEC-…" />
        </label>
        <button type="submit" className="button">
          Search
        </button>
        {search.q ? <Link href="/admin/orders">Clear</Link> : null}
      </form>
      <p className="muted" role="status">
        {total === 0 ? "No orders match." : `${total} order${total === 1 ? "" : "s"}${search.q ? ` matching “${search.q}”` : ""}, page ${page} of ${pages}.`}
      </p>
      {orders.length > 0 ? (
        <div className="admin-table-wrap">
          <table className="admin-table admin-table--stack">
            <caption className="visually-hidden">Orders, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Buyer</th>
                <th scope="col">Course</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Total</th>
                <th scope="col">Date</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id} data-testid="order-row">
                  <td>
                    <Link href={`/admin/orders/${o.id}`}>{o.number}</Link>
                  </td>
                  <td className="admin-email">{o.buyerEmail}</td>
                  <td>{o.course.title}</td>
                  <td>
                    <span className={`badge admin-status admin-status--${o.status}`}>{o.status}</span>
                  </td>
                  <td className="num">{formatMoney(o.totalCents, o.currency)}</td>
                  <td>{o.createdAt.toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <AdminPager page={page} pages={pages} href={pageHref} />
    </div>
  );
}
