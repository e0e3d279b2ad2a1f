import { describe, expect, it } from "vitest";
import { reviveAssignments, shapeCourseViewerState, type TCourseViewerInput } from "./course-viewer-state";
import { cardAccessOf, shapeCatalogViewerState } from "./catalog-viewer-state";
import { anonymousCourseViewerState } from "./testing/viewer-states";

const progress = { bySegment: { s1: { watchedSeconds: 5, positionSeconds: 5, completed: false } }, completedCount: 0, segmentCount: 3, fraction: 0, resume: null };
const assignment = {
  id: "a1",
  teamName: "Team",
  course: { slug: "c", title: "C" },
  title: "1.1 Intro",
  note: "",
  dueAt: new Date("2026-12-01T00:00:00Z"),
  href: "/courses/c/intro",
  status: { state: "started" as const, overdue: false },
};
const input = (over: Partial<TCourseViewerInput> = {}): TCourseViewerInput => ({
  user: { name: "Ada", role: "learner" },
  entitlement: { entitled: true, reason: "purchase" },
  download: { allowed: true, reason: "purchased" },
  progress,
  notes: [{ id: "n1", segment: "intro", atSeconds: 1, text: "mine", createdAt: "x", updatedAt: "x" }],
  certificate: { token: "t" },
  assignments: [assignment],
  ...over,
});

describe("shapeCourseViewerState", () => {
  it("passes a signed-in viewer's own state through as plain JSON (due dates as ISO strings)", () => {
    const state = shapeCourseViewerState(input());
    expect(state.viewer).toEqual({ kind: "user", name: "Ada", role: "learner" });
    expect(state.downloadAllowed).toBe(true);
    expect(state.assignments[0]!.dueAt).toBe("2026-12-01T00:00:00.000Z");
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(reviveAssignments(state.assignments)[0]!.dueAt).toEqual(assignment.dueAt);
  });

  it("never lets anything of an account into an anonymous answer", () => {
    const state = shapeCourseViewerState(input({ user: null, entitlement: { entitled: false, reason: "sign-in-required" }, download: { allowed: false, reason: "sign-in-required" } }));
    expect(state).toEqual(anonymousCourseViewerState());
  });
});

describe("shapeCatalogViewerState", () => {
  const courses = [
    { id: "1", slug: "paid" },
    { id: "2", slug: "free" },
    { id: "3", slug: "licensed" },
  ];
  const entitlements = new Map([
    ["1", { entitled: true, reason: "purchase" } as const],
    ["2", { entitled: true, reason: "free-course" } as const],
    ["3", { entitled: true, reason: "organisation-licence" } as const],
  ]);

  it("badges what the viewer holds, not a free course; progress 0 where none", () => {
    const state = shapeCatalogViewerState({ user: { name: "Ada", role: "learner" }, courses, entitlements, watched: { paid: 2 } });
    expect(state.cards).toEqual({
      paid: { access: "purchase", completedSegments: 2 },
      free: { access: null, completedSegments: 0 },
      licensed: { access: "organisation-licence", completedSegments: 0 },
    });
  });

  it("shows an anonymous visitor no progress at all", () => {
    const state = shapeCatalogViewerState({ user: null, courses, entitlements: new Map(), watched: { paid: 2 } });
    expect(state.viewer).toEqual({ kind: "anonymous" });
    expect(Object.values(state.cards)).toEqual([
      { access: null, completedSegments: null },
      { access: null, completedSegments: null },
      { access: null, completedSegments: null },
    ]);
  });

  it("cardAccessOf: an admin's or a free course's access is no badge", () => {
    expect(cardAccessOf({ entitled: true, reason: "admin" })).toBeNull();
    expect(cardAccessOf({ entitled: true, reason: "team-seat" })).toBe("team-seat");
    expect(cardAccessOf({ entitled: false, reason: "purchase-required" })).toBeNull();
    expect(cardAccessOf(undefined)).toBeNull();
  });
});
