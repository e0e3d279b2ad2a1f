import type { TViewer } from "./viewer";

/**
 * What a viewer holds for a course, looked up by loadCourseEntitlement (the only place that
 * reads grants). Team seats and organisation licences join here (issue 11), nowhere else.
 */
export type TEntitlementGrants = {
  purchased: boolean;
  /** An active membership of a team holding seats of this course (lib/teams). */
  teamSeat?: boolean;
  /** A current licence of an organisation the viewer belongs to (lib/organisations/organisation-grants.ts). */
  organisationLicence?: boolean;
};

export type TEntitledReason = "admin" | "free-course" | "purchase" | "team-seat" | "organisation-licence";
export type TCourseEntitlement =
  | { entitled: true; reason: TEntitledReason }
  | { entitled: false; reason: "sign-in-required" | "purchase-required" };

export type TEntitlementCourse = { priceCents: number };

/**
 * May this viewer watch the whole course, and why (or why not)? The one decision every page,
 * API, media and download route, search, progress, the buy-box, the table of contents and the
 * catalog derive their answers from (segment access: decideSegmentAccess; downloads:
 * decideCourseDownload). Free-preview parts are open to everyone regardless; this is about the
 * rest of the course.
 */
export function decideCourseEntitlement(
  viewer: TViewer,
  course: TEntitlementCourse,
  grants: TEntitlementGrants,
): TCourseEntitlement {
  if (viewer.kind === "user" && viewer.role === "admin") return { entitled: true, reason: "admin" };
  if (course.priceCents === 0) return { entitled: true, reason: "free-course" };
  if (viewer.kind === "anonymous") return { entitled: false, reason: "sign-in-required" };
  if (grants.purchased) return { entitled: true, reason: "purchase" };
  if (grants.teamSeat) return { entitled: true, reason: "team-seat" };
  if (grants.organisationLicence) return { entitled: true, reason: "organisation-licence" };
  return { entitled: false, reason: "purchase-required" };
}

/** Whether a grant lookup can change the decision (so callers skip the query otherwise). */
export function grantsMatter(viewer: TViewer, course: TEntitlementCourse): viewer is Extract<TViewer, { kind: "user" }> {
  return viewer.kind === "user" && viewer.role !== "admin" && course.priceCents > 0;
}

export const NO_GRANTS: TEntitlementGrants = { purchased: false, teamSeat: false };
