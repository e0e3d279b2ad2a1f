import { db } from "@/lib/db.server";
import { notFound } from "@/lib/errors";
import { getCourseToc } from "@/lib/catalog/get-course-toc";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { handleRoute } from "@/lib/http/error-response";
import { getViewer } from "@/lib/access/get-viewer.server";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_request: Request, ctx: { params: Promise<{ course: string }> }) => {
  const { course } = ZCourseParams.parse(await ctx.params);
  const toc = await getCourseToc(db, course, await getViewer());
  if (!toc) throw notFound("Course");
  return Response.json(toc);
});
