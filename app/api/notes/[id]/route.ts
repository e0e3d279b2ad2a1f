import { env } from "@/lib/env.server";
import { db } from "@/lib/db.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { isForeignOrigin } from "@/lib/http/same-origin";
import { deleteNote, requireNoteTaker, updateNote } from "@/lib/notes/manage-notes";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "private, no-store" };
const NOTE_BODY_LIMIT = 16 * 1024;
type TContext = { params: Promise<{ id: string }> };

/** PATCH /api/notes/:id {text}: the author edits their note (anyone else: 404). */
export const PATCH = handleRoute(async (request: Request, context: TContext) => {
  const viewer = await getViewer();
  requireNoteTaker(viewer);
  const body = await readJsonBody(request, { maxBytes: NOTE_BODY_LIMIT, trustedProxyHops: env.TRUSTED_PROXY_HOPS });
  return Response.json(await updateNote(db, viewer, (await context.params).id, body), { headers });
});

/** DELETE /api/notes/:id: the author deletes their note (anyone else: 404). */
export const DELETE = handleRoute(async (request: Request, context: TContext) => {
  if (isForeignOrigin(request.headers, env.TRUSTED_PROXY_HOPS)) throw new AppError("FORBIDDEN", "Cross-site request refused.");
  const viewer = await getViewer();
  requireNoteTaker(viewer);
  await deleteNote(db, viewer, (await context.params).id);
  return new Response(null, { status: 204, headers });
});
