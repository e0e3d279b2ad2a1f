import fs from "node:fs";
import type { Db } from "../db";
import { COURSE_FACTS_SELECT } from "../catalog/course-facts-select";
import { resolveInside } from "../media/resolve-inside";
import { partFolderName, segmentBaseName } from "./download-names";

export type TDownloadFile = {
  /** Absolute path under MEDIA_ROOT. */
  file: string;
  bytes: number;
  mtimeMs: number;
};

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
  captions: TDownloadFile | null;
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
  };
  parts: { position: number; title: string; summary: string; folder: string; segments: TSegmentDownload[] }[];
};

function statFile(mediaRoot: string, relative: string | undefined): TDownloadFile | null {
  const file = relative ? resolveInside(mediaRoot, relative) : null;
  if (!file) return null;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  return stat?.isFile() ? { file, bytes: stat.size, mtimeMs: stat.mtimeMs } : null;
}

/**
 * Everything the downloads page, segment downloads and the course ZIP need, in course order:
 * the course, its parts and segments, and each segment's download.mp4 and English captions
 * as they are on disk now (sizes and mtimes from stat, so lengths and ETags are exact).
 */
export async function loadCourseDownloads(db: Db, mediaRoot: string, courseSlug: string): Promise<TCourseDownloads | null> {
  const course = await db.course.findUnique({
    where: { slug: courseSlug },
    select: {
      ...COURSE_FACTS_SELECT,
      parts: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          title: true,
          summary: true,
          segments: {
            orderBy: { position: "asc" },
            select: {
              slug: true,
              position: true,
              title: true,
              subtitle: true,
              durationSeconds: true,
              assets: {
                where: { OR: [{ kind: "download" }, { kind: "captions", label: "en" }] },
                select: { kind: true, path: true },
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
    parts: parts.map((part) => ({
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
        mp4: statFile(mediaRoot, s.assets.find((a) => a.kind === "download")?.path),
        captions: statFile(mediaRoot, s.assets.find((a) => a.kind === "captions")?.path),
      })),
    })),
  };
}

export function findSegmentDownload(downloads: TCourseDownloads, segmentSlug: string): TSegmentDownload | undefined {
  return downloads.parts.flatMap((p) => p.segments).find((s) => s.slug === segmentSlug);
}
