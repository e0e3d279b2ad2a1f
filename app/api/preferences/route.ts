import { env } from "@/lib/env.server";
import { db } from "@/lib/db.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { readPreferences, savePreferences, ZPlayerPreferencesPatch } from "@/lib/progress/preferences";

export const dynamic = "force-dynamic";

async function requireUserId(): Promise<string> {
  const viewer = await getViewer();
  if (viewer.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in to keep player settings.");
  return viewer.userId;
}

const headers = { "Cache-Control": "private, no-store" };
// A preferences patch is a handful of small fields.
const PREFERENCES_BODY_LIMIT = 16 * 1024;

export const GET = handleRoute(async () => {
  return Response.json(await readPreferences(db, await requireUserId()), { headers });
});

export const PATCH = handleRoute(async (request: Request) => {
  const userId = await requireUserId();
  const patch = ZPlayerPreferencesPatch.parse(await readJsonBody(request, { maxBytes: PREFERENCES_BODY_LIMIT, trustedProxyHops: env.TRUSTED_PROXY_HOPS }));
  return Response.json(await savePreferences(db, userId, patch), { headers });
});
