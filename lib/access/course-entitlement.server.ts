import "server-only";
import { cache } from "react";
import { db } from "../db.server";
import type { TCourseEntitlement } from "./decide-course-entitlement";
import { loadCourseEntitlement, type TEntitlementSubject } from "./load-course-entitlement";
import type { TViewer } from "./viewer";

// React's request cache keys on argument identity: primitives, so the layout, the page, the
// buy-box and the table of contents share one lookup per request.
const cachedEntitlement = cache(
  (userId: string | null, role: "learner" | "admin", courseId: string, priceCents: number): Promise<TCourseEntitlement> =>
    loadCourseEntitlement(db, userId ? { kind: "user", userId, role } : { kind: "anonymous" }, { id: courseId, priceCents }),
);

/** The viewer's entitlement to a course, once per request (pages and layouts). */
export function getCourseEntitlement(viewer: TViewer, course: TEntitlementSubject): Promise<TCourseEntitlement> {
  return viewer.kind === "user"
    ? cachedEntitlement(viewer.userId, viewer.role, course.id, course.priceCents)
    : cachedEntitlement(null, "learner", course.id, course.priceCents);
}
