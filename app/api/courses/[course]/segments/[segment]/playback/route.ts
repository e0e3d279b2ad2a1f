import { getViewer } from "@/lib/access/get-viewer.server";
import { ZSegmentParams } from "@/lib/catalog/route-params";
import { handleRoute } from "@/lib/http/error-response";
import { issuePlayback } from "@/lib/media/issue-playback";
import { playbackDeps } from "@/lib/media/playback-deps.server";

export const dynamic = "force-dynamic";

export const GET = handleRoute(
  async (_request: Request, ctx: { params: Promise<{ course: string; segment: string }> }) => {
    const { course, segment } = ZSegmentParams.parse(await ctx.params);
    const playback = await issuePlayback(playbackDeps, await getViewer(), course, segment);
    return Response.json(playback, { headers: { "Cache-Control": "private, no-store" } });
  },
);
