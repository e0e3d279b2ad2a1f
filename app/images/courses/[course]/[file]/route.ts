import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { findCourseImage } from "@/lib/catalog/find-course-image";
import { notFound } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { cacheControlFor, serveFile } from "@/lib/media/serve-file";

export const dynamic = "force-dynamic";

type TContext = { params: Promise<{ course: string; file: string }> };

/** A course's cover or an author's portrait (issue 10): versioned URLs, cached for good. */
async function serve(request: Request, ctx: TContext): Promise<Response> {
  const { course, file } = await ctx.params;
  const parsed = ZCourseParams.safeParse({ course });
  const found = parsed.success ? await findCourseImage(db, getViewer, env.MEDIA_ROOT, parsed.data.course, file) : null;
  if (!found) return errorResponse(notFound("Image"));
  return serveFile(request, found.file, { cacheControl: cacheControlFor(found.file, found.published ? "public" : "private") });
}

export const GET = serve;
export const HEAD = serve;
