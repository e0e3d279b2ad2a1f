import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { handleRoute } from "@/lib/http/error-response";
import { searchCourse, ZCourseSearchQuery } from "@/lib/search/search-course";

export const dynamic = "force-dynamic";

/** GET /api/courses/<course>/search?q=words — transcript and title matches the viewer may see. */
export const GET = handleRoute(async (request: Request, ctx: { params: Promise<{ course: string }> }) => {
  const { course } = ZCourseParams.parse(await ctx.params);
  const query = ZCourseSearchQuery.parse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  const result = await searchCourse(db, { mediaRoot: env.MEDIA_ROOT }, await getViewer(), course, query);
  // Private: results depend on the viewer's purchases.
  return Response.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
