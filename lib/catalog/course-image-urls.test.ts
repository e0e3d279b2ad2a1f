import { describe, expect, it } from "vitest";
import { authorPhotoUrl, courseCoverSrcSet, courseCoverUrl, parseCourseImageFile } from "./course-image-urls";

describe("course image URLs", () => {
  it("round-trips a cover and an author's portrait", () => {
    const cover = courseCoverUrl("tiny-course", "0123456789abcdef");
    expect(cover).toBe("/images/courses/tiny-course/cover-0123456789abcdef.jpg");
    expect(parseCourseImageFile(cover.split("/").at(-1)!)).toEqual({ image: "cover", version: "0123456789abcdef" });
    const photo = authorPhotoUrl("tiny-course", "aut_0123456789abcdef0123", "fedcba9876543210");
    expect(parseCourseImageFile(photo.split("/").at(-1)!)).toEqual({ image: { authorId: "aut_0123456789abcdef0123" }, version: "fedcba9876543210" });
  });

  it("names the cover's smaller copy, in a srcset beside the full size", () => {
    const small = courseCoverUrl("tiny-course", "0123456789abcdef", true);
    expect(small).toBe("/images/courses/tiny-course/cover-0123456789abcdef-720w.jpg");
    expect(parseCourseImageFile(small.split("/").at(-1)!)).toEqual({ image: "cover-small", version: "0123456789abcdef" });
    expect(courseCoverSrcSet("tiny-course", "0123456789abcdef")).toBe(
      "/images/courses/tiny-course/cover-0123456789abcdef-720w.jpg 720w, /images/courses/tiny-course/cover-0123456789abcdef.jpg 1200w",
    );
  });

  it.each([
    "cover.jpg",
    "cover-0123456789abcdef.png",
    "cover-0123456789ABCDEF.jpg",
    "cover-0123456789abcde.jpg",
    "../cover-0123456789abcdef.jpg",
    "images.json",
    "aut_0123-0123456789abcdef.jpg",
    "seg_0123456789abcdef0123-0123456789abcdef.jpg",
    "cover-0123456789abcdef.jpg\n",
    "cover-0123456789abcdef-640w.jpg",
    "cover-0123456789abcdef-720w.png",
    "aut_0123456789abcdef0123-0123456789abcdef-720w.jpg",
  ])("names no image: %j", (file) => {
    expect(parseCourseImageFile(file)).toBeNull();
  });
});
