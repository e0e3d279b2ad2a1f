import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm, FieldError, SubmitButton } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { loadAdminCourse } from "@/lib/admin/courses/load-admin-course";
import { db } from "@/lib/db.server";
import { zId } from "@/lib/admin/form-fields";
import { addPartAction, setCoursePublishedAction, updateAuthorBioAction, updateCourseDetailsAction } from "../actions";
import { CourseStructure } from "./course-structure";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit course" };

const ZParams = z.object({ courseId: zId });

export default async function AdminCoursePage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireAdmin();
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const course = await loadAdminCourse(db, parsed.data.courseId);
  if (!course) notFound();
  const created = (await searchParams).created === "1";
  const price = (course.priceCents / 100).toFixed(2);

  return (
    <div className="page admin-page">
      <p className="breadcrumb">
        <Link href="/admin/courses">Courses</Link> /
      </p>
      <div className="admin-head">
        <h1>{course.title}</h1>
        {course.published ? <span className="badge badge--free">Published</span> : <span className="badge">Draft</span>}
      </div>
      {created ? (
        <p className="admin-notice" role="status">
          Course created. It stays unpublished until you publish it below.
        </p>
      ) : null}

      <section className="admin-section" aria-labelledby="publish-heading">
        <h2 id="publish-heading">Visibility</h2>
        <ActionForm action={setCoursePublishedAction} className="admin-inline-form" label="Visibility" testId="publish-form">
          <input type="hidden" name="courseId" value={course.id} />
          <input type="hidden" name="published" value={course.published ? "false" : "true"} />
          <p className="muted">
            {course.published ? "Learners can find and buy this course." : "Only admins can see this course."}{" "}
            {course.published ? <Link href={`/courses/${course.slug}`}>View it on the site</Link> : null}
          </p>
          <SubmitButton className={course.published ? "button" : "button button--primary"} testId="publish-toggle">
            {course.published ? "Unpublish" : "Publish"}
          </SubmitButton>
        </ActionForm>
      </section>

      <section className="admin-section" aria-labelledby="details-heading">
        <h2 id="details-heading">Details</h2>
        <ActionForm action={updateCourseDetailsAction} label="Course details" testId="details-form">
          <input type="hidden" name="courseId" value={course.id} />
          <label>
            Title
            <input className="field-input" name="title" defaultValue={course.title} required maxLength={200} />
            <FieldError name="title" />
          </label>
          <label>
            Subtitle
            <input className="field-input" name="subtitle" defaultValue={course.subtitle} maxLength={300} />
            <FieldError name="subtitle" />
          </label>
          <label>
            Description
            <textarea className="field-input" name="description" defaultValue={course.description} rows={6} maxLength={20000} />
            <FieldError name="description" />
          </label>
          <label>
            Authors <span className="hint">one per line, in the order shown</span>
            <textarea className="field-input" name="authors" defaultValue={course.authors.join("\n")} rows={3} />
            <FieldError name="authors" />
          </label>
          <label>
            What you&apos;ll learn <span className="hint">one per line, shown as a checklist on the course page</span>
            <textarea className="field-input" name="outcomes" defaultValue={course.outcomes} rows={4} data-testid="outcomes-field" />
            <FieldError name="outcomes" />
          </label>
          <label>
            Requirements <span className="hint">one per line</span>
            <textarea className="field-input" name="requirements" defaultValue={course.requirements} rows={3} data-testid="requirements-field" />
            <FieldError name="requirements" />
          </label>
          <div className="admin-form__row">
            <label>
              Price <span className="hint">0 = free</span>
              <input className="field-input" name="price" defaultValue={price} inputMode="decimal" required />
              <FieldError name="price" />
            </label>
            <label>
              Currency
              <input className="field-input" name="currency" defaultValue={course.currency} required maxLength={3} size={4} />
              <FieldError name="currency" />
            </label>
            <label>
              Free preview parts <span className="hint">the first N parts are free to watch</span>
              <input className="field-input" name="freePreviewParts" defaultValue={course.freePreviewParts} inputMode="numeric" required />
              <FieldError name="freePreviewParts" />
            </label>
          </div>
          <div>
            <SubmitButton className="button button--primary">Save details</SubmitButton>
          </div>
        </ActionForm>
      </section>

      {course.instructors.length > 0 ? (
        <section className="admin-section" aria-labelledby="instructors-heading">
          <h2 id="instructors-heading">Instructors</h2>
          <p className="hint">Shown on the course page as &ldquo;Your instructor&rdquo;; an author without a bio is left out there.</p>
          {course.instructors.map((author) => (
            <ActionForm key={author.id} action={updateAuthorBioAction} label={`Bio of ${author.name}`} testId="author-bio-form">
              <input type="hidden" name="authorId" value={author.id} />
              <label>
                Bio of {author.name}
                <textarea className="field-input" name="bio" defaultValue={author.bio} rows={3} maxLength={2000} />
                <FieldError name="bio" />
              </label>
              <div>
                <SubmitButton>Save bio</SubmitButton>
              </div>
            </ActionForm>
          ))}
        </section>
      ) : null}

      <section className="admin-section" aria-labelledby="structure-heading">
        <h2 id="structure-heading">Parts and segments</h2>
        <CourseStructure course={course} />
        <h3>Add a part</h3>
        <ActionForm action={addPartAction} className="admin-inline-form" label="Add a part" resetOnSuccess>
          <input type="hidden" name="courseId" value={course.id} />
          <label>
            Part title
            <input className="field-input" name="title" required maxLength={200} />
            <FieldError name="title" />
          </label>
          <SubmitButton>Add part</SubmitButton>
        </ActionForm>
      </section>

      {course.archived.length > 0 ? (
        <section className="admin-section" aria-labelledby="archived-heading">
          <h2 id="archived-heading">Archived segments</h2>
          <p className="muted">Hidden from learners; their progress is kept.</p>
          <ul className="admin-list">
            {course.archived.map((s) => (
              <li key={s.id}>
                {s.title} <span className="muted small">({s.slug}, was in {s.partTitle}, archived {s.archivedAt.toISOString().slice(0, 10)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
