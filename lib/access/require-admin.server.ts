import "server-only";
import { forbidden, unauthorized } from "next/navigation";
import { decideAdminAccess } from "../admin/decide-admin-access";
import { AppError } from "../errors";
import { getCurrentUser } from "./get-viewer.server";

/** The admin doing something in /admin: who the audit log names. */
export type TAdmin = { id: string; email: string; name: string };

/**
 * For every /admin page and every admin server action: an anonymous visitor gets Next's
 * unauthorized() (401, app/unauthorized.tsx), a signed-in non-admin forbidden() (403,
 * app/forbidden.tsx). Server actions answer the same statuses (Next maps the interrupt; an
 * action's catch must let it through: actionError() does, via unstable_rethrow).
 * Call it at the top of each page AND each action: a layout's check does not cover a page
 * (they render in parallel) and never covers an action, which is its own public endpoint.
 */
export async function requireAdmin(): Promise<TAdmin> {
  const access = decideAdminAccess(await getCurrentUser());
  if (!access.allowed) {
    if (access.reason === "anonymous") unauthorized();
    forbidden();
  }
  return access.admin;
}

/**
 * For route handlers (JSON APIs under handleRoute): the same decision as an AppError, which
 * lib/http/error-response.ts maps to 401 / 403 with a JSON body.
 */
export async function requireAdminApi(): Promise<TAdmin> {
  const access = decideAdminAccess(await getCurrentUser());
  if (!access.allowed) {
    throw access.reason === "anonymous"
      ? new AppError("UNAUTHENTICATED", "Sign in as an admin to do this.")
      : new AppError("FORBIDDEN", "Only admins may do this.");
  }
  return access.admin;
}
