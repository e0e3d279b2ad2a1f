import { z } from "zod";
import type { Db } from "../db";
import { PER_REQUEST_COOKIE_SET } from "./per-request-cookie";
import { notFound } from "../errors";
import type { TToc } from "../catalog/get-course-toc";
import type { TCatalogEntry } from "../catalog/list-courses";
import { ZCourseParams } from "../catalog/route-params";
import { seesHidden } from "../catalog/visibility";
import { readCatalogViewerState, readCourseViewerState, viewerOf, type TViewerUser } from "./read-viewer-state";

export type TViewerRouteDeps = {
  db: Db;
  /** The signed-in user of this request's session, or null (a stale or foreign cookie too). */
  currentUser: (request: Request) => Promise<TViewerUser | null>;
  /** The table of contents as a viewer who does (admin) or does not see hidden parts sees it. */
  toc: (slug: string, hidden: boolean) => Promise<TToc | null>;
  /** The catalog as that viewer sees it. */
  catalog: (user: TViewerUser | null) => Promise<TCatalogEntry[]>;
  now: () => Date;
};

/**
 * Personal answers: only for the viewer's own browser, never kept by a shared cache, and (for a
 * cache that ignores `private`) different for every cookie. The viewer shell asks again on every
 * view, so a purchase, a sign-in or out, a seat or new progress shows on the next one.
 */
export const PRIVATE_JSON_HEADERS = { "Cache-Control": "private, no-store", Vary: "Cookie" } as const;

/** An admin's page views render per request from now on (per-request-cookie.ts). */
const headersFor = (user: TViewerUser | null): Record<string, string> =>
  user?.role === "admin" ? { ...PRIVATE_JSON_HEADERS, "Set-Cookie": PER_REQUEST_COOKIE_SET } : { ...PRIVATE_JSON_HEADERS };

/** No query string: the answer depends on the path and the session only (a 400 names the parameter). */
const ZNoQuery = z.strictObject({});
const parseQuery = (request: Request) => ZNoQuery.parse(Object.fromEntries(new URL(request.url).searchParams));

/** GET /api/viewer/course/<slug>: the viewer's state of one course page (404 for a course they cannot see). */
export async function courseViewerResponse(deps: TViewerRouteDeps, request: Request, params: unknown): Promise<Response> {
  const { course } = ZCourseParams.parse(params);
  parseQuery(request);
  const user = await deps.currentUser(request);
  const toc = await deps.toc(course, seesHidden(viewerOf(user)));
  if (!toc) throw notFound("Course");
  const state = await readCourseViewerState(deps.db, user, toc, deps.now());
  return Response.json(state, { headers: headersFor(user) });
}

/** GET /api/viewer/catalog: the viewer's badges and progress for the catalog's cards. */
export async function catalogViewerResponse(deps: TViewerRouteDeps, request: Request): Promise<Response> {
  parseQuery(request);
  const user = await deps.currentUser(request);
  const state = await readCatalogViewerState(deps.db, user, await deps.catalog(user));
  return Response.json(state, { headers: headersFor(user) });
}
