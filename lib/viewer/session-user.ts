import type { TAuth } from "../auth/create-auth";
import type { TViewerUser } from "./read-viewer-state";

/**
 * The user of the request's session cookie (Better Auth looks it up), or null: no cookie, or a
 * stale or foreign one — which the viewer JSON then answers as anonymous.
 */
export async function sessionUserOf(auth: Pick<TAuth, "api">, request: Request): Promise<TViewerUser | null> {
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return null;
  const role = (session.user as { role?: string }).role === "admin" ? "admin" : "learner";
  return { id: session.user.id, name: session.user.name, role };
}
