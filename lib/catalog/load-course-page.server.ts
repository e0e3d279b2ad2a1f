import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { db } from "../db.server";
import { env } from "../env.server";
import type { TViewer } from "../access/viewer";
import { loadSegmentAccess, tokenUserOf } from "../access/require-segment-access";
import { segmentMediaUrls } from "../media/segment-media-urls";
import { playbackDeps } from "../media/playback-deps.server";
import { mediaExtras } from "../player/media-extras";
import type { TCourseViewerState } from "../viewer/course-viewer-state";
import { readCourseViewerState, viewerOf, type TViewerUser } from "../viewer/read-viewer-state";
import type { TTrailer } from "@/components/catalog/course-trailer";
import { cachedCourseLanding, cachedCourseToc } from "./cached-catalog.server";
import type { TCourseLanding } from "./get-course-landing";
import type { TToc } from "./get-course-toc";
import { seesHidden } from "./visibility";

/** What every viewer of a course page sees alike: the shared render's part (issue 12, ADR 019). */
export type TCourseShared = {
  toc: TToc;
  landing: TCourseLanding | null;
  /** The landing with absolute image URLs, for link previews and JSON-LD. */
  absoluteLanding: TCourseLanding | null;
  trailer: TTrailer | null;
  courseUrl: string;
};

/** A course page rendered for its request: the shared part and this viewer's state. */
export type TCoursePageData = { shared: TCourseShared; state: TCourseViewerState };

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
    mp4Origin: playbackDeps.mp4Origin,
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
 * The part of the course page that is the same for every viewer who sees the same table of
 * contents (everyone but an admin: visibility.ts), or null when there is no such course for
 * them. For the anonymous viewer (the shared renders, app/cached/courses) nothing here reads
 * the request: no session, no cookie, no query string.
 */
export async function loadCourseShared(slug: string, viewer: TViewer): Promise<TCourseShared | null> {
  const toc = await tocFor(slug, viewer);
  if (!toc) return null;
  const [landing, trailer] = await Promise.all([cachedCourseLanding(toc.course.id), loadTrailer(viewer, toc)]);
  return { toc, landing, absoluteLanding: absolute(landing), trailer, courseUrl: `${env.APP_URL}/courses/${toc.course.slug}` };
}

/**
 * Everything the course page shows `user` (null: anonymous): the shared part and their state
 * (lib/viewer/read-viewer-state.ts, the same read as GET /api/viewer/course/<slug>).
 */
export async function loadCoursePage(slug: string, user: TViewerUser | null): Promise<TCoursePageData | null> {
  const shared = await loadCourseShared(slug, viewerOf(user));
  if (!shared) return null;
  return { shared, state: await readCourseViewerState(db, user, shared.toc, new Date()) };
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
