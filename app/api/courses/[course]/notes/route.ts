import { db } from "@/lib/db.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { getCourseToc } from "@/lib/catalog/get-course-toc";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { env } from "@/lib/env.server";
import { notFound } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";
import { listNotes, requireNoteTaker } from "@/lib/notes/manage-notes";
import { renderNotesMarkdown } from "@/lib/notes/render-notes-markdown";

export const dynamic = "force-dynamic";

/** GET /api/courses/:course/notes: the caller's notes of the course as a Markdown file. */
export const GET = handleRoute(async (_request: Request, context: { params: Promise<{ course: string }> }) => {
  const viewer = await getViewer();
  requireNoteTaker(viewer);
  const { course } = ZCourseParams.parse(await context.params);
  const toc = await getCourseToc(db, course, viewer);
  if (!toc) throw notFound("Course");
  const markdown = renderNotesMarkdown(toc, await listNotes(db, viewer, course), env.APP_URL);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${course}-notes.md"`,
      "Cache-Control": "private, no-store",
    },
  });
});
