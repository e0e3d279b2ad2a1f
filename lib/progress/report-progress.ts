import { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { requireSegmentAccess } from "../access/require-segment-access";
import type { TViewer } from "../access/viewer";
import { ZSegmentParams } from "../catalog/route-params";
import { recordProgress, type TProgressState } from "./record-progress";
import { ZRanges } from "./ranges-schema";

export const ZProgressReport = ZSegmentParams.extend({
  positionSeconds: z.number().finite().min(0).max(24 * 3600).optional(),
  ranges: ZRanges.default([]),
});
export type TProgressReport = z.infer<typeof ZProgressReport>;

/**
 * POST /api/progress: a signed-in viewer reports what they played of a segment they may
 * watch. Only ever writes the caller's own row (the user id comes from the session, never
 * the body); 401 anonymous, 403/404 as the access decision says.
 */
export async function reportProgress(db: Db, viewer: TViewer, body: unknown): Promise<TProgressState> {
  if (viewer.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in to keep your progress.");
  const report = ZProgressReport.parse(body);
  const { segment } = await requireSegmentAccess(db, viewer, report.course, report.segment);
  return recordProgress(db, {
    userId: viewer.userId,
    segment: { id: segment.id, courseId: segment.course.id, durationSeconds: segment.durationSeconds },
    positionSeconds: report.positionSeconds,
    ranges: report.ranges,
  });
}
