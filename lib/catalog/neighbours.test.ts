import { describe, expect, it } from "vitest";
import type { TToc, TTocSegment } from "./get-course-toc";
import { neighbours } from "./neighbours";

const seg = (slug: string): TTocSegment => ({
  id: slug,
  slug,
  position: 1,
  number: "1.1",
  title: slug,
  subtitle: "",
  durationSeconds: 10,
  free: true,
});
const part = (id: string, slugs: string[]) => ({
  id,
  position: 1,
  title: id,
  summary: "",
  free: true,
  totalSeconds: 0,
  segments: slugs.map(seg),
});
const toc = { course: {} as TToc["course"], parts: [part("p1", ["a", "b"]), part("p2", ["c"])] } satisfies TToc;

describe("neighbours", () => {
  it("crosses part boundaries", () => {
    expect(neighbours(toc, "b").next?.slug).toBe("c");
    expect(neighbours(toc, "c").previous?.slug).toBe("b");
  });
  it("has no previous at the start and no next at the end", () => {
    expect(neighbours(toc, "a").previous).toBeNull();
    expect(neighbours(toc, "c").next).toBeNull();
  });
  it("returns nothing for an unknown slug", () => {
    expect(neighbours(toc, "zzz")).toEqual({ previous: null, next: null });
  });
});
