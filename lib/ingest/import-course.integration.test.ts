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
    select: { id: true, position: true, title: true, segments: { where: { archivedAt: null }, orderBy: { position: "asc" }, select: { id: true, slug: true, position: true, durationSeconds: true } } },
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
    expect(result.archived).toEqual({ segments: 1 });
    expect(result.removed).toEqual({ parts: 0, assets: 1, authors: 0 });

    const after = await snapshot();
    expect(after.map((p) => [p.title, p.position])).toEqual([["Two", 1], ["One", 2]]);
    expect(after.map((p) => p.segments.map((s) => [s.slug, s.position]))).toEqual([[["c", 1], ["a", 2]], [["d", 1]]]);
    expect(after[0]!.id).toBe(before[1]!.id);
    expect(after[0]!.segments[1]!.id).toBe(idOf("a"));
    expect(after[0]!.segments[0]!.id).toBe(idOf("c"));
    expect(after[0]!.segments[1]!.durationSeconds).toBe(21);

    const authors = await t.db.courseAuthor.findMany({ where: { courseId: courseId("tiny-course") }, orderBy: { position: "asc" }, select: { name: true } });
    expect(authors.map((a) => a.name)).toEqual(["Grace Hopper", "Ada Lovelace"]);
    // "b" left the manifest: archived out of the visible order, not deleted.
    const b = await t.db.segment.findUniqueOrThrow({ where: { id: idOf("b") }, select: { archivedAt: true, position: true } });
    expect(b.archivedAt).not.toBeNull();
    expect(b.position).toBeLessThan(0);
    expect(await t.db.mediaAsset.count({ where: { segmentId: idOf("a"), kind: "captions" } })).toBe(0);
  });

  it("keeps a removed part while it holds archived segments, and is idempotent", async () => {
    const m = manifest([{ title: "One", segments: ["d", "c"] }]);
    const first = await importCourse(t.db, m, facts(["d", "c"]));
    expect(first.archived).toEqual({ segments: 1 }); // "a" (its part "Two" left too)
    expect(first.removed.parts).toBe(0);
    expect(first.unchanged).toBe(false);
    const stamp = await t.db.course.findUniqueOrThrow({ where: { id: courseId("tiny-course") }, select: { updatedAt: true } });
    const again = await importCourse(t.db, m, facts(["d", "c"]));
    // Nothing differs: nothing is written (not even updatedAt).
    expect(again.unchanged).toBe(true);
    expect(await t.db.course.findUniqueOrThrow({ where: { id: courseId("tiny-course") }, select: { updatedAt: true } })).toEqual(stamp);
    expect(again.archived).toEqual({ segments: 0 });
    expect(again.removed).toEqual({ parts: 0, assets: 0, authors: 0 });
    const parts = await snapshot();
    expect(parts.map((p) => [p.title, p.position > 0])).toEqual([["Two", false], ["One", true]]);
    expect(parts.find((p) => p.position > 0)!.segments.map((s) => s.slug)).toEqual(["d", "c"]);
    expect(await t.db.segment.count({ where: { courseId: courseId("tiny-course"), archivedAt: null } })).toBe(2);
    expect(await t.db.segment.count({ where: { courseId: courseId("tiny-course") } })).toBe(4);
  });

  it("rolls back everything when media facts are missing", async () => {
    const m = manifest([{ title: "One", segments: ["d", "c", "e"] }]);
    await expect(importCourse(t.db, m, facts(["d", "c"]))).rejects.toThrow(/No media facts for tiny-course\/e/);
    expect(await t.db.segment.count({ where: { courseId: courseId("tiny-course"), archivedAt: null } })).toBe(2);
  });
});

describe("re-importing keeps what learners have", () => {
  const slug = "tiny-course";
  const seg = (s: string) => segmentId(slug, s);

  it("keeps purchases and progress through renames, reorders, moves, archiving and restoring", async () => {
    await importCourse(t.db, manifest([{ title: "One", segments: ["d", "c"] }, { title: "Three", segments: ["e"] }]), facts(["d", "c", "e"]));
    const user = await t.db.user.create({ data: { id: "usr_keep", name: "Keep", email: "keep@example.com" }, select: { id: true } });
    await t.db.order.create({
      data: {
        number: "LEC-KEEP-1", userId: user.id, courseId: courseId(slug), status: "paid", currency: "USD",
        subtotalCents: 1999, totalCents: 1999, provider: "local", buyerName: "Keep", buyerEmail: "keep@example.com",
        purchase: { create: { userId: user.id, courseId: courseId(slug) } },
      },
    });
    for (const s of ["d", "c", "e"]) {
      await t.db.segmentProgress.create({
        data: { userId: user.id, segmentId: seg(s), courseId: courseId(slug), positionSeconds: 7, watchedSeconds: 7 },
      });
    }

    // Rename every title, swap d and c, move e into part One, drop c, drop part Three.
    const renamed = parseCourseManifest(
      {
        slug, title: "Tiny Course, Second Edition", authors: ["Ada Lovelace"], price: "19.99",
        parts: [{ slug: "one", title: "Part the First", segments: [{ slug: "e", title: "E moved" }, { slug: "d", title: "D renamed" }] }],
      },
      "/virtual/tiny-course/course.yaml",
    );
    const result = await importCourse(t.db, renamed, facts(["e", "d"]));
    expect(result.archived).toEqual({ segments: 1 });

    const purchase = await t.db.purchase.findUniqueOrThrow({ where: { userId_courseId: { userId: user.id, courseId: courseId(slug) } }, select: { status: true } });
    expect(purchase.status).toBe("active");
    const progress = await t.db.segmentProgress.findMany({ where: { userId: user.id }, orderBy: { segmentId: "asc" }, select: { segmentId: true, positionSeconds: true } });
    expect(progress).toEqual([seg("c"), seg("d"), seg("e")].sort().map((segmentId) => ({ segmentId, positionSeconds: 7 })));

    const visible = await t.db.segment.findMany({
      where: { courseId: courseId(slug), archivedAt: null },
      orderBy: [{ part: { position: "asc" } }, { position: "asc" }],
      select: { id: true, title: true, position: true, part: { select: { title: true } } },
    });
    expect(visible).toEqual([
      { id: seg("e"), title: "E moved", position: 1, part: { title: "Part the First" } },
      { id: seg("d"), title: "D renamed", position: 2, part: { title: "Part the First" } },
    ]);
    const c = await t.db.segment.findUniqueOrThrow({ where: { id: seg("c") }, select: { archivedAt: true, position: true } });
    expect(c.archivedAt).not.toBeNull();
    expect(c.position).toBeLessThan(0);

    // "c" comes back (into a new part): un-archived, same id, its progress still there.
    const back = parseCourseManifest(
      {
        slug, title: "Tiny Course", authors: ["Ada Lovelace"], price: "19.99", published: false,
        parts: [
          { slug: "one", title: "Part the First", segments: [{ slug: "e", title: "E" }, { slug: "d", title: "D" }] },
          { title: "Encore", segments: [{ slug: "c", title: "C is back" }] },
        ],
      },
      "/virtual/tiny-course/course.yaml",
    );
    const again = await importCourse(t.db, back, facts(["e", "d", "c"]));
    expect(again.restored).toEqual({ segments: 1 });
    const cBack = await t.db.segment.findUniqueOrThrow({ where: { id: seg("c") }, select: { archivedAt: true, position: true, part: { select: { title: true, position: true } } } });
    expect(cBack).toEqual({ archivedAt: null, position: 1, part: { title: "Encore", position: 2 } });
    expect(await t.db.segmentProgress.count({ where: { userId: user.id } })).toBe(3);
    const course = await t.db.course.findUniqueOrThrow({ where: { id: courseId(slug) }, select: { published: true } });
    expect(course.published).toBe(false);

    // Without `published` in the manifest, a re-import leaves the flag as it is.
    expect((await importCourse(t.db, { ...back, published: undefined }, facts(["e", "d", "c"]))).unchanged).toBe(true);
    // A changed duration is a change.
    expect((await importCourse(t.db, back, facts(["e", "d", "c"], 13))).unchanged).toBe(false);
    expect((await t.db.course.findUniqueOrThrow({ where: { id: courseId(slug) }, select: { published: true } })).published).toBe(false);
  });
});
