import { courseStructuredData, jsonForScript } from "@/lib/catalog/course-structured-data";
import { formatTotal } from "@/lib/catalog/format-duration";
import type { TCourseShared } from "@/lib/catalog/load-course-page.server";
import type { TCourseViewerState } from "@/lib/viewer/course-viewer-state";
import { CourseSearch } from "@/components/progress/course-search";
import { CourseInstructors, CourseOutcomes, CourseRequirements } from "@/components/catalog/course-landing";
import { CourseTrailer } from "@/components/catalog/course-trailer";
import { BuyBoxViewer, CourseViewerProvider, ViewerExtras, ViewerToc } from "./course-viewer-parts";
import type { TViewerSource } from "./viewer-state";

/**
 * The course page (landing, buy-box, table of contents). The same view renders the anonymous
 * shared copy and the viewer shell (app/cached/courses) and the page rendered for its request
 * (app/courses/[course]): everything here is the same for every viewer but the islands of
 * course-viewer-parts.tsx, whose state comes from `viewer` (issue 12, ADR 019).
 */
export function CoursePageView({
  shared,
  viewer,
  coupon = null,
}: {
  shared: TCourseShared;
  viewer: TViewerSource<TCourseViewerState>;
  /** A campaign's ?coupon=, kept on the way to checkout (validated there). */
  coupon?: string | null;
}) {
  const { toc, landing, trailer } = shared;
  const { course, parts } = toc;
  const published = course.publishedOn ? new Date(`${course.publishedOn}T00:00:00Z`).getUTCFullYear() : null;

  return (
    <CourseViewerProvider source={viewer}>
      <div className="page course-page">
        <script
          type="application/ld+json"
          // Data, not code: CSP does not run it; jsonForScript keeps it from closing the element.
          dangerouslySetInnerHTML={{ __html: jsonForScript(courseStructuredData(toc, shared.courseUrl, "Lectern", shared.absoluteLanding)) }}
        />
        <header className="course-head">
          <div className="course-head__text">
            <p className="eyebrow">{[course.publisher, published].filter(Boolean).join(", ")}</p>
            <h1>{course.title}</h1>
            {course.subtitle ? <p className="course-head__subtitle">{course.subtitle}</p> : null}
            {course.authors.length > 0 ? <p className="course-head__authors">by {course.authors.join(", ")}</p> : null}
            <p className="course-head__stats" data-testid="course-stats">
              {course.partCount} parts · {course.segmentCount} segments · {formatTotal(course.totalSeconds)}
            </p>
            <CourseOutcomes outcomes={landing?.outcomes ?? []} />
            {course.description ? (
              <section className="course-description" aria-label="About this course">
                {course.description.split(/\n{2,}/).map((para, i) => (
                  <p key={i}>{para}</p>
                ))}
              </section>
            ) : null}
            <CourseRequirements requirements={landing?.requirements ?? []} />
          </div>
          <aside className="buy-box" aria-label="Price and access" data-testid="buy-box">
            <CourseTrailer trailer={trailer} cover={landing?.cover ?? null} courseTitle={course.title} />
            {/* Above the per-viewer part, the last thing in the box: when it is filled, nothing below it moves. */}
            {course.resourcesUrl ? (
              <p className="buy-box__resources">
                Course resources: <a href={course.resourcesUrl}>{course.resourcesUrl.replace(/^https?:\/\//, "")}</a>
              </p>
            ) : null}
            <BuyBoxViewer
              coupon={coupon}
              course={{
                slug: course.slug,
                priceCents: course.priceCents,
                currency: course.currency,
                freePreviewParts: course.freePreviewParts,
                freeSegmentCount: course.freeSegmentCount,
                segmentCount: course.segmentCount,
                firstSegmentSlug: parts[0]?.segments[0]?.slug ?? null,
              }}
            />
          </aside>
        </header>
        <ViewerExtras toc={toc} />
        <CourseSearch courseSlug={course.slug} />
        <section aria-labelledby="toc-heading">
          <h2 id="toc-heading">Table of contents</h2>
          <ViewerToc toc={toc} />
        </section>
        <CourseInstructors instructors={landing?.instructors ?? []} />
      </div>
    </CourseViewerProvider>
  );
}
