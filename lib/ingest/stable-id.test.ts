import { describe, expect, it } from "vitest";
import { courseId, segmentId, stableId } from "./stable-id";

describe("stableId", () => {
  it("is deterministic and prefixed by kind", () => {
    expect(courseId("tiny")).toBe(courseId("tiny"));
    expect(courseId("tiny")).toMatch(/^crs_[0-9a-f]{20}$/);
    expect(segmentId("tiny", "hello")).toMatch(/^seg_[0-9a-f]{20}$/);
  });

  it("differs by kind and by key", () => {
    expect(stableId("course", "a")).not.toBe(stableId("course", "b"));
    expect(stableId("course", "a").slice(4)).not.toBe(stableId("part", "a").slice(4));
    // A segment's id depends on its course: the same slug in two courses is two segments.
    expect(segmentId("one", "intro")).not.toBe(segmentId("two", "intro"));
  });

  it("is pinned (changing it would orphan purchases and progress)", () => {
    expect(courseId("enterprise-software-with-python")).toBe(courseId("enterprise-software-with-python"));
    expect(stableId("course", "x")).toMatchSnapshot();
  });
});
