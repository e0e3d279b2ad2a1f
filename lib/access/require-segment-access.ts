import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { findSegment, type TFoundSegment } from "../catalog/find-segment";
import { decideSegmentVisible } from "../catalog/visibility";
import { decideSegmentAccess, type TSegmentAccess } from "./decide-segment-access";
import type { TCourseEntitlement } from "./decide-course-entitlement";
import { isFreePreviewPart } from "./free-preview";
import { loadCourseEntitlement } from "./load-course-entitlement";
import type { TViewer } from "./viewer";

export type TSegmentWithAccess = {
  segment: TFoundSegment;
  access: TSegmentAccess;
  free: boolean;
  /** The viewer's entitlement to the whole course (the buy-box, next segment, TOC use it). */
  entitlement: TCourseEntitlement;
};

/**
 * Looks a segment up and decides access, without throwing on a denial (pages show a lock).
 * null — a 404 for every caller — when it does not exist or is hidden from this viewer
 * (unpublished course, archived, no media yet: lib/catalog/visibility.ts).
 */
export async function loadSegmentAccess(
  db: Db,
  viewer: TViewer,
  courseSlug: string,
  segmentSlug: string,
): Promise<TSegmentWithAccess | null> {
  const segment = await findSegment(db, courseSlug, segmentSlug);
  if (!segment) return null;
  const visible = decideSegmentVisible(viewer, {
    coursePublished: segment.course.published,
    archived: segment.archivedAt !== null,
    hasMedia: segment.assets.some((a) => a.kind === "hls-master"),
  });
  if (!visible) return null;
  const free = isFreePreviewPart(segment.course, segment.part.position);
  const entitlement = await loadCourseEntitlement(db, viewer, segment.course);
  const access = decideSegmentAccess({ course: segment.course, partPosition: segment.part.position, entitlement });
  return { segment, access, free, entitlement };
}

/** For API routes: the segment if the viewer may stream it, else a typed 401/403/404. */
export async function requireSegmentAccess(
  db: Db,
  viewer: TViewer,
  courseSlug: string,
  segmentSlug: string,
): Promise<TSegmentWithAccess> {
  const found = await loadSegmentAccess(db, viewer, courseSlug, segmentSlug);
  if (!found) throw notFound("Segment");
  if (found.access.allowed) return found;
  if (found.access.reason === "sign-in-required") {
    throw new AppError("UNAUTHENTICATED", "Sign in and buy the course to watch this segment.");
  }
  throw new AppError("FORBIDDEN", "Buy the course to watch this segment.");
}

/** The user a media token is bound to: nobody for free-preview media, the viewer otherwise. */
export function tokenUserOf(viewer: TViewer, found: TSegmentWithAccess): string | null {
  return found.free || viewer.kind === "anonymous" ? null : viewer.userId;
}
