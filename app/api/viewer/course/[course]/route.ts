import { handleRoute } from "@/lib/http/error-response";
import { courseViewerResponse } from "@/lib/viewer/viewer-response";
import { viewerRouteDeps } from "@/lib/viewer/viewer-route-deps.server";

// The per-viewer parts of a course page (issue 12, docs/decisions/019-cached-pages.md): the
// viewer shell fills its islands from here. Personal: `private, no-store`, never cached.
export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, ctx: { params: Promise<{ course: string }> }) =>
  courseViewerResponse(viewerRouteDeps, request, await ctx.params),
);
