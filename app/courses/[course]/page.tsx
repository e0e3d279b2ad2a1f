import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db.server";
import { getCourseToc } from "@/lib/catalog/get-course-toc";
import { courseStructuredData, jsonForScript } from "@/lib/catalog/course-structured-data";
import { env } from "@/lib/env.server";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { formatPrice, formatTotal } from "@/lib/catalog/format-duration";
import { CourseToc } from "@/components/toc/course-toc";
import { CheckIcon } from "@/components/icons";
import { getViewer } from "@/lib/access/get-viewer.server";
import { decideCourseDownload } from "@/lib/access/can-download-course";
import { getCourseEntitlement } from "@/lib/access/course-entitlement.server";
import { formatClock } from "@/lib/player/format-clock";
import "../../commerce.css";
import { getCourseProgress } from "@/lib/progress/course-progress";
import { CourseProgressPanel } from "@/components/progress/course-progress-panel";
import { CourseSearch } from "@/components/progress/course-search";
import { CourseNotes } from "@/components/notes/course-notes";
import { listNotes } from "@/lib/notes/manage-notes";
import { ProgressSync } from "@/components/progress/progress-sync";
import { listMyAssignments } from "@/lib/teams/list-my-assignments";
import { AssignedToYou } from "@/components/teams/assigned-to-you";
import "../../teams/teams.css";
import "../../player.css";
import "../../landing.css";
import { getCourseLanding, type TCourseLanding } from "@/lib/catalog/get-course-landing";
import { CourseInstructors, CourseOutcomes, CourseRequirements } from "@/components/catalog/course-landing";
import { CourseTrailer, type TTrailer } from "@/components/catalog/course-trailer";
import { loadSegmentAccess, tokenUserOf } from "@/lib/access/require-segment-access";
import { segmentMediaUrls } from "@/lib/media/segment-media-urls";
import { playbackDeps } from "@/lib/media/playback-deps.server";
import { mediaExtras } from "@/lib/player/media-extras";
import type { TToc } from "@/lib/catalog/get-course-toc";
import type { TViewer } from "@/lib/access/viewer";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ course: string }>; searchParams?: Promise<{ coupon?: string | string[] }> };

// Metadata and page share one query per request (React's request-scoped cache).
const tocOf = cache(async (slug: string) => getCourseToc(db, slug, await getViewer()));
const landingOf = cache((courseId: string) => getCourseLanding(db, courseId));

/** Absolute URLs for link previews and JSON-LD (crawlers do not resolve relative ones). */
function absoluteLanding(landing: TCourseLanding | null): TCourseLanding | null {
  if (!landing) return null;
  const abs = <T extends { url: string } | null>(image: T): T => (image ? { ...image, url: `${env.APP_URL}${image.url}` } : image);
  return { ...landing, cover: abs(landing.cover), instructors: landing.instructors.map((i) => ({ ...i, photo: abs(i.photo) })) };
}

/**
 * The trailer: the first segment of the free preview, played inline. Whether this viewer may
 * play it is the same decision as on the watch page (loadSegmentAccess), not a second one.
 */
async function loadTrailer(viewer: TViewer, toc: TToc): Promise<TTrailer | null> {
  const first = toc.parts.flatMap((p) => p.segments).find((s) => s.free);
  if (!first) return null;
  const found = await loadSegmentAccess(db, viewer, toc.course.slug, first.slug);
  if (!found || !found.access.allowed || !found.segment.assets.some((a) => a.kind === "hls-master")) return null;
  const playback = segmentMediaUrls(found.segment, tokenUserOf(viewer, found), {
    secret: playbackDeps.secret,
    ttlSeconds: playbackDeps.ttlSeconds,
    nowSeconds: playbackDeps.nowSeconds(),
  });
  return {
    playback,
    extras: mediaExtras(found.segment, playback),
    href: `/courses/${toc.course.slug}/${first.slug}`,
    number: first.number,
    title: first.title,
  };
}

async function loadToc(params: TProps["params"]) {
  const parsed = ZCourseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const toc = await tocOf(parsed.data.course);
  if (!toc) notFound();
  return toc;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const toc = await loadToc(params);
  const description = toc.course.subtitle || toc.course.description.slice(0, 160);
  const url = `${env.APP_URL}/courses/${toc.course.slug}`;
  const cover = absoluteLanding(await landingOf(toc.course.id))?.cover;
  const images = cover ? [{ url: cover.url, width: cover.width, height: cover.height, alt: `Cover: ${toc.course.title}` }] : undefined;
  // A shared link previews with the course's title, summary and cover (OpenGraph, Twitter card).
  return {
    title: toc.course.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, title: toc.course.title, description, siteName: "Lectern", images },
    twitter: { card: cover ? "summary_large_image" : "summary", title: toc.course.title, description, images },
  };
}

export default async function CoursePage({ params, searchParams }: TProps) {
  const toc = await loadToc(params);
  const { course, parts } = toc;
  const viewer = await getViewer();
  // One decision (lib/access): what the viewer may watch decides the buy-box, the downloads
  // link and the locks in the table of contents.
  const entitlement = await getCourseEntitlement(viewer, course);
  const download = decideCourseDownload(viewer, entitlement);
  const paid = course.priceCents > 0;
  const owner = entitlement.entitled && (entitlement.reason === "purchase" || entitlement.reason === "team-seat");
  // Progress (continue, bar, TOC checks) for signed-in viewers: lib/progress.
  const viewerId = viewer.kind === "user" ? viewer.userId : null;
  const [progress, notes, certificate, landing, trailer, assignments] = await Promise.all([
    viewerId ? getCourseProgress(db, viewerId, toc) : null,
    viewer.kind === "user" ? listNotes(db, viewer, course.slug) : [],
    viewerId
      ? db.certificate.findUnique({ where: { userId_courseId: { userId: viewerId, courseId: course.id } }, select: { token: true } })
      : null,
    landingOf(course.id),
    loadTrailer(viewer, toc),
    listMyAssignments(db, viewer, { courseId: course.id, now: new Date() }),
  ]);
  // Keep a ?coupon= from a campaign link on the way to checkout (validated there).
  const coupon = [(await searchParams)?.coupon].flat()[0]?.trim().slice(0, 40);
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
        dangerouslySetInnerHTML={{ __html: jsonForScript(courseStructuredData(toc, `${env.APP_URL}/courses/${course.slug}`, "Lectern", absoluteLanding(landing))) }}
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
