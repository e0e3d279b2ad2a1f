import "server-only";
import type { TViewer } from "../access/viewer";
import { db } from "../db.server";
import { loadCourseEntitlements } from "../access/load-course-entitlement";
import type { TCourseEntitlement } from "../access/decide-course-entitlement";
import { freePosterUrl } from "../media/free-poster-url";
import { playbackDeps } from "../media/playback-deps.server";
import { getCatalogProgress } from "../progress/course-progress";
import { cachedCatalog } from "./cached-catalog.server";
import { COVER_SIZE, courseCoverUrl } from "./course-image-urls";
import type { TCatalogEntry } from "./list-courses";

export type TCatalogCard = {
  course: TCatalogEntry;
  image: { src: string; width: number; height: number } | null;
  /** Segments the viewer completed; null for an anonymous visitor. */
  completedSegments: number | null;
  entitlement: TCourseEntitlement | undefined;
};

export type TCatalogPageData = { cards: TCatalogCard[]; signedIn: boolean };

/**
 * The catalog as `viewer` sees it: the shared course list (cached-catalog.server.ts) and, for a
 * signed-in viewer, their progress and the one access decision for every listed course at once
 * ("Owned"). For the anonymous viewer (the shared cached render, app/cached/home) nothing here
 * reads the request.
 */
export async function loadCatalogPage(viewer: TViewer): Promise<TCatalogPageData> {
  const courses = await cachedCatalog(viewer);
  const userId = viewer.kind === "user" ? viewer.userId : null;
  const [watched, entitlements] = await Promise.all([
    userId ? getCatalogProgress(db, userId) : null,
    loadCourseEntitlements(db, viewer, courses),
  ]);
  const signing = { secret: playbackDeps.secret, ttlSeconds: playbackDeps.ttlSeconds, nowSeconds: playbackDeps.nowSeconds() };
  return {
    signedIn: userId !== null,
    cards: courses.map((c) => ({
      course: c,
      image: c.coverVersion
        ? { src: courseCoverUrl(c.slug, c.coverVersion), ...COVER_SIZE }
        : c.coverSegmentSlug
          ? { src: freePosterUrl(signing, c.slug, c.coverSegmentSlug), width: 640, height: 360 }
          : null,
      completedSegments: watched ? (watched[c.slug] ?? 0) : null,
      entitlement: entitlements.get(c.id),
    })),
  };
}
