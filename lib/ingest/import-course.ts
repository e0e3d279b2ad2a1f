import type { Db } from "../db";
import type { TCourseManifest } from "./course-manifest";
import type { TMediaFacts } from "./media-facts";
import type { TCourseImages } from "./ensure-course-images";
import { courseRowsCurrent, readCourseRows, type TCourseRows } from "./course-rows";
import { assetId, authorId, courseId, partId, segmentId } from "./stable-id";

export type TImportCourseResult = {
  courseId: string;
  parts: number;
  segments: number;
  assets: number;
  durationSeconds: number;
  /** Segments that left the manifest in this import (now archived, with their progress). */
  archived: { segments: number };
  /** Archived segments that came back into the manifest. */
  restored: { segments: number };
  removed: { parts: number; assets: number; authors: number };
  /** Nothing differed from the database: nothing was written (course-rows.ts). */
  unchanged: boolean;
};

/** Media facts per segment slug: a Map from ensureCoursesMedia or a plain object. */
export type TSegmentMediaFacts = ReadonlyMap<string, TMediaFacts> | Readonly<Record<string, TMediaFacts>>;

function factsFor(all: TSegmentMediaFacts, slug: string): TMediaFacts | undefined {
  return all instanceof Map ? all.get(slug) : (all as Record<string, TMediaFacts>)[slug];
}

type TTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Hands out positions below every position in use within one scope (a part's segments, a
 * course's parts). (scope, position) is unique, so a row that moves, is archived or waits for
 * its final place sits at a fresh negative position that cannot collide with any other row.
 */
function belowAll(rows: { scope: string; position: number }[]) {
  const next = new Map<string, number>();
  for (const r of rows) next.set(r.scope, Math.min(next.get(r.scope) ?? 0, r.position));
  return (scope: string) => {
    const p = (next.get(scope) ?? 0) - 1;
    next.set(scope, p);
    return p;
  };
}

/**
 * Upserts a course from its manifest and its measured media, in one transaction, with ids
 * derived from slugs (stable-id.ts) so re-importing keeps every id — purchases and progress
 * follow a segment through renames, reorders and moves between parts.
 *
 * Nothing a learner touched is deleted: a segment that left the manifest is ARCHIVED
 * (`archivedAt` set, a negative position out of the visible order, its assets and its
 * learners' progress kept) and is restored when it comes back. A part that left the manifest
 * is deleted only when no segment (archived or not) remains in it; otherwise it stays with a
 * negative position, which every learner-side query treats as "not in the course" (parts are
 * listed with `position > 0`). Authors and assets that left are deleted (they carry no
 * learner data). Durations come from media.json (ffprobe), never from the manifest.
 */
export async function importCourse(
  db: Db,
  manifest: TCourseManifest,
  mediaFacts: TSegmentMediaFacts,
  options: {
    now?: Date;
    /** The cover's and portraits' versions (ensure-course-images.ts); absent: the course has none. */
    images?: TCourseImages;
  } = {},
): Promise<TImportCourseResult> {
  const now = options.now ?? new Date();
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
  const rows = courseRows(manifest, segments, options.images);
  const keepParts = new Set(rows.parts.map((p) => p.id));
  const keepSegments = new Set(rows.segments.map((s) => s.id));
  const keepAuthors = rows.authors.map((a) => a.id);
  const summary = {
    courseId: cId,
    parts: manifest.parts.length,
    segments: segments.length,
    assets: rows.assets.length,
    durationSeconds: segments.reduce((sum, s) => sum + s.facts.durationSeconds, 0),
  };

  const current = await readCourseRows(db, cId);
  if (current && courseRowsCurrent(rows, current)) {
    return { ...summary, archived: { segments: 0 }, restored: { segments: 0 }, removed: { parts: 0, assets: 0, authors: 0 }, unchanged: true };
  }

  return db.$transaction(
    async (tx) => {
      const { published, ...course } = rows.course;
      await tx.course.upsert({
        where: { id: cId },
        create: { id: cId, ...course, published: published ?? true },
        update: { ...course, ...(published === undefined ? {} : { published }) },
        select: { id: true },
      });

      await tx.courseAuthor.updateMany({ where: { courseId: cId, position: { gt: 0 } }, data: { position: { multiply: -1 } } });
      for (const { id, ...author } of rows.authors) {
        await tx.courseAuthor.upsert({
          where: { id },
          create: { id, courseId: cId, ...author },
          update: author,
          select: { id: true },
        });
      }
      const removedAuthors = await tx.courseAuthor.deleteMany({ where: { courseId: cId, id: { notIn: keepAuthors } } });

      const existingParts = await tx.part.findMany({ where: { courseId: cId }, select: { id: true, position: true } });
      const existingSegments = await tx.segment.findMany({
        where: { courseId: cId },
        select: { id: true, partId: true, position: true, archivedAt: true },
      });
      await moveOutOfTheWay(tx, existingParts, existingSegments);

      for (const { id, ...data } of rows.parts) {
        await tx.part.upsert({ where: { id }, create: { id, courseId: cId, ...data }, update: data, select: { id: true } });
      }

      let removedAssets = 0;
      for (const { id, ...data } of rows.segments) {
        await tx.segment.upsert({ where: { id }, create: { id, courseId: cId, ...data }, update: data, select: { id: true } });
        const assets = rows.assets.filter((a) => a.segmentId === id);
        for (const { id: aId, ...assetData } of assets) {
          await tx.mediaAsset.upsert({
            where: { id: aId },
            create: { id: aId, ...assetData },
            update: assetData,
            select: { id: true },
          });
        }
        const keepAssets = assets.map((a) => a.id);
        removedAssets += (await tx.mediaAsset.deleteMany({ where: { segmentId: id, id: { notIn: keepAssets } } })).count;
      }

      // Left the manifest: archived (their negative positions were handed out above).
      const archived = await tx.segment.updateMany({
        where: { courseId: cId, id: { notIn: [...keepSegments] }, archivedAt: null },
        data: { archivedAt: now },
      });
      const restored = existingSegments.filter((s) => s.archivedAt !== null && keepSegments.has(s.id)).length;
      // A part that left keeps its row (at its negative position) while segments remain in it.
      const removedParts = await tx.part.deleteMany({
        where: { courseId: cId, id: { notIn: [...keepParts] }, segments: { none: {} } },
      });

      return {
        ...summary,
        archived: { segments: archived.count },
        restored: { segments: restored },
        removed: { parts: removedParts.count, assets: removedAssets, authors: removedAuthors.count },
        unchanged: false,
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/**
 * Every part and every visible segment goes to a fresh negative position before the final
 * positive ones are written: rows may swap places, and archived rows already hold negative
 * positions that a plain `position * -1` could hit.
 */
async function moveOutOfTheWay(
  tx: TTx,
  parts: { id: string; position: number }[],
  segments: { id: string; partId: string; position: number }[],
): Promise<void> {
  const partSlot = belowAll(parts.map((p) => ({ scope: "course", position: p.position })));
  for (const part of parts.filter((p) => p.position > 0)) {
    await tx.part.update({ where: { id: part.id }, data: { position: partSlot("course") }, select: { id: true } });
  }
  const segmentSlot = belowAll(segments.map((s) => ({ scope: s.partId, position: s.position })));
  for (const segment of segments.filter((s) => s.position > 0)) {
    await tx.segment.update({
      where: { id: segment.id },
      data: { position: segmentSlot(segment.partId) },
      select: { id: true },
    });
  }
}

/** The rows `manifest` and its media facts stand for, ids derived from slugs. */
function courseRows(
  manifest: TCourseManifest,
  segments: { part: TCourseManifest["parts"][number]; segment: TCourseManifest["parts"][number]["segments"][number]; position: number; facts: TMediaFacts }[],
  images: TCourseImages | undefined,
): TCourseRows {
  return {
    course: {
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
      outcomes: manifest.learn.join("\n"),
      requirements: manifest.requirements.join("\n"),
      coverVersion: images?.coverVersion ?? null,
      published: manifest.published,
    },
    authors: manifest.authors.map(({ name, bio }, i) => ({
      id: authorId(manifest.slug, name),
      position: i + 1,
      name,
      bio,
      photoVersion: images?.photoVersions[name] ?? null,
    })),
    parts: manifest.parts.map((part, i) => ({ id: partId(manifest.slug, part.slug), position: i + 1, title: part.title, summary: part.summary })),
    segments: segments.map(({ part, segment, position, facts }) => ({
      id: segmentId(manifest.slug, segment.slug),
      partId: partId(manifest.slug, part.slug),
      position,
      slug: segment.slug,
      title: segment.title,
      subtitle: segment.subtitle,
      durationSeconds: facts.durationSeconds,
      archivedAt: null,
    })),
    assets: segments.flatMap(({ segment, facts }) =>
      facts.assets.map((asset) => ({
        id: assetId(manifest.slug, segment.slug, asset.kind, asset.label),
        segmentId: segmentId(manifest.slug, segment.slug),
        kind: asset.kind,
        label: asset.label,
        path: `${manifest.slug}/${segment.slug}/${asset.path}`,
        mimeType: asset.mimeType,
        bytes: asset.bytes,
        width: asset.width ?? null,
        height: asset.height ?? null,
        bandwidth: asset.bandwidth ?? null,
        language: asset.language ?? null,
      })),
    ),
  };
}
