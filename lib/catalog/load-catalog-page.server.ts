import "server-only";
import type { TViewer } from "../access/viewer";
import { db } from "../db.server";
import { freePosterUrl } from "../media/free-poster-url";
import { playbackDeps } from "../media/playback-deps.server";
import type { TCatalogViewerState } from "../viewer/catalog-viewer-state";
import { readCatalogViewerState, viewerOf, type TViewerUser } from "../viewer/read-viewer-state";
import { cachedCatalog } from "./cached-catalog.server";
import { COVER_SIZE, courseCoverSrcSet, courseCoverUrl } from "./course-image-urls";
import type { TCatalogEntry } from "./list-courses";

export type TCatalogCard = {
  course: TCatalogEntry;
  image: { src: string; width: number; height: number; srcSet?: string } | null;
};

/** A catalog rendered for its request: the shared cards and this viewer's badges and progress. */
export type TCatalogPageData = { cards: TCatalogCard[]; state: TCatalogViewerState };

/**
 * The catalog's cards as `viewer` may see them (the shared course list, cached-catalog.server.ts):
 * the same for everyone but an admin. For the anonymous viewer (the shared renders,
 * app/cached/home) nothing here reads the request.
 */
export async function loadCatalogCards(viewer: TViewer): Promise<TCatalogCard[]> {
  const courses = await cachedCatalog(viewer);
  const signing = { secret: playbackDeps.secret, ttlSeconds: playbackDeps.ttlSeconds, nowSeconds: playbackDeps.nowSeconds() };
  return courses.map((c) => ({
    course: c,
    image: c.coverVersion
      ? { src: courseCoverUrl(c.slug, c.coverVersion), srcSet: courseCoverSrcSet(c.slug, c.coverVersion), ...COVER_SIZE }
      : c.coverSegmentSlug
        ? { src: freePosterUrl(signing, c.slug, c.coverSegmentSlug), width: 640, height: 360 }
        : null,
  }));
}

/**
 * The catalog as `user` (null: anonymous) sees it: the cards and, through the same read as
 * GET /api/viewer/catalog, the one access decision for every listed course at once ("Owned")
 * and their progress.
 */
export async function loadCatalogPage(user: TViewerUser | null): Promise<TCatalogPageData> {
  const cards = await loadCatalogCards(viewerOf(user));
  return { cards, state: await readCatalogViewerState(db, user, cards.map((c) => c.course)) };
}
