import type { Db } from "../db";
import { AppError } from "../errors";
import { requireSegmentAccess, tokenUserOf } from "../access/require-segment-access";
import type { TViewer } from "../access/viewer";
import { segmentMediaUrls, type TPlayback } from "./segment-media-urls";

export type TPlaybackDeps = { db: Db; secret: string; ttlSeconds: number; nowSeconds: () => number; mp4Origin?: string | null };

/** The playback API's job: decide access (401/403/404 as AppError), then sign the URLs. */
export async function issuePlayback(
  deps: TPlaybackDeps,
  viewer: TViewer,
  courseSlug: string,
  segmentSlug: string,
): Promise<TPlayback> {
  const found = await requireSegmentAccess(deps.db, viewer, courseSlug, segmentSlug);
  // Only an admin gets here for a segment whose upload is not transcoded yet (lib/catalog/visibility.ts).
  if (!found.segment.assets.some((a) => a.kind === "hls-master")) throw new AppError("NOT_FOUND", "This segment has no media yet");
  return segmentMediaUrls(found.segment, tokenUserOf(viewer, found), {
    secret: deps.secret,
    ttlSeconds: deps.ttlSeconds,
    nowSeconds: deps.nowSeconds(),
    mp4Origin: deps.mp4Origin ?? null,
  });
}
