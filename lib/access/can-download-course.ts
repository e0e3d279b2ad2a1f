import type { Db } from "../db";
import { hasActivePurchase } from "./has-active-purchase";
import type { TViewer } from "./viewer";

export type TDownloadCourse = { id: string; priceCents: number };

export type TCourseDownloadAccess =
  | { allowed: true; reason: "purchased" | "admin" | "free-course" }
  | { allowed: false; reason: "sign-in-required" | "purchase-required" };

/**
 * May this viewer download the course (per-segment MP4s and the whole-course ZIP)? Downloads
 * are bound to an account, so a free course still needs a signed-in viewer; free-preview
 * parts of a paid course are for streaming only. The downloads page and every download route
 * ask this (through canDownloadCourse / canUserDownloadCourse); nothing else decides.
 */
export function decideCourseDownload(
  viewer: TViewer,
  subject: { course: { priceCents: number }; purchased: boolean },
): TCourseDownloadAccess {
  if (viewer.kind === "anonymous") return { allowed: false, reason: "sign-in-required" };
  if (viewer.role === "admin") return { allowed: true, reason: "admin" };
  if (subject.course.priceCents === 0) return { allowed: true, reason: "free-course" };
  if (subject.purchased) return { allowed: true, reason: "purchased" };
  return { allowed: false, reason: "purchase-required" };
}

/** For pages: the decision for the current viewer (the purchase is looked up only when it matters). */
export async function canDownloadCourse(db: Db, viewer: TViewer, course: TDownloadCourse): Promise<TCourseDownloadAccess> {
  const purchased =
    viewer.kind === "user" && viewer.role !== "admin" && course.priceCents > 0
      ? await hasActivePurchase(db, viewer.userId, course.id)
      : false;
  return decideCourseDownload(viewer, { course, purchased });
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
