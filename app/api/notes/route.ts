import { env } from "@/lib/env.server";
import { db } from "@/lib/db.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { handleRoute } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { addNote, listNotes, requireNoteTaker } from "@/lib/notes/manage-notes";
import { ZNotesQuery } from "@/lib/notes/note-schemas";

export const dynamic = "force-dynamic";

const headers = { "Cache-Control": "private, no-store" };
/** A note is at most 2,000 characters: 16 KiB of JSON is plenty. */
const NOTE_BODY_LIMIT = 16 * 1024;

/** GET /api/notes?course=…[&segment=…]: the caller's own notes, in course order. */
export const GET = handleRoute(async (request: Request) => {
  const viewer = await getViewer();
  requireNoteTaker(viewer);
  const url = new URL(request.url);
  const query = ZNotesQuery.parse({
    course: url.searchParams.get("course") ?? undefined,
    segment: url.searchParams.get("segment") ?? undefined,
  });
  return Response.json({ notes: await listNotes(db, viewer, query.course, query.segment) }, { headers });
});

/** POST /api/notes {course, segment, atSeconds, text}: a note at a moment the caller may watch. */
export const POST = handleRoute(async (request: Request) => {
  const viewer = await getViewer();
  requireNoteTaker(viewer);
  const note = await addNote(db, viewer, await readJsonBody(request, { maxBytes: NOTE_BODY_LIMIT, trustedProxyHops: env.TRUSTED_PROXY_HOPS }));
  return Response.json(note, { status: 201, headers });
});
