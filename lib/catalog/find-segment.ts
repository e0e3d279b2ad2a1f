import type { Db } from "../db";

/**
 * A segment with what access decisions and media delivery need, hidden or not: callers go
 * through lib/access/require-segment-access.ts, which applies lib/catalog/visibility.ts.
 */
export async function findSegment(db: Db, courseSlug: string, segmentSlug: string) {
  return db.segment.findFirst({
    where: { slug: segmentSlug, course: { slug: courseSlug } },
    select: {
      id: true,
      slug: true,
      title: true,
      subtitle: true,
      durationSeconds: true,
      archivedAt: true,
      course: { select: { id: true, slug: true, title: true, priceCents: true, freePreviewParts: true, published: true } },
      part: { select: { position: true, title: true } },
      assets: {
        select: { kind: true, label: true, path: true, mimeType: true, bytes: true, width: true, height: true, language: true },
      },
    },
  });
}

export type TFoundSegment = NonNullable<Awaited<ReturnType<typeof findSegment>>>;
