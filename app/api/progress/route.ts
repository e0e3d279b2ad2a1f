import { db } from "@/lib/db.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { handleRoute } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/progress/read-json-body";
import { reportProgress } from "@/lib/progress/report-progress";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => {
  const body = await readJsonBody(request);
  const state = await reportProgress(db, await getViewer(), body);
  return Response.json(state, { headers: { "Cache-Control": "private, no-store" } });
});
