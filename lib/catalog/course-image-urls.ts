/**
 * URLs of a course's landing-page images (issue 10). The version (a content hash stored at
 * import) is part of the file name, so a URL always names the same bytes and can be cached
 * for good; a new cover is a new URL. Sizes are fixed by the import (plan-course-images.ts).
 */
export const COVER_SIZE = { width: 1200, height: 630 } as const;
export const PHOTO_SIZE = { width: 320, height: 320 } as const;

/** `cover-<version>.jpg` or `<author id>-<version>.jpg`; versions are 16 hex digits. */
export const COURSE_IMAGE_FILE = /^(cover|aut_[0-9a-f]{20})-([0-9a-f]{16})\.jpg$/;

export function courseCoverUrl(courseSlug: string, version: string): string {
  return `/images/courses/${courseSlug}/cover-${version}.jpg`;
}

export function authorPhotoUrl(courseSlug: string, authorId: string, version: string): string {
  return `/images/courses/${courseSlug}/${authorId}-${version}.jpg`;
}

/** Which image a file name asks for, or null when it names none. */
export function parseCourseImageFile(file: string): { image: "cover" | { authorId: string }; version: string } | null {
  const match = COURSE_IMAGE_FILE.exec(file);
  if (!match) return null;
  return { image: match[1] === "cover" ? "cover" : { authorId: match[1]! }, version: match[2]! };
}
