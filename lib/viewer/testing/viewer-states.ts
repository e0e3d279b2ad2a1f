// What the viewer JSON must say to an anonymous visitor, as the tests spell it out: the pure
// shaper's answer (course-viewer-state.test.ts) and the route's (viewer-response.integration.test.ts)
// are held to the same literal. Written out here, never taken from the code under test.
import type { TCourseViewerState } from "../course-viewer-state";

/** An anonymous visitor's course state: sign in to watch, and nothing of any account. */
export function anonymousCourseViewerState(): TCourseViewerState {
  return {
    viewer: { kind: "anonymous" },
    entitlement: { entitled: false, reason: "sign-in-required" },
    downloadAllowed: false,
    progress: null,
    notes: [],
    certificate: null,
    assignments: [],
  };
}
