import type { Db } from "../db";
import type { TCourseManifest } from "./course-manifest";
import type { TMediaFacts } from "./media-facts";
import { assetId, authorId, courseId, partId, segmentId } from "./stable-id";

export type TImportCourseResult = {
  courseId: string;
  parts: number;
  segments: number;
  assets: number;
  durationSeconds: number;
  removed: { parts: number; segments: number; assets: number; authors: number };
};

/** Media facts per segment slug: a Map from ensureCoursesMedia or a plain object. */
export type TSegmentMediaFacts = ReadonlyMap<string, TMediaFacts> | Readonly<Record<string, TMediaFacts>>;

function factsFor(all: TSegmentMediaFacts, slug: string): TMediaFacts | undefined {
  return all instanceof Map ? all.get(slug) : (all as Record<string, TMediaFacts>)[slug];
}

/**
 * Upserts a course from its manifest and its measured media, in one transaction, with ids
 * derived from slugs (stable-id.ts) so re-importing keeps every id. Parts, segments, authors
 * and assets that left the manifest are deleted; positions are moved out of the way first
 * (negated) because (courseId|partId, position) is unique and rows may swap places.
 * Durations come from media.json (ffprobe), never from the manifest.
 */
export async function importCourse(
  db: Db,
  manifest: TCourseManifest,
  mediaFacts: TSegmentMediaFacts,
): Promise<TImportCourseResult> {
  const cId = courseId(manifest.slug);
  const segments = manifest.parts.flatMap((part, p) =>
    part.segments.map((segment, s) => {
      const facts = factsFor(mediaFacts, segment.slug);
      if (!facts) throw new Error(`No media facts for ${manifest.slug}/${segment.slug}; generate media first`);
      if (facts.course !== manifest.slug || facts.segment !== segment.slug) {
        throw new Error(`Media facts for ${manifest.slug}/${segment.slug} describe ${facts.course}/${facts.segment}`);
      }
      return { part, partPosition: p + 1, segment, position: s + 1, facts };
    }),
  );
  const keepParts = manifest.parts.map((part) => partId(manifest.slug, part.slug));
  const keepSegments = segments.map(({ segment }) => segmentId(manifest.slug, segment.slug));
  const keepAuthors = manifest.authors.map((name) => authorId(manifest.slug, name));

  return db.$transaction(
    async (tx) => {
      const course = {
        slug: manifest.slug,
        title: manifest.title,
        subtitle: manifest.subtitle,
        description: manifest.description,
        publisher: manifest.publisher,
        publishedOn: manifest.publishedOn ?? null,
        priceCents: manifest.price,
        currency: manifest.currency,
        freePreviewParts: manifest.freePreviewParts,
        resourcesUrl: manifest.resourcesUrl ?? null,
        catalogPosition: manifest.catalogPosition,
      };
      await tx.course.upsert({ where: { id: cId }, create: { id: cId, ...course }, update: course, select: { id: true } });

      // Out of the way: every existing position becomes negative (and so unique) before
      // the final positive positions are written.
      await tx.courseAuthor.updateMany({ where: { courseId: cId, position: { gt: 0 } }, data: { position: { multiply: -1 } } });
      await tx.part.updateMany({ where: { courseId: cId, position: { gt: 0 } }, data: { position: { multiply: -1 } } });
      await tx.segment.updateMany({ where: { courseId: cId, position: { gt: 0 } }, data: { position: { multiply: -1 } } });

      for (const [i, name] of manifest.authors.entries()) {
        const id = authorId(manifest.slug, name);
        await tx.courseAuthor.upsert({
          where: { id },
          create: { id, courseId: cId, position: i + 1, name },
          update: { position: i + 1, name },
          select: { id: true },
        });
      }
      for (const [i, part] of manifest.parts.entries()) {
        const id = partId(manifest.slug, part.slug);
        const data = { position: i + 1, title: part.title, summary: part.summary };
        await tx.part.upsert({ where: { id }, create: { id, courseId: cId, ...data }, update: data, select: { id: true } });
      }

      let assets = 0;
      let removedAssets = 0;
      for (const { part, segment, position, facts } of segments) {
        const id = segmentId(manifest.slug, segment.slug);
        const data = {
          partId: partId(manifest.slug, part.slug),
          position,
          slug: segment.slug,
          title: segment.title,
          subtitle: segment.subtitle,
          durationSeconds: facts.durationSeconds,
        };
        await tx.segment.upsert({ where: { id }, create: { id, courseId: cId, ...data }, update: data, select: { id: true } });

        const keepAssets: string[] = [];
        for (const asset of facts.assets) {
          const aId = assetId(manifest.slug, segment.slug, asset.kind, asset.label);
          keepAssets.push(aId);
          const assetData = {
            kind: asset.kind,
            label: asset.label,
            path: `${manifest.slug}/${segment.slug}/${asset.path}`,
            mimeType: asset.mimeType,
            bytes: asset.bytes,
            width: asset.width ?? null,
            height: asset.height ?? null,
            bandwidth: asset.bandwidth ?? null,
            language: asset.language ?? null,
          };
          await tx.mediaAsset.upsert({
            where: { id: aId },
            create: { id: aId, segmentId: id, ...assetData },
            update: assetData,
            select: { id: true },
          });
          assets++;
        }
        removedAssets += (await tx.mediaAsset.deleteMany({ where: { segmentId: id, id: { notIn: keepAssets } } })).count;
      }

      // Segments first: a kept segment may have moved out of a part that is being removed.
      const removedSegments = await tx.segment.deleteMany({ where: { courseId: cId, id: { notIn: keepSegments } } });
      const removedParts = await tx.part.deleteMany({ where: { courseId: cId, id: { notIn: keepParts } } });
      const removedAuthors = await tx.courseAuthor.deleteMany({ where: { courseId: cId, id: { notIn: keepAuthors } } });

      return {
        courseId: cId,
        parts: manifest.parts.length,
        segments: segments.length,
        assets,
        durationSeconds: segments.reduce((sum, s) => sum + s.facts.durationSeconds, 0),
        removed: {
          parts: removedParts.count,
          segments: removedSegments.count,
          assets: removedAssets,
          authors: removedAuthors.count,
        },
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
