import type { Prisma } from "../generated/sqlite/client";
import type { TViewer } from "../access/viewer";

/**
 * What of the catalog a viewer may see — the one place the rule is written (issue 9):
 * unpublished courses, archived segments (they left the course; their learners' progress is
 * kept) and segments without media yet (created in /admin before their upload was transcoded)
 * are hidden from everyone but admins. Decided on the server: listings filter with the `where`
 * clauses below, single lookups (watch page, playback API, progress, downloads) ask
 * decideSegmentVisible; a hidden segment or course is a 404, never a lock.
 *
 * Admins see unpublished courses and media-less segments in the course order, and may open an
 * archived segment directly (it has no place in the order: its position is negative).
 */
export function seesHidden(viewer: TViewer): boolean {
  return viewer.kind === "user" && viewer.role === "admin";
}

/** Parts in the course order. A part that left the manifest but still holds archived segments keeps a negative position. */
export const LISTED_PART_WHERE = { position: { gt: 0 } } as const satisfies Prisma.PartWhereInput;

/** Segments with media (an HLS master playlist) — what a learner can watch. */
export const HAS_MEDIA_WHERE = { assets: { some: { kind: "hls-master" } } } as const satisfies Prisma.SegmentWhereInput;

export function visibleCourseWhere(viewer: TViewer): Prisma.CourseWhereInput {
  return seesHidden(viewer) ? {} : { published: true };
}

/** Segments listed in the course order (TOC, neighbours, search, catalog counts, progress totals). */
export function listedSegmentWhere(viewer: TViewer): Prisma.SegmentWhereInput {
  return seesHidden(viewer) ? { archivedAt: null } : { archivedAt: null, ...HAS_MEDIA_WHERE };
}

export type TSegmentVisibilityFacts = { coursePublished: boolean; archived: boolean; hasMedia: boolean };

/** May this viewer see (open, stream, report progress on, download) this one segment at all? */
export function decideSegmentVisible(viewer: TViewer, facts: TSegmentVisibilityFacts): boolean {
  if (seesHidden(viewer)) return true;
  return facts.coursePublished && !facts.archived && facts.hasMedia;
}
