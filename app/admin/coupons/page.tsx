import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, FieldError, SubmitButton } from "@/components/admin/action-form";
import { couponState, describeDiscount } from "@/components/admin/describe-coupon";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { listAdminCourses } from "@/lib/admin/courses/list-admin-courses";
import { listAdminCoupons } from "@/lib/admin/coupons/list-admin-coupons";
import { db } from "@/lib/db.server";
import { createCouponAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Coupons" };

export default async function AdminCouponsPage() {
  await requireAdmin();
  const [coupons, courses] = await Promise.all([listAdminCoupons(db), listAdminCourses(db)]);
  const now = new Date();
  return (
    <div className="page admin-page">
      <h1>Coupons</h1>
      {coupons.length === 0 ? (
        <p className="muted">No coupons yet.</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table admin-table--stack">
            <caption className="visually-hidden">All coupons, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Discount</th>
                <th scope="col">Course</th>
                <th scope="col">Expires</th>
                <th scope="col" className="num">Used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {coupons.map((c) => (
                <tr key={c.id} data-testid="coupon-row" data-code={c.code}>
                  <td>
                    <Link href={`/admin/coupons/${c.id}`}>{c.code}</Link>
                    {c.description ? <div className="muted small">{c.description}</div> : null}
                  </td>
                  <td>{describeDiscount(c, c.course?.currency)}</td>
                  <td>{c.course?.title ?? "All courses"}</td>
                  <td>{c.expiresAt ? c.expiresAt.toISOString().slice(0, 10) : "Never"}</td>
                  <td className="num">
                    {c.redemptions}
                    {c.maxRedemptions !== null ? ` / ${c.maxRedemptions}` : ""}
                  </td>
                  <td>{couponState(c, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>New coupon</h2>
      <ActionForm action={createCouponAction} label="New coupon" testId="new-coupon-form" resetOnSuccess>
        <div className="admin-form__row">
          <label>
            Code <span className="hint">letters, digits, - and _; buyers type it in any case</span>
            <input className="field-input" name="code" required minLength={3} maxLength={40} autoCapitalize="characters" />
            <FieldError name="code" />
          </label>
          <label>
            Description <span className="hint">for you, optional</span>
            <input className="field-input" name="description" maxLength={200} />
            <FieldError name="description" />
          </label>
        </div>
        <fieldset className="admin-fieldset">
          <legend>Discount</legend>
          <div className="admin-discount">
            <label className="admin-radio">
              <input type="radio" name="kind" value="percent" defaultChecked /> Percentage
            </label>
            <label>
              Percent off (1–100)
              <input className="field-input" name="percentOff" inputMode="numeric" />
              <FieldError name="percentOff" />
            </label>
          </div>
          <div className="admin-discount">
            <label className="admin-radio">
              <input type="radio" name="kind" value="fixed" /> Fixed amount
            </label>
            <label>
              Amount off <span className="hint">in the course&apos;s currency</span>
              <input className="field-input" name="amountOff" inputMode="decimal" />
              <FieldError name="amountOff" />
            </label>
          </div>
          <FieldError name="kind" />
        </fieldset>
        <div className="admin-form__row">
          <label>
            Course
            <select className="field-input" name="courseId" defaultValue="">
              <option value="">All courses</option>
              {courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            <FieldError name="courseId" />
          </label>
          <label>
            Expires after <span className="hint">optional; end of day, UTC</span>
            <input className="field-input" type="date" name="expiresOn" />
            <FieldError name="expiresOn" />
          </label>
          <label>
            Max redemptions <span className="hint">optional</span>
            <input className="field-input" name="maxRedemptions" inputMode="numeric" />
            <FieldError name="maxRedemptions" />
          </label>
        </div>
        <div>
          <SubmitButton className="button button--primary">Create coupon</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}
