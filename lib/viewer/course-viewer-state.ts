import type { TCourseEntitlement } from "../access/decide-course-entitlement";
import type { TCourseDownloadAccess } from "../access/can-download-course";
import type { TCourseProgress } from "../progress/course-progress";
import type { TNote } from "../notes/note-schemas";
import type { TMyAssignment } from "../teams/list-my-assignments";

/**
 * Who the page is for, as the header and the buy-box show it. Never more than the viewer's own
 * name and role: this goes to the viewer's own browser only (`private, no-store`).
 */
export type TViewerSummary = { kind: "anonymous" } | { kind: "user"; name: string; role: "learner" | "admin" };

/** An assignment as JSON carries it (its due date an ISO string). */
export type TViewerAssignment = Omit<TMyAssignment, "dueAt"> & { dueAt: string | null };

/**
 * Everything on a course page that depends on who is looking (issue 12, ADR 019): the one
 * entitlement decision and what follows from it (downloads), progress, notes, the certificate,
 * team assignments. The shared parts (title, description, table of contents, trailer) are the
 * same for every viewer and come from the shared render. Plain JSON: the per-request page hands
 * it to the same client components the viewer shell fills from GET /api/viewer/course/<slug>.
 */
export type TCourseViewerState = {
  viewer: TViewerSummary;
  entitlement: TCourseEntitlement;
  downloadAllowed: boolean;
  progress: TCourseProgress | null;
  notes: TNote[];
  certificate: { token: string } | null;
  assignments: TViewerAssignment[];
};

export type TCourseViewerInput = {
  user: { name: string; role: "learner" | "admin" } | null;
  entitlement: TCourseEntitlement;
  download: TCourseDownloadAccess;
  progress: TCourseProgress | null;
  notes: TNote[];
  certificate: { token: string } | null;
  assignments: TMyAssignment[];
};

/** The viewer's course state as it goes out (pure; course-viewer-state.test.ts). */
export function shapeCourseViewerState(input: TCourseViewerInput): TCourseViewerState {
  const signedIn = input.user !== null;
  return {
    viewer: summarizeViewer(input.user),
    entitlement: input.entitlement,
    downloadAllowed: input.download.allowed,
    // Nothing of an account reaches an anonymous answer, whatever a caller passed.
    progress: signedIn ? input.progress : null,
    notes: signedIn ? input.notes : [],
    certificate: signedIn ? input.certificate : null,
    assignments: signedIn ? input.assignments.map((a) => ({ ...a, dueAt: a.dueAt ? a.dueAt.toISOString() : null })) : [],
  };
}

export function summarizeViewer(user: { name: string; role: "learner" | "admin" } | null): TViewerSummary {
  return user ? { kind: "user", name: user.name, role: user.role } : { kind: "anonymous" };
}

/** Back to the shape the assignment list renders (a Date). */
export function reviveAssignments(assignments: TViewerAssignment[]): TMyAssignment[] {
  return assignments.map((a) => ({ ...a, dueAt: a.dueAt ? new Date(a.dueAt) : null }));
}
