import type { Db } from "../db";
import { isFreePreviewPart } from "../access/free-preview";
import type { TViewer } from "../access/viewer";
import { LISTED_PART_WHERE, listedSegmentWhere, visibleCourseWhere } from "./visibility";

export type TCatalogEntry = {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  authors: string[];
  priceCents: number;
  currency: string;
  partCount: number;
  segmentCount: number;
  freeSegmentCount: number;
  totalSeconds: number;
  /** The course's cover image version (lib/catalog/course-image-urls.ts), when it has one. */
  coverVersion: string | null;
  /** The first free segment with a poster: its poster stands for a course without a cover. */
  coverSegmentSlug: string | null;
};

/** The catalog as `viewer` may see it (lib/catalog/visibility.ts), counts of listed segments only. */
export async function listCourses(db: Db, viewer: TViewer): Promise<TCatalogEntry[]> {
  const courses = await db.course.findMany({
    where: visibleCourseWhere(viewer),
    orderBy: [{ catalogPosition: "asc" }, { title: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      subtitle: true,
      priceCents: true,
      currency: true,
      freePreviewParts: true,
      coverVersion: true,
      authors: { select: { name: true }, orderBy: { position: "asc" } },
      parts: {
        where: LISTED_PART_WHERE,
        orderBy: { position: "asc" },
        select: {
          position: true,
          segments: { where: listedSegmentWhere(viewer), orderBy: { position: "asc" }, select: { slug: true, durationSeconds: true, assets: { where: { kind: "poster" }, select: { id: true }, take: 1 } } },
        },
      },
    },
  });
  return courses.map((c) => {
    const segments = c.parts.flatMap((p) =>
      p.segments.map((s) => ({ slug: s.slug, durationSeconds: s.durationSeconds, hasPoster: s.assets.length > 0, free: isFreePreviewPart(c, p.position) })),
    );
    return {
      id: c.id,
      slug: c.slug,
      title: c.title,
      subtitle: c.subtitle,
      authors: c.authors.map((a) => a.name),
      priceCents: c.priceCents,
      currency: c.currency,
      partCount: c.parts.filter((p) => p.segments.length > 0).length,
      segmentCount: segments.length,
      freeSegmentCount: segments.filter((s) => s.free).length,
      totalSeconds: segments.reduce((sum, s) => sum + s.durationSeconds, 0),
      coverVersion: c.coverVersion,
      // Admins also list segments still without media (no poster yet): never point at one.
      coverSegmentSlug: segments.find((s) => s.free && s.hasPoster)?.slug ?? null,
    };
  });
}
