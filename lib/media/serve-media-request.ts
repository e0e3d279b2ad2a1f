import { AppError, notFound } from "../errors";
import { ZSegmentParams } from "../catalog/route-params";
import { errorResponse } from "../http/error-response";
import { resolveMediaPath } from "./media-path";
import { accelRedirectUri, type TMediaOffload } from "./media-offload";
import { verifyMediaToken } from "./media-token";
import { cacheControlFor, serveFile } from "./serve-file";

export type TMediaRequestDeps = {
  mediaRoot: string;
  secret: string;
  nowSeconds: () => number;
  /** Default: the app serves the bytes itself. */
  offload?: TMediaOffload;
};

export type TMediaRequestParams = { course: string; segment: string; token: string; file: string[] };

export const DENIED: Record<string, string> = {
  malformed: "This media link is not valid.",
  "invalid-signature": "This media link is not valid.",
  expired: "This media link has expired. Reload the page to get a new one.",
};

/** Files only the download routes hand out (they re-check the purchase on every request). */
export const DOWNLOAD_ONLY: ReadonlySet<string> = new Set(["download.mp4"]);

/**
 * GET/HEAD /media/<course>/<segment>/<token>/<file…>. The token is the access decision made
 * by the playback API or page (lib/access); here it is only verified — no database work per
 * media byte. Missing, tampered, expired or foreign tokens → 403 and no bytes. With nginx
 * offload the answer is an X-Accel-Redirect and nginx sends the bytes.
 */
export async function serveMediaRequest(
  deps: TMediaRequestDeps,
  request: Request,
  params: TMediaRequestParams,
): Promise<Response> {
  try {
    const { course, segment } = ZSegmentParams.parse(params);
    const check = verifyMediaToken(deps.secret, params.token, { course, segment, scopes: ["stream"] }, deps.nowSeconds());
    if (!check.ok) throw new AppError("FORBIDDEN", DENIED[check.reason] ?? "Forbidden", { reason: check.reason });
    const file = resolveMediaPath(deps.mediaRoot, course, segment, params.file);
    if (!file || params.file.some((p) => DOWNLOAD_ONLY.has(p))) throw notFound("Media file");
    return await serveFile(request, file, {
      cacheControl: cacheControlFor(file, check.claims.userId === null ? "public" : "private"),
      accelRedirect: accelRedirectUri(deps.offload, request, [course, segment, ...params.file]),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
