import { isFreePreviewPart, type TFreePreviewCourse } from "./free-preview";
import type { TViewer } from "./viewer";

export type TSegmentAccessSubject = {
  course: TFreePreviewCourse;
  partPosition: number;
  /** Whether the viewer holds an active purchase of the course (false for anonymous). */
  purchased: boolean;
};

export type TSegmentAccess =
  | { allowed: true; reason: "free-preview" | "purchased" | "admin" }
  | { allowed: false; reason: "sign-in-required" | "purchase-required" };

/**
 * May this viewer stream this segment? Every page, API route and media route asks this
 * function (through lib/access/require-segment-access.ts); nothing else decides.
 */
export function decideSegmentAccess(viewer: TViewer, subject: TSegmentAccessSubject): TSegmentAccess {
  if (isFreePreviewPart(subject.course, subject.partPosition)) return { allowed: true, reason: "free-preview" };
  if (viewer.kind === "anonymous") return { allowed: false, reason: "sign-in-required" };
  if (viewer.role === "admin") return { allowed: true, reason: "admin" };
  if (subject.purchased) return { allowed: true, reason: "purchased" };
  return { allowed: false, reason: "purchase-required" };
}
