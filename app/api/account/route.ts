import { env } from "@/lib/env.server";
import { db } from "@/lib/db.server";
import { auth } from "@/lib/auth/auth.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { deleteAccount } from "@/lib/account/delete-account";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";

export const dynamic = "force-dynamic";

/** DELETE /api/account {confirmEmail, password}: deletes the caller's account (orders kept). */
export const DELETE = handleRoute(async (request: Request) => {
  const viewer = await getViewer();
  if (viewer.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in to delete your account.");
  const body = await readJsonBody(request, { maxBytes: 4096, trustedProxyHops: env.TRUSTED_PROXY_HOPS });
  const context = await auth.$context;
  await deleteAccount(
    { db, verifyPassword: (hash, password) => context.password.verify({ hash, password }) },
    viewer.userId,
    body,
  );
  return new Response(null, { status: 204, headers: { "Cache-Control": "private, no-store" } });
});
