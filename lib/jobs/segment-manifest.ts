import type { Db } from "../db";
import { notFound } from "../errors";
import type { TCourseManifest, TManifestSegment } from "../ingest/course-manifest";

export type TJobManifest = { course: TCourseManifest; segment: TManifestSegment };

/**
 * The course and segment as the ingest pipeline (lib/ingest/ensure-segment-media.ts) takes
 * them, read from the database instead of a course.yaml: an uploaded segment has no manifest.
 * `source` is the uploaded file's absolute path; the course's visible parts and segments give
 * the download's "part.segment" number.
 */
export async function loadJobManifest(db: Db, segmentId: string, sourceFile: string): Promise<TJobManifest> {
  const segment = await db.segment.findUnique({
    where: { id: segmentId },
    select: {
      slug: true,
      title: true,
      subtitle: true,
      course: {
        select: {
          slug: true,
          title: true,
          subtitle: true,
          description: true,
          publisher: true,
          publishedOn: true,
          priceCents: true,
          currency: true,
          freePreviewParts: true,
          catalogPosition: true,
          authors: { orderBy: { position: "asc" }, select: { name: true } },
          parts: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              title: true,
              summary: true,
              segments: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: { slug: true, title: true, subtitle: true } },
            },
          },
        },
      },
    },
  });
  if (!segment) throw notFound("Segment");
  const { course } = segment;
  const asManifestSegment = (s: { slug: string; title: string; subtitle: string }): TManifestSegment => ({
    slug: s.slug,
    title: s.title,
    subtitle: s.subtitle,
    chapters: [],
    sampleSeconds: 10,
    ...(s.slug === segment.slug ? { source: sourceFile } : {}),
  });
  const manifestSegment = asManifestSegment(segment);
  const parts = course.parts.map((part) => ({
    slug: part.id,
    title: part.title,
    summary: part.summary,
    segments: part.segments.map((s) => (s.slug === segment.slug ? manifestSegment : asManifestSegment(s))),
  }));
  return {
    course: {
      slug: course.slug,
      title: course.title,
      subtitle: course.subtitle,
      description: course.description,
      authors: course.authors.map((a) => ({ name: a.name, bio: "" })),
      learn: [],
      requirements: [],
      publisher: course.publisher,
      publishedOn: course.publishedOn ?? undefined,
      price: course.priceCents,
      currency: course.currency,
      freePreviewParts: course.freePreviewParts,
      catalogPosition: course.catalogPosition,
      parts,
      file: sourceFile,
      directory: "/",
    },
    segment: manifestSegment,
  };
}
