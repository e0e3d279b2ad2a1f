import { describe, expect, it } from "vitest";
import { decideCourseEntitlement, grantsMatter } from "./decide-course-entitlement";
import { ANONYMOUS, type TViewer } from "./viewer";

const paid = { priceCents: 5999 };
const free = { priceCents: 0 };
const learner: TViewer = { kind: "user", userId: "u1", role: "learner" };
const admin: TViewer = { kind: "user", userId: "a1", role: "admin" };

describe("decideCourseEntitlement", () => {
  it.each([
    // viewer, course, purchased → entitled, reason
    ["anonymous", ANONYMOUS, paid, false, false, "sign-in-required"],
    ["anonymous with a forged purchase flag", ANONYMOUS, paid, true, false, "sign-in-required"],
    ["anonymous, free course", ANONYMOUS, free, false, true, "free-course"],
    ["learner", learner, paid, false, false, "purchase-required"],
    ["purchaser", learner, paid, true, true, "purchase"],
    ["learner, free course", learner, free, false, true, "free-course"],
    ["admin", admin, paid, false, true, "admin"],
    ["admin, free course", admin, free, false, true, "admin"],
  ] as const)("%s", (_name, viewer, course, purchased, entitled, reason) => {
    expect(decideCourseEntitlement(viewer, course, { purchased })).toEqual({ entitled, reason });
  });

  it.each([
    // viewer, course, purchased, organisation licence → entitled, reason
    ["organisation member", learner, paid, false, true, true, "organisation-licence"],
    ["organisation member who also bought it", learner, paid, true, true, true, "purchase"],
    ["anonymous with a forged licence flag", ANONYMOUS, paid, false, true, false, "sign-in-required"],
    ["organisation member, free course", learner, free, false, true, true, "free-course"],
    ["licence ended", learner, paid, false, false, false, "purchase-required"],
  ] as const)("%s", (_name, viewer, course, purchased, organisationLicence, entitled, reason) => {
    expect(decideCourseEntitlement(viewer, course, { purchased, organisationLicence })).toEqual({ entitled, reason });
  });
});

describe("decideCourseEntitlement: team seats (issue 11)", () => {
  it("a seat holder may watch a paid course, because of the seat", () => {
    expect(decideCourseEntitlement(learner, paid, { purchased: false, teamSeat: true })).toEqual({ entitled: true, reason: "team-seat" });
  });
  it("a revoked member (no seat any more) may not", () => {
    expect(decideCourseEntitlement(learner, paid, { purchased: false, teamSeat: false })).toEqual({
      entitled: false,
      reason: "purchase-required",
    });
  });
  it("a seat never lets an anonymous viewer in", () => {
    expect(decideCourseEntitlement(ANONYMOUS, paid, { purchased: false, teamSeat: true }).entitled).toBe(false);
  });
  it("a purchase is named before a seat when the viewer has both", () => {
    expect(decideCourseEntitlement(learner, paid, { purchased: true, teamSeat: true }).reason).toBe("purchase");
  });
});

describe("grantsMatter", () => {
  it("reads grants only for a signed-in non-admin and a paid course", () => {
    expect(grantsMatter(learner, paid)).toBe(true);
    expect(grantsMatter(learner, free)).toBe(false);
    expect(grantsMatter(admin, paid)).toBe(false);
    expect(grantsMatter(ANONYMOUS, paid)).toBe(false);
  });
});
