import { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors";
import { requireSegmentAccess } from "../access/require-segment-access";
import type { TViewer } from "../access/viewer";
import { ZSegmentParams } from "../catalog/route-params";
import { recordProgress, type TProgressState } from "./record-progress";
import { ZRanges } from "./ranges-schema";
import { readJsonBody } from "../http/read-json-body";
import { issueCertificateIfComplete, type TCertificateDeps } from "../certificates/issue-certificate";

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
export type TReportedProgress = TProgressState & {
  /** Set once the whole course is complete: the certificate's public URL (issued on that report). */
  certificate?: { url: string; verificationId: string; issued: boolean };
};

export async function reportProgress(
  db: Db,
  viewer: TViewer,
  body: unknown,
  certificates?: TCertificateDeps,
): Promise<TReportedProgress> {
  requireSignedIn(viewer);
  const report = ZProgressReport.parse(body);
  const { segment } = await requireSegmentAccess(db, viewer, report.course, report.segment);
  const state = await recordProgress(db, {
    userId: viewer.userId,
    segment: { id: segment.id, courseId: segment.course.id, durationSeconds: segment.durationSeconds },
    positionSeconds: report.positionSeconds,
    ranges: report.ranges,
  });
  if (!state.completed || !certificates) return state;
  // A completed segment may have been the course's last one.
  const certificate = await issueCertificateIfComplete(db, certificates, viewer, report.course);
  return certificate ? { ...state, certificate: { url: certificate.url, verificationId: certificate.verificationId, issued: certificate.issued } } : state;
}

/** A progress report is a position and at most a few hundred ranges: far below 64 KiB. */
export const PROGRESS_BODY_LIMIT = 64 * 1024;

/**
 * The whole of POST /api/progress. Who is asking (a session cookie lookup) is settled before a
 * byte of the body is read, and the body is read only up to PROGRESS_BODY_LIMIT (issue 8: an
 * anonymous 48 MiB POST used to be buffered in full before the 401).
 */
export async function reportProgressRequest(
  db: Db,
  viewer: TViewer,
  request: Request,
  options: { trustedProxyHops: number; certificates?: TCertificateDeps },
): Promise<TReportedProgress> {
  requireSignedIn(viewer);
  const body = await readJsonBody(request, { maxBytes: PROGRESS_BODY_LIMIT, trustedProxyHops: options.trustedProxyHops });
  return reportProgress(db, viewer, body, options.certificates);
}

function requireSignedIn(viewer: TViewer): asserts viewer is Extract<TViewer, { kind: "user" }> {
  if (viewer.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in to keep your progress.");
}
