import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { findSegment, type TFoundSegment } from "../catalog/find-segment";
import { decideSegmentAccess, type TSegmentAccess } from "./decide-segment-access";
import type { TViewer } from "./viewer";

export type TSegmentWithAccess = { segment: TFoundSegment; access: TSegmentAccess };

/** Looks a segment up and decides access, without throwing on a denial (pages show a lock). */
export async function loadSegmentAccess(
  db: Db,
  viewer: TViewer,
  courseSlug: string,
  segmentSlug: string,
): Promise<TSegmentWithAccess | null> {
  const segment = await findSegment(db, courseSlug, segmentSlug);
  if (!segment) return null;
  const access = decideSegmentAccess(viewer, { course: segment.course, partPosition: segment.part.position });
  return { segment, access };
}

/** For API and media routes: the segment if the viewer may stream it, else a typed 401/403/404. */
export async function requireSegmentAccess(
  db: Db,
  viewer: TViewer,
  courseSlug: string,
  segmentSlug: string,
): Promise<TFoundSegment> {
  const found = await loadSegmentAccess(db, viewer, courseSlug, segmentSlug);
  if (!found) throw notFound("Segment");
  const { access, segment } = found;
  if (access.allowed) return segment;
  if (access.reason === "sign-in-required") {
    throw new AppError("UNAUTHENTICATED", "Sign in and buy the course to watch this segment.");
  }
  throw new AppError("FORBIDDEN", "Buy the course to watch this segment.");
}
