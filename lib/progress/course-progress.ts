import type { Db } from "../db";
import type { TToc, TTocSegment } from "../catalog/get-course-toc";
import { HAS_MEDIA_WHERE, LISTED_PART_WHERE } from "../catalog/visibility";

export type TSegmentMark = { watchedSeconds: number; positionSeconds: number; completed: boolean };
export type TCourseProgress = {
  /** segment id → what the user has of it */
  bySegment: Record<string, TSegmentMark>;
  completedCount: number;
  segmentCount: number;
  /** Completed share of the course's running time, 0–1. */
  fraction: number;
  /** Where "Continue" leads: the last segment touched, or the one after it once it is complete. */
  resume: { segment: TTocSegment; positionSeconds: number } | null;
};

/** One query: the user's progress rows for a course, folded over its table of contents. */
export async function getCourseProgress(db: Db, userId: string, toc: TToc): Promise<TCourseProgress> {
  const rows = await db.segmentProgress.findMany({
    where: { userId, courseId: toc.course.id },
    select: { segmentId: true, watchedSeconds: true, positionSeconds: true, completedAt: true, updatedAt: true },
    orderBy: { updatedAt: "desc" },
  });
  const segments = toc.parts.flatMap((p) => p.segments);
  const bySegment: Record<string, TSegmentMark> = {};
  for (const r of rows) {
    bySegment[r.segmentId] = {
      watchedSeconds: r.watchedSeconds,
      positionSeconds: r.positionSeconds,
      completed: r.completedAt !== null,
    };
  }
  const completed = segments.filter((s) => bySegment[s.id]?.completed);
  const total = segments.reduce((sum, s) => sum + s.durationSeconds, 0);
  const done = completed.reduce((sum, s) => sum + s.durationSeconds, 0);

  let resume: TCourseProgress["resume"] = null;
  const latest = rows[0];
  if (latest) {
    const i = segments.findIndex((s) => s.id === latest.segmentId);
    const segment = segments[i];
    if (segment) {
      const nearEnd = latest.positionSeconds >= segment.durationSeconds - 2;
      if (latest.completedAt && nearEnd) {
        const next = segments[i + 1];
        resume = next ? { segment: next, positionSeconds: bySegment[next.id]?.positionSeconds ?? 0 } : null;
      } else {
        resume = { segment, positionSeconds: nearEnd ? 0 : latest.positionSeconds };
      }
    }
  }
  return {
    bySegment,
    completedCount: completed.length,
    segmentCount: segments.length,
    fraction: total > 0 ? done / total : 0,
    resume,
  };
}

/** course slug → completed segments, for the catalog (one grouped query + the slugs). */
export async function getCatalogProgress(db: Db, userId: string): Promise<Record<string, number>> {
  const groups = await db.segmentProgress.groupBy({
    by: ["courseId"],
    // Only segments still in the course with media count (lib/catalog/visibility.ts), like the totals they go with.
    where: { userId, completedAt: { not: null }, segment: { archivedAt: null, ...HAS_MEDIA_WHERE, part: LISTED_PART_WHERE } },
    _count: { _all: true },
  });
  if (groups.length === 0) return {};
  const courses = await db.course.findMany({
    where: { id: { in: groups.map((g) => g.courseId) }, published: true },
    select: { id: true, slug: true },
  });
  const slugOf = new Map(courses.map((c) => [c.id, c.slug]));
  return Object.fromEntries(groups.flatMap((g) => (slugOf.has(g.courseId) ? [[slugOf.get(g.courseId)!, g._count._all]] : [])));
}
