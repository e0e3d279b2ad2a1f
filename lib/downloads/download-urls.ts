import { signMediaToken } from "../media/media-token";
import { windowedExpiry } from "../media/token-expiry";
import { safeFileName } from "./download-names";

/** The "segment" a whole-course ZIP token is bound to: never a real segment slug. */
export const COURSE_ZIP_SCOPE = "_course-zip";

export type TDownloadSigning = { secret: string; ttlSeconds: number; nowSeconds: number };

/**
 * Signed download URLs for one user (call only after lib/access allowed the download):
 *   /downloads/<course>/<token>/<segment>/<NN-MM Title>.mp4
 *   /downloads/<course>/<token>/<Course Title>.zip
 * The file name in the URL is cosmetic (Content-Disposition names the file); the token binds
 * scope "download", the course, the segment (or the ZIP), the user and the expiry.
 */
export function segmentDownloadUrl(courseSlug: string, segmentSlug: string, baseName: string, userId: string, s: TDownloadSigning): string {
  const token = signMediaToken(s.secret, {
    scope: "download",
    course: courseSlug,
    segment: segmentSlug,
    userId,
    expiresAt: windowedExpiry(s.nowSeconds, s.ttlSeconds),
  });
  return `/downloads/${courseSlug}/${token}/${segmentSlug}/${encodeURIComponent(`${baseName}.mp4`)}`;
}

export function courseZipUrl(courseSlug: string, courseTitle: string, userId: string, s: TDownloadSigning): string {
  const token = signMediaToken(s.secret, {
    scope: "download",
    course: courseSlug,
    segment: COURSE_ZIP_SCOPE,
    userId,
    expiresAt: windowedExpiry(s.nowSeconds, s.ttlSeconds),
  });
  return `/downloads/${courseSlug}/${token}/${encodeURIComponent(`${safeFileName(courseTitle)}.zip`)}`;
}
