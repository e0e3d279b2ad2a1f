import type { Db } from "../db";
import type { TCourseEntitlement } from "./decide-course-entitlement";
import { loadCourseEntitlement } from "./load-course-entitlement";
import type { TViewer } from "./viewer";
import { seesHidden } from "../catalog/visibility";

/** `published: false` (lib/catalog/visibility.ts): nobody but an admin downloads it. */
export type TDownloadCourse = { id: string; priceCents: number; published?: boolean };

export type TCourseDownloadAccess =
  | { allowed: true; reason: "purchased" | "admin" | "free-course" | "team-seat" | "organisation-licence" }
  | { allowed: false; reason: "sign-in-required" | "purchase-required" | "unpublished" };

/**
 * May this viewer download the course (per-segment MP4s and the whole-course ZIP)? Downloads
 * are bound to an account, so a free course still needs a signed-in viewer; free-preview
 * parts of a paid course are for streaming only. Otherwise it is the course entitlement
 * (decide-course-entitlement.ts). The downloads page and every download route ask this
 * (through canDownloadCourse / canUserDownloadCourse); nothing else decides.
 */
export function decideCourseDownload(
  viewer: TViewer,
  entitlement: TCourseEntitlement,
  course: { published?: boolean } = {},
): TCourseDownloadAccess {
  if (course.published === false && !seesHidden(viewer)) return { allowed: false, reason: "unpublished" };
  if (viewer.kind === "anonymous") return { allowed: false, reason: "sign-in-required" };
  if (!entitlement.entitled) return { allowed: false, reason: entitlement.reason };
  return { allowed: true, reason: entitlement.reason === "purchase" ? "purchased" : entitlement.reason };
}

/** For pages: the decision for the current viewer. */
export async function canDownloadCourse(db: Db, viewer: TViewer, course: TDownloadCourse): Promise<TCourseDownloadAccess> {
  return decideCourseDownload(viewer, await loadCourseEntitlement(db, viewer, course), course);
}

/**
 * For download routes, on every request: the user a signed download URL is bound to, as of
 * now — so a refund (or a deleted account) stops links that were already handed out.
 */
export async function canUserDownloadCourse(db: Db, userId: string, course: TDownloadCourse): Promise<TCourseDownloadAccess> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) return { allowed: false, reason: "sign-in-required" };
  const viewer: TViewer = { kind: "user", userId, role: user.role === "admin" ? "admin" : "learner" };
  return canDownloadCourse(db, viewer, course);
}
