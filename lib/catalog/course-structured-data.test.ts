import { describe, expect, it } from "vitest";
import { courseStructuredData, jsonForScript } from "./course-structured-data";
import type { TToc } from "./get-course-toc";

const toc: TToc = {
  course: {
    id: "crs_1", slug: "tiny", title: "Tiny", subtitle: "Small", description: "", authors: ["Ada"], publisher: "", publishedOn: null,
    priceCents: 1999, currency: "USD", freePreviewParts: 1, resourcesUrl: null, partCount: 1, segmentCount: 1, totalSeconds: 600, freeSegmentCount: 1,
  },
  parts: [],
};

describe("courseStructuredData", () => {
  it("without landing data: the authors by name, no image", () => {
    const data = courseStructuredData(toc, "https://x.test/courses/tiny", "Lectern");
    expect(data.author).toEqual([{ "@type": "Person", name: "Ada" }]);
    expect(data).not.toHaveProperty("image");
    expect(data).not.toHaveProperty("teaches");
  });

  it("with the landing page's cover, outcomes, requirements and instructors (issue 10)", () => {
    const data = courseStructuredData(toc, "https://x.test/courses/tiny", "Lectern", {
      cover: { url: "https://x.test/images/courses/tiny/cover-0123456789abcdef.jpg", width: 1200, height: 630 },
      outcomes: ["Loops"],
      requirements: ["A computer"],
      instructors: [
        { name: "Ada", bio: "Wrote the first program.", photo: { url: "https://x.test/p.jpg", width: 320, height: 320 } },
        { name: "Bob", bio: "", photo: null },
      ],
    });
    expect(data.image).toBe("https://x.test/images/courses/tiny/cover-0123456789abcdef.jpg");
    expect(data.teaches).toEqual(["Loops"]);
    expect(data.coursePrerequisites).toEqual(["A computer"]);
    expect(data.author).toEqual([
      { "@type": "Person", name: "Ada", description: "Wrote the first program.", image: "https://x.test/p.jpg" },
      { "@type": "Person", name: "Bob" },
    ]);
    // A bio cannot close the script element it is written into.
    const script = jsonForScript(
      courseStructuredData(toc, "u", "L", { cover: null, outcomes: [], requirements: [], instructors: [{ name: "X", bio: "</script><script>alert(1)", photo: null }] }),
    );
    expect(script).not.toContain("</script>");
  });
});
