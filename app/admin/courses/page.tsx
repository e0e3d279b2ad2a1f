import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, FieldError, SubmitButton } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { listAdminCourses } from "@/lib/admin/courses/list-admin-courses";
import { formatMoney } from "@/lib/commerce/format-money";
import { db } from "@/lib/db.server";
import { createCourseAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Courses" };

export default async function AdminCoursesPage() {
  await requireAdmin();
  const courses = await listAdminCourses(db);
  return (
    <div className="page admin-page">
      <h1>Courses</h1>
      <div className="admin-table-wrap">
        <table className="admin-table admin-table--stack">
          <caption className="visually-hidden">All courses, published or not</caption>
          <thead>
            <tr>
              <th scope="col">Course</th>
              <th scope="col">Status</th>
              <th scope="col">Price</th>
              <th scope="col" className="num">Segments</th>
              <th scope="col" className="num">Buyers</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/admin/courses/${c.id}`}>{c.title}</Link>
                  <div className="muted small">{c.slug}</div>
                </td>
                <td>{c.published ? <span className="badge badge--free">Published</span> : <span className="badge">Draft</span>}</td>
                <td>{c.priceCents === 0 ? "Free" : formatMoney(c.priceCents, c.currency)}</td>
                <td className="num">{c.segments}</td>
                <td className="num">{c.activePurchases}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>New course</h2>
      <ActionForm action={createCourseAction} label="New course" testId="new-course-form">
        <label>
          Title
          <input className="field-input" name="title" required maxLength={200} />
          <FieldError name="title" />
        </label>
        <label>
          Slug <span className="hint">the address: /courses/&lt;slug&gt;; lowercase words joined by hyphens, can't change later</span>
          <input className="field-input" name="slug" required maxLength={100} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
          <FieldError name="slug" />
        </label>
        <div>
          <SubmitButton className="button button--primary">Create course</SubmitButton>
        </div>
        <p className="hint">A new course starts unpublished: only admins see it until you publish it.</p>
      </ActionForm>
    </div>
  );
}
