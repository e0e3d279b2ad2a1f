import type { Db } from "../db";
import { COURSE_FACTS_SELECT } from "./course-facts-select";
import { isFreePreviewPart } from "../access/free-preview";
import type { TViewer } from "../access/viewer";
import { LISTED_PART_WHERE, listedSegmentWhere, visibleCourseWhere } from "./visibility";

export type TTocSegment = {
  id: string;
  slug: string;
  /** 1-based order within its part. */
  position: number;
  /** "2.3": part and segment number, as the course page shows it. */
  number: string;
  title: string;
  subtitle: string;
  durationSeconds: number;
  free: boolean;
};

export type TTocPart = {
  id: string;
  position: number;
  title: string;
  summary: string;
  free: boolean;
  totalSeconds: number;
  segments: TTocSegment[];
};

export type TTocCourse = {
  id: string;
  slug: string;
  title: string;
  subtitle: string;
  description: string;
  authors: string[];
  publisher: string;
  publishedOn: string | null;
  priceCents: number;
  currency: string;
  freePreviewParts: number;
  resourcesUrl: string | null;
  partCount: number;
  segmentCount: number;
  totalSeconds: number;
  freeSegmentCount: number;
};

export type TToc = { course: TTocCourse; parts: TTocPart[] };

/**
 * The chaptered table of contents of a course as `viewer` may see it (lib/catalog/visibility.ts:
 * null for an unpublished course unless an admin asks; archived and media-less segments left
 * out, and parts left without segments), in order, numbered as shown, with free-preview marks.
 */
export async function getCourseToc(db: Db, courseSlug: string, viewer: TViewer): Promise<TToc | null> {
  const course = await db.course.findFirst({
    where: { slug: courseSlug, ...visibleCourseWhere(viewer) },
    select: {
      ...COURSE_FACTS_SELECT,
      freePreviewParts: true,
      parts: {
        where: LISTED_PART_WHERE,
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          title: true,
          summary: true,
          segments: {
            where: listedSegmentWhere(viewer),
            orderBy: { position: "asc" },
            select: { id: true, slug: true, position: true, title: true, subtitle: true, durationSeconds: true },
          },
        },
      },
    },
  });
  if (!course) return null;

  const parts: TTocPart[] = course.parts.filter((part) => part.segments.length > 0).map((part) => {
    const free = isFreePreviewPart(course, part.position);
    // Numbered by what is shown: a hidden segment leaves no gap.
    const segments = part.segments.map((s, i) => ({
      ...s,
      number: `${part.position}.${i + 1}`,
      free,
    }));
    return {
      id: part.id,
      position: part.position,
      title: part.title,
      summary: part.summary,
      free,
      totalSeconds: segments.reduce((sum, s) => sum + s.durationSeconds, 0),
      segments,
    };
  });
  const allSegments = parts.flatMap((p) => p.segments);

  return {
    course: {
      id: course.id,
      slug: course.slug,
      title: course.title,
      subtitle: course.subtitle,
      description: course.description,
      authors: course.authors.map((a) => a.name),
      publisher: course.publisher,
      publishedOn: course.publishedOn ? course.publishedOn.toISOString().slice(0, 10) : null,
      priceCents: course.priceCents,
      currency: course.currency,
      freePreviewParts: course.freePreviewParts,
      resourcesUrl: course.resourcesUrl,
      partCount: parts.length,
      segmentCount: allSegments.length,
      totalSeconds: parts.reduce((sum, p) => sum + p.totalSeconds, 0),
      freeSegmentCount: allSegments.filter((s) => s.free).length,
    },
    parts,
  };
}
