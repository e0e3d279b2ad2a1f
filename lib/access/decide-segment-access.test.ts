import { describe, expect, it } from "vitest";
import { decideCourseEntitlement } from "./decide-course-entitlement";
import { decideSegmentAccess } from "./decide-segment-access";
import { isFreePreviewPart } from "./free-preview";
import { ANONYMOUS, type TViewer } from "./viewer";

const paidCourse = { priceCents: 5999, freePreviewParts: 3 };
const freeCourse = { priceCents: 0, freePreviewParts: 0 };
const learner: TViewer = { kind: "user", userId: "u1", role: "learner" };
const admin: TViewer = { kind: "user", userId: "a1", role: "admin" };

describe("isFreePreviewPart", () => {
  it("frees the first N parts of a paid course and nothing after", () => {
    expect([1, 2, 3, 4, 5].map((p) => isFreePreviewPart(paidCourse, p))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  it("frees every part of a free course", () => {
    expect(isFreePreviewPart(freeCourse, 7)).toBe(true);
  });
  it("frees nothing when a paid course previews zero parts", () => {
    expect(isFreePreviewPart({ priceCents: 100, freePreviewParts: 0 }, 1)).toBe(false);
  });
});

/** The segment decision as every caller reaches it: through the viewer's course entitlement. */
function access(viewer: TViewer, subject: { course: typeof paidCourse; partPosition: number; purchased: boolean }) {
  const entitlement = decideCourseEntitlement(viewer, subject.course, { purchased: subject.purchased });
  return decideSegmentAccess({ course: subject.course, partPosition: subject.partPosition, entitlement });
}

describe("decideSegmentAccess", () => {
  it("lets anyone watch a free-preview segment", () => {
    expect(access(ANONYMOUS, { course: paidCourse, partPosition: 2, purchased: false })).toEqual({
      allowed: true,
      reason: "free-preview",
    });
    expect(access(learner, { course: paidCourse, partPosition: 3, purchased: false }).allowed).toBe(true);
  });
  it("asks anonymous viewers of a paid segment to sign in", () => {
    expect(access(ANONYMOUS, { course: paidCourse, partPosition: 4, purchased: false })).toEqual({
      allowed: false,
      reason: "sign-in-required",
    });
  });
  it("tells signed-in viewers without a purchase that one is required", () => {
    expect(access(learner, { course: paidCourse, partPosition: 5, purchased: false })).toEqual({
      allowed: false,
      reason: "purchase-required",
    });
  });
  it("lets a purchaser watch a paid segment", () => {
    expect(access(learner, { course: paidCourse, partPosition: 5, purchased: true })).toEqual({
      allowed: true,
      reason: "purchased",
    });
  });
  it("lets an admin watch everything without a purchase", () => {
    expect(access(admin, { course: paidCourse, partPosition: 4, purchased: false }).allowed).toBe(true);
  });
  it("never lets a purchase flag open a paid segment to an anonymous viewer", () => {
    expect(access(ANONYMOUS, { course: paidCourse, partPosition: 4, purchased: true }).allowed).toBe(false);
  });
});
