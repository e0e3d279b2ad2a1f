import { isFreePreviewPart, type TFreePreviewCourse } from "./free-preview";
import type { TViewer } from "./viewer";

export type TSegmentAccessSubject = {
  course: TFreePreviewCourse;
  partPosition: number;
};

export type TSegmentAccess =
  | { allowed: true; reason: "free-preview" }
  | { allowed: false; reason: "sign-in-required" | "purchase-required" };

/**
 * May this viewer stream this segment? Every page, API route and media route asks this
 * function (through lib/access/require-segment-access.ts); nothing else decides.
 *
 * Paid segments are locked for everyone until purchases exist: anonymous viewers are
 * told to sign in (401), signed-in ones that a purchase is required (403).
 */
export function decideSegmentAccess(viewer: TViewer, subject: TSegmentAccessSubject): TSegmentAccess {
  if (isFreePreviewPart(subject.course, subject.partPosition)) {
    return { allowed: true, reason: "free-preview" };
  }
  if (viewer.kind === "anonymous") return { allowed: false, reason: "sign-in-required" };
  return { allowed: false, reason: "purchase-required" };
}
