/**
 * URLs of a course's landing-page images (issue 10). The version (a content hash stored at
 * import) is part of the file name, so a URL always names the same bytes and can be cached
 * for good; a new cover is a new URL. Sizes are fixed by the import (plan-course-images.ts).
 */
export const COVER_SIZE = { width: 1200, height: 630 } as const;
/**
 * The cover's smaller copy for the page's own `<img>` (catalog card, trailer poster): a card or
 * the buy-box is 300–380 CSS px wide, ≤ 720 device px up to 1.9× density; the 1200 px cover is
 * 2.3× the bytes (Lighthouse's mobile LCP, issue 12). The OpenGraph image stays 1200 px.
 */
export const COVER_SMALL_WIDTH = 720;
export const PHOTO_SIZE = { width: 320, height: 320 } as const;

/** `cover-<version>.jpg`, `cover-<version>-720w.jpg` or `<author id>-<version>.jpg`; versions are 16 hex digits. */
export const COURSE_IMAGE_FILE = /^(?:(cover)-([0-9a-f]{16})(-720w)?|(aut_[0-9a-f]{20})-([0-9a-f]{16}))\.jpg$/;

export function courseCoverUrl(courseSlug: string, version: string, small = false): string {
  return `/images/courses/${courseSlug}/cover-${version}${small ? `-${COVER_SMALL_WIDTH}w` : ""}.jpg`;
}

/** The cover's `srcset`: the smaller copy and the full size, by width. */
export function courseCoverSrcSet(courseSlug: string, version: string): string {
  return `${courseCoverUrl(courseSlug, version, true)} ${COVER_SMALL_WIDTH}w, ${courseCoverUrl(courseSlug, version)} ${COVER_SIZE.width}w`;
}

export function authorPhotoUrl(courseSlug: string, authorId: string, version: string): string {
  return `/images/courses/${courseSlug}/${authorId}-${version}.jpg`;
}

/** Which image a file name asks for, or null when it names none. */
export function parseCourseImageFile(
  file: string,
): { image: "cover" | "cover-small" | { authorId: string }; version: string } | null {
  const match = COURSE_IMAGE_FILE.exec(file);
  if (!match) return null;
  if (match[1]) return { image: match[3] ? "cover-small" : "cover", version: match[2]! };
  return { image: { authorId: match[4]! }, version: match[5]! };
}
