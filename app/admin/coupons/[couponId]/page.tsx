import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm, SubmitButton } from "@/components/admin/action-form";
import { couponState, describeDiscount } from "@/components/admin/describe-coupon";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { loadAdminCoupon } from "@/lib/admin/coupons/list-admin-coupons";
import { formatMoney } from "@/lib/commerce/format-money";
import { db } from "@/lib/db.server";
import { zId } from "@/lib/admin/form-fields";
import { setCouponActiveAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Coupon" };

const ZParams = z.object({ couponId: zId });

export default async function AdminCouponPage({ params }: { params: Promise<{ couponId: string }> }) {
  await requireAdmin();
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const coupon = await loadAdminCoupon(db, parsed.data.couponId);
  if (!coupon) notFound();
  return (
    <div className="page admin-page">
      <p className="breadcrumb">
        <Link href="/admin/coupons">Coupons</Link> /
      </p>
      <div className="admin-head">
        <h1>{coupon.code}</h1>
        <span className="badge">{couponState(coupon, new Date())}</span>
      </div>
      <dl className="admin-facts">
        <div>
          <dt>Discount</dt>
          <dd>{describeDiscount(coupon, coupon.course?.currency)}</dd>
        </div>
        <div>
          <dt>Course</dt>
          <dd>{coupon.course ? <Link href={`/admin/courses/${coupon.course.id}`}>{coupon.course.title}</Link> : "All courses"}</dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd>{coupon.expiresAt ? coupon.expiresAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "Never"}</dd>
        </div>
        <div>
          <dt>Redemptions</dt>
          <dd>
            {coupon.redemptions}
            {coupon.maxRedemptions !== null ? ` of ${coupon.maxRedemptions}` : " (no cap)"}
          </dd>
        </div>
        {coupon.description ? (
          <div>
            <dt>Description</dt>
            <dd>{coupon.description}</dd>
          </div>
        ) : null}
      </dl>
      <ActionForm action={setCouponActiveAction} className="admin-inline-form" label="Enable or disable" testId="coupon-active-form">
        <input type="hidden" name="couponId" value={coupon.id} />
        <input type="hidden" name="active" value={coupon.active ? "false" : "true"} />
        <SubmitButton className={coupon.active ? "button button--danger" : "button"}>{coupon.active ? "Disable coupon" : "Enable coupon"}</SubmitButton>
      </ActionForm>

      <h2>Orders that used it</h2>
      {coupon.orders.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table admin-table--stack">
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Buyer</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Discount</th>
                <th scope="col" className="num">Paid</th>
                <th scope="col">Date</th>
              </tr>
            </thead>
            <tbody>
              {coupon.orders.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link href={`/admin/orders/${o.id}`}>{o.number}</Link>
                  </td>
                  <td className="admin-email">{o.buyerEmail}</td>
                  <td>{o.status}</td>
                  <td className="num">{formatMoney(o.discountCents, o.currency)}</td>
                  <td className="num">{formatMoney(o.totalCents, o.currency)}</td>
                  <td>{o.createdAt.toISOString().slice(0, 10)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
