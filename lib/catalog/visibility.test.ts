import { describe, expect, it } from "vitest";
import { ANONYMOUS, type TViewer } from "../access/viewer";
import { decideSegmentVisible, listedSegmentWhere, visibleCourseWhere } from "./visibility";

const learner: TViewer = { kind: "user", userId: "u", role: "learner" };
const admin: TViewer = { kind: "user", userId: "a", role: "admin" };
const shown = { coursePublished: true, archived: false, hasMedia: true };

describe("decideSegmentVisible", () => {
  it.each([
    ["a published segment with media", shown, true, true],
    ["an unpublished course", { ...shown, coursePublished: false }, false, true],
    ["an archived segment", { ...shown, archived: true }, false, true],
    ["a segment without media yet", { ...shown, hasMedia: false }, false, true],
  ])("%s: learners %s, admins %s", (_name, facts, forLearners, forAdmins) => {
    expect(decideSegmentVisible(ANONYMOUS, facts)).toBe(forLearners);
    expect(decideSegmentVisible(learner, facts)).toBe(forLearners);
    expect(decideSegmentVisible(admin, facts)).toBe(forAdmins);
  });
});

describe("listing filters", () => {
  it("hide unpublished courses and media-less segments from everyone but admins; archived ones from everyone", () => {
    expect(visibleCourseWhere(ANONYMOUS)).toEqual({ published: true });
    expect(visibleCourseWhere(admin)).toEqual({});
    expect(listedSegmentWhere(learner)).toEqual({ archivedAt: null, assets: { some: { kind: "hls-master" } } });
    expect(listedSegmentWhere(admin)).toEqual({ archivedAt: null });
  });
});
