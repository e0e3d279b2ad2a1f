import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { notFound } from "@/lib/errors";
import { getViewer } from "@/lib/access/get-viewer.server";
import { requireSegmentAccess } from "@/lib/access/require-segment-access";
import { ZSegmentParams } from "@/lib/catalog/route-params";
import { handleRoute } from "@/lib/http/error-response";
import { resolveMediaPath } from "@/lib/media/media-path";
import { cacheControlFor, serveFile } from "@/lib/media/serve-file";

export const dynamic = "force-dynamic";

type TContext = { params: Promise<{ course: string; segment: string; file: string[] }> };

// Every media byte passes the same access decision as the pages and the playback API.
const serve = handleRoute(async (request: Request, ctx: TContext) => {
  const params = await ctx.params;
  const { course, segment } = ZSegmentParams.parse(params);
  const file = resolveMediaPath(env.MEDIA_ROOT, course, segment, params.file);
  if (!file) throw notFound("Media file");
  await requireSegmentAccess(db, await getViewer(), course, segment);
  return serveFile(request, file, { cacheControl: cacheControlFor(file) });
});

export const GET = serve;
export const HEAD = serve;
