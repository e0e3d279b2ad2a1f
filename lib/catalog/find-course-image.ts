import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db";
import type { TViewer } from "../access/viewer";
import { COVER_SMALL_WIDTH, parseCourseImageFile } from "./course-image-urls";
import { seesHidden } from "./visibility";

export type TCourseImageFile = { file: string; published: boolean };

/**
 * The file behind `/images/courses/<course>/<file>` (course-image-urls.ts), or null (→ 404):
 * the name must be one of this course's images at its current version, and an unpublished
 * course's images are an admin's only (visibility.ts; the viewer is asked only then).
 * Paths are built from the stored ids, never from the request.
 */
export async function findCourseImage(
  db: Db,
  viewerOf: () => Promise<TViewer>,
  mediaRoot: string,
  courseSlug: string,
  fileName: string,
): Promise<TCourseImageFile | null> {
  const wanted = parseCourseImageFile(fileName);
  if (!wanted) return null;
  const course = await db.course.findUnique({
    where: { slug: courseSlug },
    select: { slug: true, published: true, coverVersion: true, authors: { select: { id: true, photoVersion: true } } },
  });
  if (!course) return null;
  if (!course.published && !seesHidden(await viewerOf())) return null;
  const dir = path.join(mediaRoot, course.slug);
  if (wanted.image === "cover" || wanted.image === "cover-small") {
    if (course.coverVersion !== wanted.version) return null;
    // The smaller copy exists from the import that made this cover on; before that, the full size.
    const small = path.join(dir, `cover-${COVER_SMALL_WIDTH}w.jpg`);
    const file = wanted.image === "cover-small" && fs.existsSync(small) ? small : path.join(dir, "cover.jpg");
    return { file, published: course.published };
  }
  const { authorId } = wanted.image;
  const author = course.authors.find((a) => a.id === authorId);
  return author && author.photoVersion === wanted.version
    ? { file: path.join(dir, `author-${author.id}.jpg`), published: course.published }
    : null;
}
