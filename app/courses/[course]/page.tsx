import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db.server";
import { getCourseToc } from "@/lib/catalog/get-course-toc";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { formatPrice, formatTotal } from "@/lib/catalog/format-duration";
import { CourseToc } from "@/components/toc/course-toc";
import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { canDownloadCourse } from "@/lib/access/can-download-course";
import { ANONYMOUS } from "@/lib/access/viewer";
import "../../commerce.css";
import { getCourseProgress } from "@/lib/progress/course-progress";
import { CourseProgressPanel } from "@/components/progress/course-progress-panel";
import { CourseSearch } from "@/components/progress/course-search";
import { ProgressSync } from "@/components/progress/progress-sync";
import "../../player.css";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ course: string }>; searchParams?: Promise<{ coupon?: string | string[] }> };

// Metadata and page share one query per request (React's request-scoped cache).
const tocOf = cache((slug: string) => getCourseToc(db, slug));

async function loadToc(params: TProps["params"]) {
  const parsed = ZCourseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const toc = await tocOf(parsed.data.course);
  if (!toc) notFound();
  return toc;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const toc = await loadToc(params);
  return { title: toc.course.title, description: toc.course.subtitle || toc.course.description.slice(0, 160) };
}

export default async function CoursePage({ params, searchParams }: TProps) {
  const toc = await loadToc(params);
  const { course, parts } = toc;
  const user = await getCurrentUser();
  // What the buy-box offers mirrors lib/access's download decision (purchase, admin, free course).
  const access = await canDownloadCourse(db, user ? { kind: "user", userId: user.id, role: user.role } : ANONYMOUS, course);
  const owned = access.allowed && access.reason !== "free-course";
  // Progress (continue banner, bar, TOC checks) for signed-in viewers: lib/progress.
  const viewerId = user?.id ?? null;
  const progress = viewerId ? await getCourseProgress(db, viewerId, toc) : null;
  // Keep a ?coupon= from a campaign link on the way to checkout (validated there).
  const coupon = [(await searchParams)?.coupon].flat()[0]?.trim().slice(0, 40);
  const checkoutHref = `/courses/${course.slug}/checkout${coupon ? `?coupon=${encodeURIComponent(coupon)}` : ""}`;
  const firstSegment = parts[0]?.segments[0];
  const published = course.publishedOn ? new Date(`${course.publishedOn}T00:00:00Z`).getUTCFullYear() : null;

  return (
    <div className="page course-page">
      <header className="course-head">
        <div className="course-head__text">
          <p className="eyebrow">{[course.publisher, published].filter(Boolean).join(", ")}</p>
          <h1>{course.title}</h1>
          {course.subtitle ? <p className="course-head__subtitle">{course.subtitle}</p> : null}
          {course.authors.length > 0 ? <p className="course-head__authors">by {course.authors.join(", ")}</p> : null}
          <p className="course-head__stats" data-testid="course-stats">
            {course.partCount} parts · {course.segmentCount} segments · {formatTotal(course.totalSeconds)}
          </p>
          {course.description ? (
            <section className="course-description" aria-label="About this course">
              {course.description.split(/\n{2,}/).map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </section>
          ) : null}
        </div>
        <aside className="buy-box" aria-label="Price">
          <p className="buy-box__price">{formatPrice(course.priceCents, course.currency)}</p>
          {course.priceCents > 0 ? (
            owned ? (
              <p className="buy-box__owned" data-testid="owned">
                {access.reason === "admin" ? "Admins can watch every segment" : "You own this course"}
              </p>
            ) : (
              <Link className="button button--primary" href={checkoutHref} data-testid="buy-button">
                Buy
              </Link>
            )
          ) : null}
          {course.priceCents > 0 ? (
            <p className="buy-box__note">
              The first {course.freePreviewParts} parts ({course.freeSegmentCount} segments) are free to watch, no
              account needed.
            </p>
          ) : (
            <p className="buy-box__note">Free for everyone.</p>
          )}
          {firstSegment ? (
            <Link
              className={`button${owned || course.priceCents === 0 ? " button--primary" : ""}`}
              href={`/courses/${course.slug}/${firstSegment.slug}`}
            >
              {course.priceCents > 0 && !owned ? "Start the free preview" : "Start watching"}
            </Link>
          ) : null}
          {access.allowed ? (
            <Link className="button" href={`/courses/${course.slug}/download`} data-testid="downloads-link">
              Downloads (MP4, ZIP)
            </Link>
          ) : null}
          {course.resourcesUrl ? (
            <p className="buy-box__resources">
              Course resources: <a href={course.resourcesUrl}>{course.resourcesUrl.replace(/^https?:\/\//, "")}</a>
            </p>
          ) : null}
        </aside>
      </header>
      {progress ? <CourseProgressPanel courseSlug={course.slug} progress={progress} /> : null}
      <ProgressSync signedIn={viewerId !== null} />
      <CourseSearch courseSlug={course.slug} />
      <section aria-labelledby="toc-heading">
        <h2 id="toc-heading">Table of contents</h2>
        <CourseToc toc={toc} progress={progress?.bySegment} />
      </section>
    </div>
  );
}
