import type { Db } from "../../db";
import { EDITABLE_COURSE_SELECT } from "./course-snapshot";

/**
 * One course as the admin edits it: details, authors, its parts in order (parts an import
 * removed sit at positions ≤ 0 and are left out) with their visible segments, whether each has
 * playable media and its latest transcode job, and the archived segments. Null when unknown.
 */
export async function loadAdminCourse(db: Db, courseId: string) {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      id: true,
      ...EDITABLE_COURSE_SELECT,
      authors: { where: { position: { gt: 0 } }, orderBy: { position: "asc" }, select: { id: true, name: true, bio: true } },
      parts: {
        where: { position: { gt: 0 } },
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          title: true,
          segments: {
            where: { archivedAt: null, position: { gt: 0 } },
            orderBy: { position: "asc" },
            select: {
              id: true,
              slug: true,
              title: true,
              subtitle: true,
              position: true,
              durationSeconds: true,
              assets: { where: { kind: "hls-master" }, select: { id: true }, take: 1 },
              jobs: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, progress: true } },
            },
          },
        },
      },
      segments: {
        where: { archivedAt: { not: null } },
        orderBy: { archivedAt: "desc" },
        select: { id: true, slug: true, title: true, archivedAt: true, part: { select: { title: true } } },
      },
    },
  });
  if (!course) return null;
  const { segments: archived, authors, parts, ...details } = course;
  return {
    ...details,
    authors: authors.map((a) => a.name),
    /** The landing page's "Your instructor": each author's bio (issue 10). */
    instructors: authors,
    parts: parts.map((part) => ({
      ...part,
      segments: part.segments.map(({ assets, jobs, ...s }) => ({ ...s, hasMedia: assets.length > 0, latestJob: jobs[0] ?? null })),
    })),
    archived: archived.map((s) => ({ id: s.id, slug: s.slug, title: s.title, archivedAt: s.archivedAt!, partTitle: s.part.title })),
  };
}
export type TAdminCourse = NonNullable<Awaited<ReturnType<typeof loadAdminCourse>>>;
