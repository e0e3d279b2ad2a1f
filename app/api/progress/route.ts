import { db } from "@/lib/db.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { handleRoute } from "@/lib/http/error-response";
import { reportProgressRequest } from "@/lib/progress/report-progress";
import { env } from "@/lib/env.server";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => {
  const state = await reportProgressRequest(db, await getViewer(), request, { trustedProxyHops: env.TRUSTED_PROXY_HOPS, certificates: { env } });
  return Response.json(state, { headers: { "Cache-Control": "private, no-store" } });
});
