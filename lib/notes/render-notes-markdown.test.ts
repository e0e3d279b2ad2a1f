import { describe, expect, it } from "vitest";
import type { TToc } from "../catalog/get-course-toc";
import { renderNotesMarkdown } from "./render-notes-markdown";

const segment = (slug: string, number: string, title: string) => ({
  id: slug, slug, position: 1, number, title, subtitle: "", durationSeconds: 30, free: true,
});
const toc = {
  course: { slug: "py", title: "Python" },
  parts: [{ segments: [segment("intro", "1.1", "Intro"), segment("types", "1.2", "Types")] }],
} as unknown as TToc;
const note = (seg: string, at: number, text: string) => ({ id: `${seg}${at}`, segment: seg, atSeconds: at, text, createdAt: "", updatedAt: "" });

describe("renderNotesMarkdown", () => {
  it("groups notes under their segment in course order, each linked to its moment", () => {
    const md = renderNotesMarkdown(toc, [note("types", 7.9, "ints\n# not a heading"), note("intro", 65, "hello")], "https://lectern.example");
    expect(md).toBe(
      [
        "# Notes: Python",
        "",
        "## 1.1 Intro",
        "",
        "- [1:05](https://lectern.example/courses/py/intro?t=65) hello",
        "",
        "## 1.2 Types",
        "",
        "- [0:07](https://lectern.example/courses/py/types?t=7) ints",
        "  # not a heading",
        "",
      ].join("\n"),
    );
  });
  it("says so when there are none", () => {
    expect(renderNotesMarkdown(toc, [], "https://x")).toBe("# Notes: Python\n\nNo notes yet.\n");
  });
});
