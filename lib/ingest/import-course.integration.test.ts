import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { parseCourseManifest } from "./load-course-manifest";
import type { TMediaFacts } from "./media-facts";
import { importCourse } from "./import-course";
import { courseId, segmentId } from "./stable-id";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.cleanup());

function manifest(parts: { title: string; segments: string[] }[], authors = ["Ada Lovelace"]) {
  return parseCourseManifest(
    {
      slug: "tiny-course",
      title: "Tiny Course",
      authors,
      price: "19.99",
      publishedOn: "2016-08-15",
      parts: parts.map((p) => ({ title: p.title, segments: p.segments.map((slug) => ({ slug, title: slug.toUpperCase() })) })),
    },
    "/virtual/tiny-course/course.yaml",
  );
}

function facts(slugs: string[], seconds = 12.5): Record<string, TMediaFacts> {
  return Object.fromEntries(
    slugs.map((slug, i) => [
      slug,
      {
        schemaVersion: 1,
        cacheKey: `sha256:${slug}`,
        generator: "test",
        origin: "generated",
        course: "tiny-course",
        segment: slug,
        durationSeconds: seconds + i,
        generatedAt: new Date(0).toISOString(),
        assets: [
          { kind: "hls-master", label: "default", path: "master.m3u8", mimeType: "application/vnd.apple.mpegurl", bytes: 300, width: 1280, height: 720, bandwidth: 2_000_000 },
          { kind: "hls-variant", label: "360p", path: "360p/index.m3u8", mimeType: "application/vnd.apple.mpegurl", bytes: 5000, width: 640, height: 360, bandwidth: 600_000 },
          { kind: "mp4", label: "720p", path: "video.mp4", mimeType: "video/mp4", bytes: 90_000, width: 1280, height: 720 },
          { kind: "captions", label: "en", path: "captions.en.vtt", mimeType: "text/vtt", bytes: 400, language: "en" },
        ],
      } satisfies TMediaFacts,
    ]),
  );
}

async function snapshot() {
  const parts = await t.db.part.findMany({
    where: { courseId: courseId("tiny-course") },
    orderBy: { position: "asc" },
    select: { id: true, position: true, title: true, segments: { orderBy: { position: "asc" }, select: { id: true, slug: true, position: true, durationSeconds: true } } },
  });
  return parts;
}

describe("importCourse", () => {
  it("imports a course with stable ids, measured durations and assets", async () => {
    const m = manifest([
      { title: "One", segments: ["a", "b"] },
      { title: "Two", segments: ["c"] },
    ]);
    const result = await importCourse(t.db, m, facts(["a", "b", "c"]));
    expect(result).toMatchObject({ courseId: courseId("tiny-course"), parts: 2, segments: 3, assets: 12 });

    const course = await t.db.course.findUniqueOrThrow({
      where: { slug: "tiny-course" },
      select: { id: true, priceCents: true, publishedOn: true, authors: { select: { name: true, position: true } } },
    });
    expect(course.id).toBe(courseId("tiny-course"));
    expect(course.priceCents).toBe(1999);
    expect(course.publishedOn?.toISOString()).toBe("2016-08-15T00:00:00.000Z");
    expect(course.authors).toEqual([{ name: "Ada Lovelace", position: 1 }]);

    const parts = await snapshot();
    expect(parts.map((p) => p.segments.map((s) => [s.slug, s.position, s.durationSeconds]))).toEqual([
      [["a", 1, 12.5], ["b", 2, 13.5]],
      [["c", 1, 14.5]],
    ]);
    expect(parts[0]!.segments[0]!.id).toBe(segmentId("tiny-course", "a"));

    const assets = await t.db.mediaAsset.findMany({
      where: { segmentId: segmentId("tiny-course", "a") },
      orderBy: { kind: "asc" },
      select: { kind: true, label: true, path: true },
    });
    expect(assets.map((a) => a.path)).toContain("tiny-course/a/master.m3u8");
    expect(assets).toHaveLength(4);
  });

  it("re-imports after reordering, moving and removing, keeping ids", async () => {
    const before = await snapshot();
    const idOf = (slug: string) => before.flatMap((p) => p.segments).find((s) => s.slug === slug)!.id;

    // Swap the parts, move "a" into part Two after "c", drop "b", add "d"; swap authors.
    const m = manifest(
      [
        { title: "Two", segments: ["c", "a"] },
        { title: "One", segments: ["d"] },
      ],
      ["Grace Hopper", "Ada Lovelace"],
    );
    const f = facts(["c", "a", "d"], 20);
    f.a!.assets = f.a!.assets.filter((asset) => asset.kind !== "captions");
    const result = await importCourse(t.db, m, f);
    expect(result.removed).toEqual({ parts: 0, segments: 1, assets: 1, authors: 0 });

    const after = await snapshot();
    expect(after.map((p) => [p.title, p.position])).toEqual([["Two", 1], ["One", 2]]);
    expect(after.map((p) => p.segments.map((s) => [s.slug, s.position]))).toEqual([[["c", 1], ["a", 2]], [["d", 1]]]);
    expect(after[0]!.id).toBe(before[1]!.id);
    expect(after[0]!.segments[1]!.id).toBe(idOf("a"));
    expect(after[0]!.segments[0]!.id).toBe(idOf("c"));
    expect(after[0]!.segments[1]!.durationSeconds).toBe(21);

    const authors = await t.db.courseAuthor.findMany({ where: { courseId: courseId("tiny-course") }, orderBy: { position: "asc" }, select: { name: true } });
    expect(authors.map((a) => a.name)).toEqual(["Grace Hopper", "Ada Lovelace"]);
    expect(await t.db.segment.count({ where: { slug: "b" } })).toBe(0);
    expect(await t.db.mediaAsset.count({ where: { segmentId: idOf("a"), kind: "captions" } })).toBe(0);
  });

  it("removes a part and is idempotent", async () => {
    const m = manifest([{ title: "One", segments: ["d", "c"] }]);
    await importCourse(t.db, m, facts(["d", "c"]));
    const again = await importCourse(t.db, m, facts(["d", "c"]));
    expect(again.removed).toEqual({ parts: 0, segments: 0, assets: 0, authors: 0 });
    const parts = await snapshot();
    expect(parts.map((p) => p.segments.map((s) => s.slug))).toEqual([["d", "c"]]);
    expect(await t.db.segment.count({ where: { courseId: courseId("tiny-course") } })).toBe(2);
  });

  it("rolls back everything when media facts are missing", async () => {
    const m = manifest([{ title: "One", segments: ["d", "c", "e"] }]);
    await expect(importCourse(t.db, m, facts(["d", "c"]))).rejects.toThrow(/No media facts for tiny-course\/e/);
    expect(await t.db.segment.count({ where: { courseId: courseId("tiny-course") } })).toBe(2);
  });
});
