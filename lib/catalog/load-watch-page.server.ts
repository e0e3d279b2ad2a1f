import "server-only";
import type { Metadata } from "next";
import { cache } from "react";
import { db } from "../db.server";
import type { TViewer } from "../access/viewer";
import type { TSegmentAccess } from "../access/decide-segment-access";
import type { TCourseEntitlement } from "../access/decide-course-entitlement";
import { loadSegmentAccess, tokenUserOf } from "../access/require-segment-access";
import type { TFoundSegment } from "./find-segment";
import type { TToc } from "./get-course-toc";
import { cachedCourseToc } from "./cached-catalog.server";
import { seesHidden } from "./visibility";
import { neighbours } from "./neighbours";
import { formatPrice } from "./format-duration";
import { segmentMediaUrls, type TPlayback } from "../media/segment-media-urls";
import { playbackDeps } from "../media/playback-deps.server";
import { parseStartTime } from "../player/start-time";
import { getCourseProgress, type TCourseProgress } from "../progress/course-progress";
import { readPreferences, type TPlayerPreferences } from "../progress/preferences";
import { readSegmentProgress, type TSegmentProgress } from "../progress/read-progress";

/** What the watch page's address asks for beyond the segment (its query string). */
export type TWatchQuery = {
  /** `?autoplay=1`: the server-rendered MP4 starts at once (ADR 008). */
  autoplay: boolean;
  /** `?t=` of a deep link, as sent (parsed against the segment's duration). */
  t: string | string[] | undefined;
  /** A campaign's `?coupon=`, kept on the way to checkout (validated there). */
  coupon: string | string[] | undefined;
};

export type TWatchLink = { href: string; title: string; number: string; locked: boolean };

export type TWatchPageData = {
  segment: TFoundSegment;
  access: TSegmentAccess;
  entitlement: TCourseEntitlement;
  toc: TToc;
  /** Signed media URLs when the viewer may watch and there is media; null otherwise. */
  playback: TPlayback | null;
  /** Only admins reach a segment without media (lib/catalog/visibility.ts): nothing to play yet. */
  hasMedia: boolean;
  /** The signed-in viewer's id, null for an anonymous one. */
  userId: string | null;
  autoplay: boolean;
  startAt: number | null;
  preferences: TPlayerPreferences | null;
  saved: TSegmentProgress | null;
  courseProgress: TCourseProgress | null;
  courseHref: string;
  checkoutHref: string;
  signInHref: string;
  firstFreeHref: string | null;
  previous: { href: string; title: string } | null;
  next: TWatchLink | null;
  number: string | undefined;
  price: string;
};

// Metadata and page share one read per request (React's request cache). Keyed on the viewer
// object: each route passes the same one for both (ANONYMOUS, or its own request-cached viewer).
// `signAheadSeconds`: sign the media URLs as of that much later than now (the shared copy, which
// may be sent up to SHARED_PAGE_MAX_AGE_SECONDS after it was rendered); 0 for a page rendered
// for its request. The player's renewal counts from `issuedAt`, so it renews in time either way.
const loadSegment = cache(async (course: string, segment: string, viewer: TViewer, signAheadSeconds: number) => {
  // The table of contents from the shared catalog cache (it depends on the role only): also what
  // tags the shared copy of this page with CATALOG_TAG, so an admin change drops it at once.
  const [found, toc] = await Promise.all([loadSegmentAccess(db, viewer, course, segment), cachedCourseToc(course, seesHidden(viewer))]);
  if (!found || !toc) return null;
  const hasMedia = found.segment.assets.some((a) => a.kind === "hls-master");
  const playback =
    found.access.allowed && hasMedia
      ? segmentMediaUrls(found.segment, tokenUserOf(viewer, found), {
          secret: playbackDeps.secret,
          ttlSeconds: playbackDeps.ttlSeconds,
          nowSeconds: playbackDeps.nowSeconds() + signAheadSeconds,
          mp4Origin: playbackDeps.mp4Origin,
        })
      : null;
  return { ...found, toc, playback, hasMedia };
});

/** The page's title, or null when there is no such segment for this viewer. */
export async function loadWatchMetadata(
  course: string,
  segment: string,
  viewer: TViewer,
  signAheadSeconds = 0,
): Promise<Metadata | null> {
  const found = await loadSegment(course, segment, viewer, signAheadSeconds);
  return found ? { title: `${found.segment.title} — ${found.toc.course.title}` } : null;
}

/**
 * Everything the watch page shows to `viewer`, or null when there is no such segment for them
 * (a 404). For the anonymous viewer nothing here reads the request: no session, no cookie.
 */
export async function loadWatchPage(
  course: string,
  segment: string,
  viewer: TViewer,
  query: TWatchQuery,
  signAheadSeconds = 0,
): Promise<TWatchPageData | null> {
  const found = await loadSegment(course, segment, viewer, signAheadSeconds);
  if (!found) return null;
  const { toc, playback, entitlement } = found;
  const courseHref = `/courses/${toc.course.slug}`;
  const coupon = [query.coupon].flat()[0]?.trim().slice(0, 40);
  const all = toc.parts.flatMap((p) => p.segments);
  const firstFree = all.find((s) => s.free && s.slug !== found.segment.slug) ?? null;
  const { previous, next } = neighbours(toc, found.segment.slug);
  const userId = viewer.kind === "user" ? viewer.userId : null;
  const [preferences, saved, courseProgress] = await Promise.all([
    userId ? readPreferences(db, userId) : null,
    userId && playback ? readSegmentProgress(db, userId, found.segment.id) : null,
    userId ? getCourseProgress(db, userId, toc) : null,
  ]);
  return {
    segment: found.segment,
    access: found.access,
    entitlement,
    toc,
    playback,
    hasMedia: found.hasMedia,
    userId,
    autoplay: query.autoplay,
    startAt: parseStartTime(query.t, found.segment.durationSeconds),
    preferences,
    saved,
    courseProgress,
    courseHref,
    checkoutHref: `${courseHref}/checkout${coupon ? `?coupon=${encodeURIComponent(coupon)}` : ""}`,
    signInHref: `/sign-in?next=${encodeURIComponent(`${courseHref}/${found.segment.slug}`)}`,
    firstFreeHref: firstFree ? `${courseHref}/${firstFree.slug}` : null,
    previous: previous ? { href: `${courseHref}/${previous.slug}`, title: previous.title } : null,
    // The next segment is open when it is free or the viewer may watch the whole course: the
    // same decision, no second lookup.
    next: next
      ? { href: `${courseHref}/${next.slug}`, title: next.title, number: next.number, locked: !next.free && !entitlement.entitled }
      : null,
    number: all.find((s) => s.slug === found.segment.slug)?.number,
    price: formatPrice(toc.course.priceCents, toc.course.currency),
  };
}
