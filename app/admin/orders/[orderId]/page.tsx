import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm, SubmitButton } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { loadAdminOrder } from "@/lib/admin/orders/list-admin-orders";
import { formatMoney } from "@/lib/commerce/format-money";
import { db } from "@/lib/db.server";
import { zId } from "@/lib/admin/form-fields";
import { refundOrderAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Order" };

const ZParams = z.object({ orderId: zId });
const when = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 16)} UTC` : "—");

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  await requireAdmin();
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const order = await loadAdminOrder(db, parsed.data.orderId);
  if (!order) notFound();
  const money = (cents: number) => formatMoney(cents, order.currency);
  return (
    <div className="page admin-page">
      <p className="breadcrumb">
        <Link href="/admin/orders">Orders</Link> /
      </p>
      <div className="admin-head">
        <h1>{order.number}</h1>
        <span className={`badge admin-status admin-status--${order.status}`} data-testid="order-status">
          {order.status}
        </span>
      </div>
      <dl className="admin-facts">
        <div>
          <dt>Buyer</dt>
          <dd>
            {order.buyerName}
            <br />
            <span className="admin-email">{order.buyerEmail}</span>
          </dd>
        </div>
        <div>
          <dt>Course</dt>
          <dd>
            <Link href={`/admin/courses/${order.course.id}`}>{order.course.title}</Link>
          </dd>
        </div>
        <div>
          <dt>Amount</dt>
          <dd>
            {money(order.subtotalCents)}
            {order.discountCents > 0 ? ` − ${money(order.discountCents)}` : ""} = <strong>{money(order.totalCents)}</strong>
          </dd>
        </div>
        <div>
          <dt>Coupon</dt>
          <dd>{order.couponCode ? order.couponId ? <Link href={`/admin/coupons/${order.couponId}`}>{order.couponCode}</Link> : order.couponCode : "—"}</dd>
        </div>
        <div>
          <dt>Payment</dt>
          <dd>
            {order.provider === "stripe" ? "Stripe" : "Local test provider"}
            {order.paymentMethod ? ` · ${order.paymentMethod}` : ""}
          </dd>
        </div>
        <div>
          <dt>Access</dt>
          <dd data-testid="order-access">{order.purchase ? (order.purchase.status === "active" ? "Active" : "Ended (refunded)") : "None"}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>{when(order.createdAt)}</dd>
        </div>
        <div>
          <dt>Paid</dt>
          <dd>{when(order.paidAt)}</dd>
        </div>
        {order.refundedAt ? (
          <div>
            <dt>Refunded</dt>
            <dd>{when(order.refundedAt)}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        <Link href={`/account/orders/${order.id}/receipt`}>Receipt</Link>
      </p>

      {order.status === "paid" || order.status === "refunded" ? (
        <section className="admin-section" aria-labelledby="refund-heading">
          <h2 id="refund-heading">Refund</h2>
          {/* Rendered for a refunded order too, so the form (and its notice) stays after the refund. */}
          <ActionForm action={refundOrderAction} className="admin-inline-form" label="Refund" testId="refund-form">
            <input type="hidden" name="orderId" value={order.id} />
            {order.status === "paid" ? (
              <>
                <p className="muted">
                  {order.provider === "stripe"
                    ? `Returns ${money(order.totalCents)} through Stripe and ends the buyer's access at once.`
                    : "A local test order: no money moves. Ends the buyer's access at once."}
                </p>
                <SubmitButton className="button button--danger" testId="refund-button">
                  Refund {money(order.totalCents)}
                </SubmitButton>
              </>
            ) : (
              <p className="muted">Refunded {when(order.refundedAt)}; the buyer no longer has access.</p>
            )}
          </ActionForm>
        </section>
      ) : null}

      {order.history.length > 0 ? (
        <section className="admin-section" aria-labelledby="history-heading" data-testid="order-history">
          <h2 id="history-heading">Admin history</h2>
          <ul className="admin-list">
            {order.history.map((h) => (
              <li key={h.id}>
                {when(h.createdAt)} — {h.action} by {h.actorEmail}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
