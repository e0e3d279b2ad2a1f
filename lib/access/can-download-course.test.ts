import { describe, expect, it } from "vitest";
import { decideCourseDownload } from "./can-download-course";
import { ANONYMOUS, type TViewer } from "./viewer";

const paid = { priceCents: 5999 };
const free = { priceCents: 0 };
const learner: TViewer = { kind: "user", userId: "u1", role: "learner" };
const admin: TViewer = { kind: "user", userId: "a1", role: "admin" };

describe("decideCourseDownload", () => {
  it("lets a purchaser download a paid course", () => {
    expect(decideCourseDownload(learner, { course: paid, purchased: true })).toEqual({ allowed: true, reason: "purchased" });
  });
  it("asks a signed-in learner without an (active) purchase to buy", () => {
    expect(decideCourseDownload(learner, { course: paid, purchased: false })).toEqual({
      allowed: false,
      reason: "purchase-required",
    });
  });
  it("asks anonymous visitors to sign in, even for a free course or with a purchase flag", () => {
    expect(decideCourseDownload(ANONYMOUS, { course: free, purchased: false }).reason).toBe("sign-in-required");
    expect(decideCourseDownload(ANONYMOUS, { course: paid, purchased: true }).allowed).toBe(false);
  });
  it("lets admins download anything and signed-in users download free courses", () => {
    expect(decideCourseDownload(admin, { course: paid, purchased: false })).toEqual({ allowed: true, reason: "admin" });
    expect(decideCourseDownload(learner, { course: free, purchased: false })).toEqual({ allowed: true, reason: "free-course" });
  });
});
