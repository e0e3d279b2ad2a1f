import { db } from "@/lib/db.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { requireSegmentAccess } from "@/lib/access/require-segment-access";
import { ZSegmentParams } from "@/lib/catalog/route-params";
import { handleRoute } from "@/lib/http/error-response";
import { segmentMediaUrls } from "@/lib/media/segment-media-urls";

export const dynamic = "force-dynamic";

export const GET = handleRoute(
  async (_request: Request, ctx: { params: Promise<{ course: string; segment: string }> }) => {
    const { course, segment } = ZSegmentParams.parse(await ctx.params);
    const found = await requireSegmentAccess(db, await getViewer(), course, segment);
    return Response.json(segmentMediaUrls(found), { headers: { "Cache-Control": "private, no-store" } });
  },
);
