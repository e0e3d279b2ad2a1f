import type { Db } from "../db";

/**
 * The rows a course import writes, and the rows the database holds now, in one comparable
 * shape: re-importing an unchanged course compares them and writes nothing (issue 9: the
 * unchanged sample course re-imports in well under 2 s; a no-op also leaves updatedAt alone).
 */
export type TCourseRows = {
  course: {
    slug: string;
    title: string;
    subtitle: string;
    description: string;
    publisher: string;
    publishedOn: Date | null;
    priceCents: number;
    currency: string;
    freePreviewParts: number;
    resourcesUrl: string | null;
    catalogPosition: number;
    outcomes: string;
    requirements: string;
    coverVersion: string | null;
    /** undefined: the manifest does not say (the database's value stands). */
    published?: boolean;
  };
  authors: { id: string; position: number; name: string; bio: string; photoVersion: string | null }[];
  parts: { id: string; position: number; title: string; summary: string }[];
  segments: { id: string; partId: string; position: number; slug: string; title: string; subtitle: string; durationSeconds: number; archivedAt: Date | null }[];
  assets: {
    id: string;
    segmentId: string;
    kind: string;
    label: string;
    path: string;
    mimeType: string;
    bytes: number;
    width: number | null;
    height: number | null;
    bandwidth: number | null;
    language: string | null;
  }[];
};

export type TCurrentCourseRows = Omit<TCourseRows, "course" | "parts"> & {
  course: Required<TCourseRows["course"]>;
  parts: (TCourseRows["parts"][number] & { segmentCount: number })[];
};

/** Everything of one course as stored (null when it is not there yet). */
export async function readCourseRows(db: Db, courseId: string): Promise<TCurrentCourseRows | null> {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      slug: true, title: true, subtitle: true, description: true, publisher: true, publishedOn: true, priceCents: true,
      currency: true, freePreviewParts: true, resourcesUrl: true, catalogPosition: true, published: true,
      outcomes: true, requirements: true, coverVersion: true,
      authors: { select: { id: true, position: true, name: true, bio: true, photoVersion: true } },
      parts: { select: { id: true, position: true, title: true, summary: true, _count: { select: { segments: true } } } },
      segments: {
        select: {
          id: true, partId: true, position: true, slug: true, title: true, subtitle: true, durationSeconds: true, archivedAt: true,
          assets: {
            select: { id: true, segmentId: true, kind: true, label: true, path: true, mimeType: true, bytes: true, width: true, height: true, bandwidth: true, language: true },
          },
        },
      },
    },
  });
  if (!course) return null;
  const { authors, parts, segments, ...fields } = course;
  return {
    course: fields,
    authors,
    parts: parts.map(({ _count, ...p }) => ({ ...p, segmentCount: _count.segments })),
    segments: segments.map(({ assets: _a, ...s }) => s),
    assets: segments.flatMap((s) => s.assets),
  };
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

function sameRow(a: Record<string, unknown>, b: Record<string, unknown> | undefined): boolean {
  if (!b) return false;
  return Object.keys(a).every((key) => {
    const x = a[key];
    const y = b[key];
    if (x instanceof Date || y instanceof Date) return (x as Date | null)?.getTime?.() === (y as Date | null)?.getTime?.();
    return x === y;
  });
}

/**
 * Would importing `wanted` change nothing? True when every wanted row is stored as is, no
 * other author or asset of the kept segments exists, every stored segment left out is already
 * archived, and every stored part left out is already out of the order and still holds segments.
 */
export function courseRowsCurrent(wanted: TCourseRows, current: TCurrentCourseRows): boolean {
  const { published, ...fields } = wanted.course;
  if (!sameRow(fields, current.course)) return false;
  if (published !== undefined && published !== current.course.published) return false;

  if (wanted.authors.length !== current.authors.length) return false;
  const authors = byId(current.authors);
  if (!wanted.authors.every((a) => sameRow(a, authors.get(a.id)))) return false;

  const parts = byId(current.parts);
  if (!wanted.parts.every((p) => sameRow(p, parts.get(p.id)))) return false;
  const wantedParts = new Set(wanted.parts.map((p) => p.id));
  if (!current.parts.every((p) => wantedParts.has(p.id) || (p.position <= 0 && p.segmentCount > 0))) return false;

  const segments = byId(current.segments);
  if (!wanted.segments.every((s) => sameRow(s, segments.get(s.id)))) return false;
  const wantedSegments = new Set(wanted.segments.map((s) => s.id));
  if (!current.segments.every((s) => wantedSegments.has(s.id) || s.archivedAt !== null)) return false;

  const keptAssets = current.assets.filter((a) => wantedSegments.has(a.segmentId));
  if (keptAssets.length !== wanted.assets.length) return false;
  const assets = byId(keptAssets);
  return wanted.assets.every((a) => sameRow(a, assets.get(a.id)));
}
