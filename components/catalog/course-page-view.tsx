import Link from "next/link";
import { courseStructuredData, jsonForScript } from "@/lib/catalog/course-structured-data";
import { formatPrice, formatTotal } from "@/lib/catalog/format-duration";
import type { TCoursePageData } from "@/lib/catalog/load-course-page.server";
import { formatClock } from "@/lib/player/format-clock";
import { CourseToc } from "@/components/toc/course-toc";
import { CheckIcon } from "@/components/icons";
import { CourseProgressPanel } from "@/components/progress/course-progress-panel";
import { CourseSearch } from "@/components/progress/course-search";
import { CourseNotes } from "@/components/notes/course-notes";
import { ProgressSync } from "@/components/progress/progress-sync";
import { AssignedToYou } from "@/components/teams/assigned-to-you";
import { CourseInstructors, CourseOutcomes, CourseRequirements } from "@/components/catalog/course-landing";
import { CourseTrailer } from "@/components/catalog/course-trailer";

/**
 * The course page (landing, buy-box, table of contents) for one viewer, from what
 * loadCoursePage read. The same view renders the shared anonymous copy (app/cached/courses)
 * and the signed-in viewer's own page (app/courses/[course]).
 */
export function CoursePageView({ data }: { data: TCoursePageData }) {
  const { toc, viewer, entitlement, download, progress, notes, certificate, landing, trailer, assignments, coupon } = data;
  const { course, parts } = toc;
  const paid = course.priceCents > 0;
  const owner = entitlement.entitled && (entitlement.reason === "purchase" || entitlement.reason === "team-seat");
  const viewerId = viewer.kind === "user" ? viewer.userId : null;
  const checkoutHref = `/courses/${course.slug}/checkout${coupon ? `?coupon=${encodeURIComponent(coupon)}` : ""}`;
  const firstSegment = parts[0]?.segments[0];
  const published = course.publishedOn ? new Date(`${course.publishedOn}T00:00:00Z`).getUTCFullYear() : null;
  const resume = progress?.resume ?? null;
  const resumeAt = resume && resume.positionSeconds >= 1 ? Math.floor(resume.positionSeconds) : 0;
  const watchHref = resume
    ? `/courses/${course.slug}/${resume.segment.slug}${resumeAt > 0 ? `?t=${resumeAt}` : ""}`
    : firstSegment
      ? `/courses/${course.slug}/${firstSegment.slug}`
      : null;
  const watchLabel = resume
    ? `Continue: ${resume.segment.number} ${resume.segment.title}${resumeAt > 0 ? ` at ${formatClock(resumeAt)}` : ""}`
    : paid && !entitlement.entitled
      ? "Start the free preview"
      : "Start watching";
  // Whoever may watch everything gets Continue in the buy-box; the panel then shows the meter only.
  const continueInBuyBox = entitlement.entitled;

  return (
    <div className="page course-page">
      <script
        type="application/ld+json"
        // Data, not code: CSP does not run it; jsonForScript keeps it from closing the element.
        dangerouslySetInnerHTML={{ __html: jsonForScript(courseStructuredData(toc, data.courseUrl, "Lectern", data.absoluteLanding)) }}
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
          {progress ? (
            <CourseProgressPanel courseSlug={course.slug} progress={progress} showContinue={!continueInBuyBox} />
          ) : null}
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
        <aside className="buy-box" aria-label={owner ? "Your course" : "Price"} data-testid="buy-box">
          <CourseTrailer trailer={trailer} cover={landing?.cover ?? null} courseTitle={course.title} />
          {owner ? (
            <p className="buy-box__owned" data-testid="owned">
              <CheckIcon /> {entitlement.reason === "team-seat" ? "Your team seat" : "You own this course"}
            </p>
          ) : entitlement.entitled && entitlement.reason === "organisation-licence" ? (
            // A licensed member is not asked to pay: no price, just why they may watch.
            <p className="buy-box__owned" data-testid="organisation-access">
              <CheckIcon /> Your organisation has access
            </p>
          ) : (
            <p className="buy-box__price">{paid ? formatPrice(course.priceCents, course.currency) : "Free"}</p>
          )}
          {entitlement.entitled && entitlement.reason === "admin" ? (
            <p className="buy-box__owned" data-testid="owned">
              Admins can watch every segment
            </p>
          ) : null}
          {paid && !entitlement.entitled ? (
            <Link className="button button--primary" href={checkoutHref} data-testid="buy-button">
              Buy the course
            </Link>
          ) : null}
          {paid && !(viewer.kind === "user" && viewer.role === "admin") ? (
            <Link className="button" href={`/courses/${course.slug}/checkout/team`} data-testid="buy-for-team">
              Buy for your team
            </Link>
          ) : null}
          {watchHref && (entitlement.entitled || !resume) ? (
            <Link
              className={`button${entitlement.entitled ? " button--primary" : ""}`}
              href={watchHref}
              data-testid={resume ? "continue-link" : "start-watching"}
            >
              {watchLabel}
            </Link>
          ) : null}
          {paid && !entitlement.entitled ? (
            <p className="buy-box__note">
              The first {course.freePreviewParts} parts ({course.freeSegmentCount} segments) are free to watch, no
              account needed.
            </p>
          ) : null}
          {!paid ? <p className="buy-box__note">Free for everyone.</p> : null}
          {viewer.kind === "anonymous" && paid ? (
            <p className="buy-box__note" data-testid="sign-in-to-watch">
              Already bought it?{" "}
              <Link href={`/sign-in?next=${encodeURIComponent(`/courses/${course.slug}`)}`}>Sign in</Link>
            </p>
          ) : null}
          {viewer.kind === "anonymous" && paid ? (
            <p className="buy-box__note" data-testid="check-organisation">
              Your organisation may already have access: check with your work e-mail first.{" "}
              <Link href={`/sign-in/organisation?next=${encodeURIComponent(`/courses/${course.slug}`)}`}>
                Sign in with your organisation
              </Link>
            </p>
          ) : null}
          {certificate ? (
            <Link className="button" href={`/certificates/${certificate.token}`} data-testid="certificate-link">
              Your certificate of completion
            </Link>
          ) : null}
          {download.allowed ? (
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
      <AssignedToYou assignments={assignments} showCourse={false} />
      <ProgressSync signedIn={viewerId !== null} />
      <CourseNotes toc={toc} notes={notes} />
      <CourseSearch courseSlug={course.slug} />
      <section aria-labelledby="toc-heading">
        <h2 id="toc-heading">Table of contents</h2>
        <CourseToc toc={toc} progress={progress?.bySegment} entitled={entitlement.entitled} />
      </section>
      <CourseInstructors instructors={landing?.instructors ?? []} />
    </div>
  );
}
