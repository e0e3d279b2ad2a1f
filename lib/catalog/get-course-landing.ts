import type { Db } from "../db";
import { authorPhotoUrl, courseCoverSrcSet, courseCoverUrl, COVER_SIZE, PHOTO_SIZE } from "./course-image-urls";

/** `srcSet`: the smaller copies, for the page's own <img> (the cover's, course-image-urls.ts). */
export type TImage = { url: string; width: number; height: number; srcSet?: string };

export type TCourseLanding = {
  cover: TImage | null;
  /** "What you'll learn", in the manifest's order. */
  outcomes: string[];
  requirements: string[];
  /** Authors in their order; `photo` null when the import made none. */
  instructors: { name: string; bio: string; photo: TImage | null }[];
};

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

/**
 * The landing page's extras of a course (issue 10), for a course the caller already found
 * visible (getCourseToc). Image URLs are versioned (course-image-urls.ts).
 */
export async function getCourseLanding(db: Db, courseId: string): Promise<TCourseLanding | null> {
  const course = await db.course.findUnique({
    where: { id: courseId },
    select: {
      slug: true,
      coverVersion: true,
      outcomes: true,
      requirements: true,
      authors: { orderBy: { position: "asc" }, select: { id: true, name: true, bio: true, photoVersion: true } },
    },
  });
  if (!course) return null;
  return {
    cover: course.coverVersion
      ? { url: courseCoverUrl(course.slug, course.coverVersion), srcSet: courseCoverSrcSet(course.slug, course.coverVersion), ...COVER_SIZE }
      : null,
    outcomes: lines(course.outcomes),
    requirements: lines(course.requirements),
    instructors: course.authors.map((a) => ({
      name: a.name,
      bio: a.bio,
      photo: a.photoVersion ? { url: authorPhotoUrl(course.slug, a.id, a.photoVersion), ...PHOTO_SIZE } : null,
    })),
  };
}
