/**
 * The free-preview rule, the one place it is written: a free course (price 0) is free
 * throughout; otherwise the course's first `freePreviewParts` parts (by position) are.
 */
export type TFreePreviewCourse = { priceCents: number; freePreviewParts: number };

export function isFreePreviewPart(course: TFreePreviewCourse, partPosition: number): boolean {
  if (course.priceCents === 0) return true;
  return partPosition >= 1 && partPosition <= course.freePreviewParts;
}
