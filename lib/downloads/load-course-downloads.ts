import fs from "node:fs";
import type { Db } from "../db";
import { COURSE_FACTS_SELECT } from "../catalog/course-facts-select";
import { resolveInside } from "../media/resolve-inside";
import { HAS_MEDIA_WHERE, LISTED_PART_WHERE } from "../catalog/visibility";
import { partFolderName, segmentBaseName } from "./download-names";

export type TDownloadFile = {
  /** The MediaAsset row (where its CRC-32 is stored). */
  assetId: string;
  /** Absolute path under MEDIA_ROOT. */
  file: string;
  bytes: number;
  mtimeMs: number;
  /** "<size>:<mtimeMs>" now; a stored CRC-32 is trusted only for the same stamp. */
  stamp: string;
  /** Unsigned CRC-32 of the file as it is now, or null when not computed yet for this stamp. */
  crc32: number | null;
};

type TAssetRow = { id: string; kind: string; path: string; language: string | null; crc32: number | null; crc32Stamp: string | null };

export type TSegmentDownload = {
  slug: string;
  partPosition: number;
  position: number;
  title: string;
  subtitle: string;
  durationSeconds: number;
  /** "01-01 Overview" */
  baseName: string;
  /** null when the media has no download.mp4 (generated before downloads existed). */
  mp4: TDownloadFile | null;
  /** One WebVTT file per captions language, English first. */
  captions: (TDownloadFile & { language: string })[];
};

export type TCourseDownloads = {
  course: {
    id: string;
    slug: string;
    title: string;
    subtitle: string;
    description: string;
    authors: string[];
    publisher: string;
    publishedOn: Date | null;
    priceCents: number;
    currency: string;
    resourcesUrl: string | null;
    /** Unpublished: only admins may download (lib/access/can-download-course.ts). */
    published: boolean;
  };
  parts: { position: number; title: string; summary: string; folder: string; segments: TSegmentDownload[] }[];
};

function statFile(mediaRoot: string, asset: TAssetRow | undefined): TDownloadFile | null {
  const file = asset?.path ? resolveInside(mediaRoot, asset.path) : null;
  if (!asset || !file) return null;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) return null;
  const stamp = fileStamp(stat);
  const crc32 = asset.crc32 !== null && asset.crc32Stamp === stamp ? asset.crc32 >>> 0 : null;
  return { assetId: asset.id, file, bytes: stat.size, mtimeMs: stat.mtimeMs, stamp, crc32 };
}

/** What identifies a file's content without reading it: a re-render changes its mtime. */
export function fileStamp(stat: { size: number; mtimeMs: number }): string {
  return `${stat.size}:${stat.mtimeMs}`;
}

/**
 * Everything the downloads page, segment downloads and the course ZIP need, in course order:
 * the course, its parts and segments, and each segment's download.mp4 and captions (every language)
 * as they are on disk now (sizes and mtimes from stat, so lengths and ETags are exact) with
 * their stored CRC-32 where it still matches the file.
 */
export async function loadCourseDownloads(db: Db, mediaRoot: string, courseSlug: string): Promise<TCourseDownloads | null> {
  const course = await db.course.findUnique({
    where: { slug: courseSlug },
    select: {
      ...COURSE_FACTS_SELECT,
      published: true,
      // What learners see of the course (lib/catalog/visibility.ts): no archived segment, no
      // segment without media, no part that left the course.
      parts: {
        where: LISTED_PART_WHERE,
        orderBy: { position: "asc" },
        select: {
          position: true,
          title: true,
          summary: true,
          segments: {
            where: { archivedAt: null, ...HAS_MEDIA_WHERE },
            orderBy: { position: "asc" },
            select: {
              slug: true,
              position: true,
              title: true,
              subtitle: true,
              durationSeconds: true,
              assets: {
                where: { kind: { in: ["download", "captions"] } },
                select: { id: true, kind: true, path: true, language: true, crc32: true, crc32Stamp: true },
              },
            },
          },
        },
      },
    },
  });
  if (!course) return null;
  const { authors, parts, ...rest } = course;
  return {
    course: { ...rest, authors: authors.map((a) => a.name) },
    parts: parts.filter((part) => part.segments.length > 0).map((part) => ({
      position: part.position,
      title: part.title,
      summary: part.summary,
      folder: partFolderName(part.position, part.title),
      segments: part.segments.map((s) => ({
        slug: s.slug,
        partPosition: part.position,
        position: s.position,
        title: s.title,
        subtitle: s.subtitle,
        durationSeconds: s.durationSeconds,
        baseName: segmentBaseName(part.position, s.position, s.title),
        mp4: statFile(mediaRoot, s.assets.find((a) => a.kind === "download")),
        captions: s.assets
          .filter((a) => a.kind === "captions")
          .map((a) => ({ language: a.language ?? "en", file: statFile(mediaRoot, a) }))
          .filter((c): c is { language: string; file: TDownloadFile } => c.file !== null)
          .sort((a, b) => (a.language === "en" ? -1 : b.language === "en" ? 1 : a.language.localeCompare(b.language)))
          .map((c) => ({ ...c.file, language: c.language })),
      })),
    })),
  };
}

export function findSegmentDownload(downloads: TCourseDownloads, segmentSlug: string): TSegmentDownload | undefined {
  return downloads.parts.flatMap((p) => p.segments).find((s) => s.slug === segmentSlug);
}
