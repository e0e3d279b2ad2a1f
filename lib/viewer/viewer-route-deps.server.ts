import "server-only";
import { db } from "../db.server";
import { auth } from "../auth/auth.server";
import { cachedCatalog, cachedCourseToc } from "../catalog/cached-catalog.server";
import { viewerOf } from "./read-viewer-state";
import { sessionUserOf } from "./session-user";
import type { TViewerRouteDeps } from "./viewer-response";

/** The viewer JSON routes' real parts: the database, Better Auth's session, the shared catalog reads. */
export const viewerRouteDeps: TViewerRouteDeps = {
  db,
  currentUser: (request) => sessionUserOf(auth, request),
  toc: cachedCourseToc,
  catalog: (user) => cachedCatalog(viewerOf(user)),
  now: () => new Date(),
};
