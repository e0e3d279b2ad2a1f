import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { db } from "../db.server";
import { env } from "../env.server";
import type { TViewer } from "../access/viewer";
import { decideCourseDownload, type TCourseDownloadAccess } from "../access/can-download-course";
import { getCourseEntitlement } from "../access/course-entitlement.server";
import type { TCourseEntitlement } from "../access/decide-course-entitlement";
import { loadSegmentAccess, tokenUserOf } from "../access/require-segment-access";
import { segmentMediaUrls } from "../media/segment-media-urls";
import { playbackDeps } from "../media/playback-deps.server";
import { mediaExtras } from "../player/media-extras";
import { getCourseProgress, type TCourseProgress } from "../progress/course-progress";
import { listNotes } from "../notes/manage-notes";
import type { TNote } from "../notes/note-schemas";
import { listMyAssignments, type TMyAssignment } from "../teams/list-my-assignments";
import type { TTrailer } from "@/components/catalog/course-trailer";
import { cachedCourseLanding, cachedCourseToc } from "./cached-catalog.server";
import type { TCourseLanding } from "./get-course-landing";
import type { TToc } from "./get-course-toc";
import { seesHidden } from "./visibility";

export type TCoursePageData = {
  toc: TToc;
  viewer: TViewer;
  entitlement: TCourseEntitlement;
  download: TCourseDownloadAccess;
  progress: TCourseProgress | null;
  notes: TNote[];
  certificate: { token: string } | null;
  landing: TCourseLanding | null;
  /** The landing with absolute image URLs, for link previews and JSON-LD. */
  absoluteLanding: TCourseLanding | null;
  trailer: TTrailer | null;
  assignments: TMyAssignment[];
  /** A campaign's ?coupon=, kept on the way to checkout (validated there). */
  coupon: string | null;
  courseUrl: string;
};

// Metadata and page share one read per request (React's request cache); the reads themselves
// come from the shared catalog cache (cached-catalog.server.ts).
// (Keyed on primitives: what the table of contents depends on is whether the viewer sees hidden
// courses and segments, visibility.ts.)
const tocOf = cache((slug: string, hidden: boolean) => cachedCourseToc(slug, hidden));
const tocFor = (slug: string, viewer: TViewer) => tocOf(slug, seesHidden(viewer));

/** Absolute URLs for link previews and JSON-LD (crawlers do not resolve relative ones). */
function absolute(landing: TCourseLanding | null): TCourseLanding | null {
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

/**
 * Everything the course page shows to `viewer`, or null when there is no such course for them.
 * For the anonymous viewer (the shared cached render, app/cached/courses) nothing here reads the
 * request: no session, no cookie, no query string.
 */
export async function loadCoursePage(slug: string, viewer: TViewer, coupon: string | null): Promise<TCoursePageData | null> {
  const toc = await tocFor(slug, viewer);
  if (!toc) return null;
  const { course } = toc;
  // One decision (lib/access): what the viewer may watch decides the buy-box, the downloads
  // link and the locks in the table of contents.
  const entitlement = await getCourseEntitlement(viewer, course);
  const download = decideCourseDownload(viewer, entitlement);
  // Progress (continue, bar, TOC checks) for signed-in viewers: lib/progress.
  const viewerId = viewer.kind === "user" ? viewer.userId : null;
  const [progress, notes, certificate, landing, trailer, assignments] = await Promise.all([
    viewerId ? getCourseProgress(db, viewerId, toc) : null,
    viewer.kind === "user" ? listNotes(db, viewer, course.slug) : [],
    viewerId
      ? db.certificate.findUnique({ where: { userId_courseId: { userId: viewerId, courseId: course.id } }, select: { token: true } })
      : null,
    cachedCourseLanding(course.id),
    loadTrailer(viewer, toc),
    viewerId ? listMyAssignments(db, viewer, { courseId: course.id, now: new Date() }) : [],
  ]);
  return {
    toc,
    viewer,
    entitlement,
    download,
    progress,
    notes,
    certificate,
    landing,
    absoluteLanding: absolute(landing),
    trailer,
    assignments,
    coupon,
    courseUrl: `${env.APP_URL}/courses/${course.slug}`,
  };
}

/** The page's title, summary, canonical URL and link preview (OpenGraph, Twitter card). */
export async function loadCourseMetadata(slug: string, viewer: TViewer): Promise<Metadata | null> {
  const toc = await tocFor(slug, viewer);
  if (!toc) return null;
  const description = toc.course.subtitle || toc.course.description.slice(0, 160);
  const url = `${env.APP_URL}/courses/${toc.course.slug}`;
  const cover = absolute(await cachedCourseLanding(toc.course.id))?.cover;
  const images = cover ? [{ url: cover.url, width: cover.width, height: cover.height, alt: `Cover: ${toc.course.title}` }] : undefined;
  return {
    title: toc.course.title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "website", url, title: toc.course.title, description, siteName: "Lectern", images },
    twitter: { card: cover ? "summary_large_image" : "summary", title: toc.course.title, description, images },
  };
}
