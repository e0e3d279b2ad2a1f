"use client";

import Link from "next/link";
import { formatPrice } from "@/lib/catalog/format-duration";
import type { TToc } from "@/lib/catalog/get-course-toc";
import { formatClock } from "@/lib/player/format-clock";
import { reviveAssignments, type TCourseViewerState } from "@/lib/viewer/course-viewer-state";
import { CheckIcon } from "@/components/icons";
import { CourseToc } from "@/components/toc/course-toc";
import { CourseNotes } from "@/components/notes/course-notes";
import { ProgressSync } from "@/components/progress/progress-sync";
import { AssignedToYou } from "@/components/teams/assigned-to-you";
import { createViewerContext, useViewerState, type TViewerSource } from "./viewer-state";

// The course page's per-viewer parts (issue 12, docs/decisions/019-cached-pages.md), as client
// islands over one state: rendered at once from the server's state on a page rendered for its
// request, or filled from GET /api/viewer/course/<slug> in the viewer shell.

const CourseViewer = createViewerContext<TCourseViewerState>();

export function CourseViewerProvider({ source, children }: { source: TViewerSource<TCourseViewerState>; children: React.ReactNode }) {
  return <CourseViewer.Provider value={useViewerState(source)}>{children}</CourseViewer.Provider>;
}

export type TBuyBoxCourse = {
  slug: string;
  priceCents: number;
  currency: string;
  freePreviewParts: number;
  freeSegmentCount: number;
  segmentCount: number;
  firstSegmentSlug: string | null;
};

/**
 * The buy-box's per-viewer part: what the viewer holds (or the price), their progress, Buy,
 * Continue or Start, downloads, the certificate. Its box keeps a minimum height (globals.css,
 * `.buy-box__viewer`) that the placeholder and the signed-in states share, so filling it moves nothing.
 */
export function BuyBoxViewer({ course, coupon }: { course: TBuyBoxCourse; coupon: string | null }) {
  const load = CourseViewer.useLoad();
  const paid = course.priceCents > 0;
  const box = `buy-box__viewer buy-box__viewer--${paid ? "paid" : "free"}`;
  if (load.status !== "ready") {
    return (
      <div className={box} aria-busy={load.status === "pending"} data-testid="buy-box-pending">
        {load.status === "failed" ? (
          <p className="buy-box__note" role="alert">
            Your access could not be loaded. <a href={`/courses/${course.slug}?view=mine`}>Reload this page</a>
          </p>
        ) : (
          <span className="visually-hidden" role="status">
            Loading your access…
          </span>
        )}
        <noscript>
          <p className="buy-box__note">
            <a href={`/courses/${course.slug}?view=mine`}>Show your access to this course</a> (this page needs JavaScript to show it here).
          </p>
        </noscript>
      </div>
    );
  }
  const { viewer, entitlement, downloadAllowed, progress, certificate } = load.state;
  const owner = entitlement.entitled && (entitlement.reason === "purchase" || entitlement.reason === "team-seat");
  const checkoutHref = `/courses/${course.slug}/checkout${coupon ? `?coupon=${encodeURIComponent(coupon)}` : ""}`;
  const resume = progress?.resume ?? null;
  const resumeAt = resume && resume.positionSeconds >= 1 ? Math.floor(resume.positionSeconds) : 0;
  const watchHref = resume
    ? `/courses/${course.slug}/${resume.segment.slug}${resumeAt > 0 ? `?t=${resumeAt}` : ""}`
    : course.firstSegmentSlug
      ? `/courses/${course.slug}/${course.firstSegmentSlug}`
      : null;
  const watchLabel = resume
    ? `Continue: ${resume.segment.number} ${resume.segment.title}${resumeAt > 0 ? ` at ${formatClock(resumeAt)}` : ""}`
    : paid && !entitlement.entitled
      ? "Start the free preview"
      : "Start watching";
  const admin = viewer.kind === "user" && viewer.role === "admin";
  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  const teamLink = (
    <Link className="button" href={`/courses/${course.slug}/checkout/team`} data-testid="buy-for-team">
      Buy for your team
    </Link>
  );
  return (
    <div className={box} data-testid="buy-box-viewer" data-viewer={viewer.kind}>
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
      {progress ? (
        <div className="buy-box__progress course-progress__meter" aria-label="Your progress" role="group" data-testid="course-progress">
          <progress id={`progress-${course.slug}`} max={100} value={percent} aria-label="Course watched" />
          <span className="course-progress__text">
            {progress.completedCount} of {progress.segmentCount} segments watched ({percent} %)
          </span>
        </div>
      ) : null}
      {paid && !entitlement.entitled ? (
        <Link className="button button--primary" href={checkoutHref} data-testid="buy-button">
          Buy the course
        </Link>
      ) : null}
      {paid && !admin && !entitlement.entitled ? teamLink : null}
      {watchHref ? (
        <Link className={`button${entitlement.entitled ? " button--primary" : ""}`} href={watchHref} data-testid={resume ? "continue-link" : "start-watching"}>
          {watchLabel}
        </Link>
      ) : null}
      {paid && !entitlement.entitled ? (
        <p className="buy-box__note">
          The first {course.freePreviewParts} parts ({course.freeSegmentCount} segments) are free to watch, no account needed.
        </p>
      ) : null}
      {!paid ? <p className="buy-box__note">Free for everyone.</p> : null}
      {viewer.kind === "anonymous" && paid ? (
        <p className="buy-box__note" data-testid="sign-in-to-watch">
          Already bought it? <Link href={`/sign-in?next=${encodeURIComponent(`/courses/${course.slug}`)}`}>Sign in</Link>
        </p>
      ) : null}
      {viewer.kind === "anonymous" && paid ? (
        <p className="buy-box__note" data-testid="check-organisation">
          Your organisation may already have access: check with your work e-mail first.{" "}
          <Link href={`/sign-in/organisation?next=${encodeURIComponent(`/courses/${course.slug}`)}`}>Sign in with your organisation</Link>
        </p>
      ) : null}
      {certificate ? (
        <Link className="button" href={`/certificates/${certificate.token}`} data-testid="certificate-link">
          Your certificate of completion
        </Link>
      ) : null}
      {downloadAllowed ? (
        <Link className="button" href={`/courses/${course.slug}/download`} data-testid="downloads-link">
          Downloads (MP4, ZIP)
        </Link>
      ) : null}
      {/* Who may already watch gets their own actions first; seats for colleagues come last, at
          the foot of the box's reserved height (the space the signed-out offer needs). */}
      {paid && !admin && entitlement.entitled ? (
        <div className="buy-box__later">
          {/* Only to a buyer (a team's seats are its lead's to add, a licence covers the organisation), and not
              beside a certificate or a "Continue: …" (two lines for a long title): the box's
              reserved height holds one or the other (e2e cached-pages, "keeps to its reserved height"). */}
          {entitlement.reason !== "purchase" || certificate || resume ? null : (
            <p className="buy-box__note">Colleagues too? Seats on one invoice.</p>
          )}
          {teamLink}
        </div>
      ) : null}
    </div>
  );
}

/** The table of contents with the viewer's locks and ticks; neutral marks until they are known. */
export function ViewerToc({ toc }: { toc: TToc }) {
  const load = CourseViewer.useLoad();
  if (load.status !== "ready") return <CourseToc toc={toc} pending />;
  const { entitlement, progress } = load.state;
  return <CourseToc toc={toc} progress={progress?.bySegment} entitled={entitlement.entitled} />;
}

/** "Assigned to you", the viewer's notes and the anonymous-progress merge: nothing until known. */
export function ViewerExtras({ toc }: { toc: TToc }) {
  const load = CourseViewer.useLoad();
  if (load.status !== "ready") return null;
  const { viewer, assignments, notes } = load.state;
  return (
    <>
      <AssignedToYou assignments={reviveAssignments(assignments)} showCourse={false} />
      <ProgressSync signedIn={viewer.kind === "user"} />
      <CourseNotes toc={toc} notes={notes} />
    </>
  );
}
