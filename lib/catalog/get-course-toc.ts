import type { Db } from "../db";
import { COURSE_FACTS_SELECT } from "./course-facts-select";
import { isFreePreviewPart } from "../access/free-preview";

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

/** The chaptered table of contents of a course, in order, with free-preview marks. */
export async function getCourseToc(db: Db, courseSlug: string): Promise<TToc | null> {
  const course = await db.course.findUnique({
    where: { slug: courseSlug },
    select: {
      ...COURSE_FACTS_SELECT,
      freePreviewParts: true,
      parts: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          title: true,
          summary: true,
          segments: {
            orderBy: { position: "asc" },
            select: { id: true, slug: true, position: true, title: true, subtitle: true, durationSeconds: true },
          },
        },
      },
    },
  });
  if (!course) return null;

  const parts: TTocPart[] = course.parts.map((part) => {
    const free = isFreePreviewPart(course, part.position);
    const segments = part.segments.map((s) => ({
      ...s,
      number: `${part.position}.${s.position}`,
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
