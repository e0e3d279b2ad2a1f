import { describe, expect, it } from "vitest";
import { decideCourseDownload } from "./can-download-course";
import { decideCourseEntitlement } from "./decide-course-entitlement";
import { ANONYMOUS, type TViewer } from "./viewer";

const paid = { priceCents: 5999 };
const free = { priceCents: 0 };
const learner: TViewer = { kind: "user", userId: "u1", role: "learner" };
const admin: TViewer = { kind: "user", userId: "a1", role: "admin" };

/** The download decision as every caller reaches it: through the viewer's course entitlement. */
const download = (viewer: TViewer, subject: { course: { priceCents: number }; purchased: boolean }) =>
  decideCourseDownload(viewer, decideCourseEntitlement(viewer, subject.course, { purchased: subject.purchased }));

describe("decideCourseDownload", () => {
  it("lets a purchaser download a paid course", () => {
    expect(download(learner, { course: paid, purchased: true })).toEqual({ allowed: true, reason: "purchased" });
  });
  it("asks a signed-in learner without an (active) purchase to buy", () => {
    expect(download(learner, { course: paid, purchased: false })).toEqual({
      allowed: false,
      reason: "purchase-required",
    });
  });
  it("asks anonymous visitors to sign in, even for a free course or with a purchase flag", () => {
    expect(download(ANONYMOUS, { course: free, purchased: false }).reason).toBe("sign-in-required");
    expect(download(ANONYMOUS, { course: paid, purchased: true }).allowed).toBe(false);
  });
  it("lets admins download anything and signed-in users download free courses", () => {
    expect(download(admin, { course: paid, purchased: false })).toEqual({ allowed: true, reason: "admin" });
    expect(download(learner, { course: free, purchased: false })).toEqual({ allowed: true, reason: "free-course" });
  });
});
