import { z } from "zod";
import type { Db } from "../db";
import { decideSegmentAccess } from "../access/decide-segment-access";
import { loadCourseEntitlement } from "../access/load-course-entitlement";
import type { TViewer } from "../access/viewer";
import { getCourseToc } from "../catalog/get-course-toc";
import { notFound } from "../errors";
import { readTranscript } from "./read-transcript";

export const ZCourseSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, "type at least 2 characters")
    .max(100)
    .transform((q) => q.replace(/\s+/g, " ")),
});
export type TCourseSearchQuery = z.infer<typeof ZCourseSearchQuery>;

/** `language`: the captions track the words were found in ("en", "de", …). */
export type TTranscriptHit = { start: number; text: string; href: string; language: string };
export type TSegmentHit = {
  slug: string;
  number: string;
  title: string;
  href: string;
  /** The viewer may not watch it: matched by title only, no transcript text. */
  locked: boolean;
  titleMatch: boolean;
  hits: TTranscriptHit[];
};
export type TCourseSearchResult = { query: string; segments: TSegmentHit[]; totalHits: number };

const MAX_HITS_PER_SEGMENT = 5;

/** Every word of the query appears (case-insensitive) in the text. */
function matcher(query: string): (text: string) => boolean {
  const words = query.toLocaleLowerCase().split(" ").filter(Boolean);
  return (text) => {
    const hay = text.toLocaleLowerCase();
    return words.every((w) => hay.includes(w));
  };
}

/**
 * Course search: words in every segment's transcript — in every captions language it has,
 * English first — linked to the moment they are said (`?t=`), and words in segment titles. Transcripts are read only for segments the viewer
 * may watch — the access decision comes from lib/access, per segment — so the paid part of a
 * course is matched by title only for anyone without access: no transcript text leaks.
 */
export async function searchCourse(
  db: Db,
  deps: { mediaRoot: string },
  viewer: TViewer,
  courseSlug: string,
  query: TCourseSearchQuery,
): Promise<TCourseSearchResult> {
  const toc = await getCourseToc(db, courseSlug, viewer);
  if (!toc) throw notFound("Course");
  const entitlement = await loadCourseEntitlement(db, viewer, toc.course);
  const captions = await db.mediaAsset.findMany({
    where: { kind: "captions", segment: { courseId: toc.course.id } },
    select: { segmentId: true, path: true, language: true },
  });
  const captionFiles = new Map<string, { path: string; language: string }[]>();
  for (const c of captions) {
    const list = captionFiles.get(c.segmentId) ?? [];
    list.push({ path: c.path, language: c.language ?? "en" });
    captionFiles.set(c.segmentId, list);
  }
  for (const list of captionFiles.values()) {
    list.sort((a, b) => (a.language === "en" ? -1 : b.language === "en" ? 1 : a.language.localeCompare(b.language)));
  }

  const matches = matcher(query.q);
  const segments: TSegmentHit[] = [];
  let totalHits = 0;
  for (const part of toc.parts) {
    for (const s of part.segments) {
      const access = decideSegmentAccess({ course: toc.course, partPosition: part.position, entitlement });
      const href = `/courses/${toc.course.slug}/${s.slug}`;
      const titleMatch = matches(`${s.title} ${s.subtitle}`);
      const hits: TTranscriptHit[] = [];
      if (access.allowed) {
        for (const file of captionFiles.get(s.id) ?? []) {
          for (const cue of readTranscript(deps.mediaRoot, file.path)) {
            if (!matches(cue.text)) continue;
            totalHits++;
            if (hits.length < MAX_HITS_PER_SEGMENT) {
              const at = Math.floor(cue.start);
              hits.push({ start: cue.start, text: cue.text, href: `${href}?t=${at}`, language: file.language });
            }
          }
        }
      }
      if (titleMatch || hits.length > 0) {
        segments.push({ slug: s.slug, number: s.number, title: s.title, href, locked: !access.allowed, titleMatch, hits });
      }
    }
  }
  return { query: query.q, segments, totalHits };
}
