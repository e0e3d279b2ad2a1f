import type { TCourseEntitlement } from "./decide-course-entitlement";
import { isFreePreviewPart, type TFreePreviewCourse } from "./free-preview";

export type TSegmentAccessSubject = {
  course: TFreePreviewCourse;
  partPosition: number;
  /** The viewer's entitlement to the course (lib/access/load-course-entitlement.ts). */
  entitlement: TCourseEntitlement;
};

export type TSegmentAccess =
  | { allowed: true; reason: "free-preview" | "purchased" | "admin" }
  | { allowed: false; reason: "sign-in-required" | "purchase-required" };

/**
 * May this viewer stream this segment? A free-preview part is open to everyone; the rest of
 * the course follows the viewer's course entitlement. Every page, API route and media route
 * asks this (through lib/access/require-segment-access.ts); nothing else decides.
 */
export function decideSegmentAccess(subject: TSegmentAccessSubject): TSegmentAccess {
  if (isFreePreviewPart(subject.course, subject.partPosition)) return { allowed: true, reason: "free-preview" };
  const { entitlement } = subject;
  if (!entitlement.entitled) return { allowed: false, reason: entitlement.reason };
  // A free course is free-preview throughout (above); what is left is a grant.
  return { allowed: true, reason: entitlement.reason === "admin" ? "admin" : "purchased" };
}
