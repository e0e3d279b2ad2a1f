import { z } from "zod";
import { zSlug } from "../catalog/slug";
import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { canUserDownloadCourse } from "../access/can-download-course";
import { errorResponse } from "../http/error-response";
import { setContentLength } from "../media/content-length-relay";
import { planRangeResponse, rangeHeaders } from "../media/http-conditional-range";
import { accelRedirectUri, type TMediaOffload } from "../media/media-offload";
import { verifyMediaToken } from "../media/media-token";
import { DENIED } from "../media/serve-media-request";
import { serveFile } from "../media/serve-file";
import { planCourseZip, streamCourseZip } from "./course-zip";
import { ensureDownloadCrcs } from "./ensure-download-crcs";
import { attachmentDisposition, safeFileName } from "./download-names";
import { COURSE_ZIP_SCOPE } from "./download-urls";
import type { TReadFileRange } from "./read-file-range";
import { findSegmentDownload, loadCourseDownloads } from "./load-course-downloads";

export type TDownloadRequestDeps = {
  db: Db;
  mediaRoot: string;
  secret: string;
  nowSeconds: () => number;
  offload?: TMediaOffload;
  /** How the course ZIP reads media files (default: from disk); tests count bytes with it. */
  readFileRange?: TReadFileRange;
};

const slug = zSlug();
/** [<name>.zip] or [<segment>, <name>.mp4]; the names themselves are cosmetic. */
const ZDownloadParams = z.object({
  course: slug,
  token: z.string().max(200),
  file: z.union([
    z.tuple([z.string().regex(/\.zip$/i).max(300)]).transform(() => ({ kind: "zip" as const })),
    z.tuple([slug, z.string().regex(/\.mp4$/i).max(300)]).transform(([segment]) => ({ kind: "segment" as const, segment })),
  ]),
});
export type TDownloadRequestParams = { course: string; token: string; file: string[] };

const DOWNLOAD_CACHE = "private, no-transform, max-age=86400";

/**
 * GET/HEAD of a download: a signed URL (scope "download", bound to a user) AND, on every
 * request, that user's right to download the course now (lib/access) — a refund stops links
 * already handed out. Segment MP4s are files (nginx can send them); the course ZIP is built on
 * the fly with an exact length, ranges and If-Range; a range reads only the media it overlaps.
 */
export async function serveDownloadRequest(deps: TDownloadRequestDeps, request: Request, params: TDownloadRequestParams): Promise<Response> {
  try {
    const parsed = ZDownloadParams.safeParse(params);
    if (!parsed.success) throw notFound("Download");
    const { course: courseSlug, token, file } = parsed.data;
    const bound = file.kind === "zip" ? COURSE_ZIP_SCOPE : file.segment;
    const check = verifyMediaToken(deps.secret, token, { course: courseSlug, segment: bound, scopes: ["download"] }, deps.nowSeconds());
    if (!check.ok) throw new AppError("FORBIDDEN", DENIED[check.reason] ?? "Forbidden", { reason: check.reason });
    if (!check.claims.userId) throw new AppError("FORBIDDEN", "This download link is not valid.");

    const downloads = await loadCourseDownloads(deps.db, deps.mediaRoot, courseSlug);
    if (!downloads) throw notFound("Course");
    const access = await canUserDownloadCourse(deps.db, check.claims.userId, downloads.course);
    if (!access.allowed && access.reason === "unpublished") throw notFound("Course");
    if (!access.allowed) {
      throw new AppError("FORBIDDEN", "Downloads of this course are no longer available to this account.", { reason: access.reason });
    }

    if (file.kind === "segment") {
      const segment = findSegmentDownload(downloads, file.segment);
      if (!segment?.mp4) throw notFound("Download");
      return await serveFile(request, segment.mp4.file, {
        cacheControl: DOWNLOAD_CACHE,
        contentDisposition: attachmentDisposition(`${segment.baseName}.mp4`),
        accelRedirect: accelRedirectUri(deps.offload, request, [courseSlug, segment.slug, "download.mp4"]),
      });
    }

    // CRCs are stored: computed here only the first time a file version is zipped.
    const zip = planCourseZip(await ensureDownloadCrcs(deps.db, downloads, deps.readFileRange));
    const rep = zip.representation;
    const plan = planRangeResponse(request.method, request.headers, rep);
    const headers = new Headers({
      "Content-Type": "application/zip",
      "Cache-Control": DOWNLOAD_CACHE,
      "X-Content-Type-Options": "nosniff",
      ...rangeHeaders(plan, rep),
    });
    if (plan.status === 304 || plan.status === 412) return new Response(null, { status: plan.status, headers });
    if (plan.status === 416) {
      setContentLength(headers, 0);
      return new Response(null, { status: 416, headers });
    }
    headers.set("Content-Disposition", attachmentDisposition(`${safeFileName(downloads.course.title)}.zip`));
    setContentLength(headers, plan.length);
    if (request.method === "HEAD") return new Response(null, { status: plan.status, headers });
    return new Response(streamCourseZip(zip, plan.start, plan.end, deps.readFileRange), { status: plan.status, headers });
  } catch (error) {
    return errorResponse(error);
  }
}
