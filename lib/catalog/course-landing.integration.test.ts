import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { ANONYMOUS, type TViewer } from "../access/viewer";
import { updateCourseDetails } from "../admin/courses/update-course-details";
import { ZAuthorBio, ZCourseDetails } from "../admin/courses/course-schemas";
import { updateAuthorBio } from "../admin/courses/update-author-bio";
import { ensureCourseImages } from "../ingest/ensure-course-images";
import { importCourse } from "../ingest/import-course";
import { parseCourseManifest } from "../ingest/load-course-manifest";
import type { TMediaFacts } from "../ingest/media-facts";
import { authorId, courseId } from "../ingest/stable-id";
import { findCourseImage } from "./find-course-image";
import { getCourseLanding } from "./get-course-landing";

// The landing page's data (issue 10): manifest → images under MEDIA_ROOT (real ffmpeg) →
// database → what the page and the image route read.
let t: TestDatabase;
const mediaRoot = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-landing-"));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
  fs.rmSync(mediaRoot, { recursive: true, force: true });
});

const manifest = (overrides: Record<string, unknown> = {}) =>
  parseCourseManifest(
    {
      slug: "landing-course",
      title: "Landing Course",
      subtitle: "With a cover",
      authors: [{ name: "Grace Hopper", bio: "Wrote the first compiler." }, "Ada Lovelace"],
      learn: ["Write a loop", "Read a stack trace"],
      requirements: ["A computer"],
      price: "19.99",
      parts: [{ title: "One", segments: [{ slug: "a", title: "A" }] }],
      ...overrides,
    },
    "/virtual/landing-course/course.yaml",
  );

const facts: Record<string, TMediaFacts> = {
  a: {
    schemaVersion: 1, cacheKey: "sha256:a", generator: "test", origin: "generated", course: "landing-course", segment: "a",
    durationSeconds: 12, generatedAt: new Date(0).toISOString(),
    assets: [{ kind: "hls-master", label: "default", path: "master.m3u8", mimeType: "application/vnd.apple.mpegurl", bytes: 300 }],
  },
};

const admin: TViewer = { kind: "user", userId: "u_admin", role: "admin" };
const fileOf = (url: string) => url.split("/").at(-1)!;

describe("course landing data", () => {
  it("imports outcomes, requirements, bios and image versions; a re-import changes nothing", async () => {
    const m = manifest();
    const images = await ensureCourseImages(m, mediaRoot);
    expect(images.coverVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(images.photoVersions)).toEqual(["Grace Hopper", "Ada Lovelace"]);
    // A real 1200×630 JPEG (SOI marker) with a portrait per author.
    expect(fs.readFileSync(path.join(mediaRoot, "landing-course", "cover.jpg")).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(fs.existsSync(path.join(mediaRoot, "landing-course", `author-${authorId("landing-course", "Ada Lovelace")}.jpg`))).toBe(true);
    // The cover's smaller copy (the page's <img> srcset): a 720×378 JPEG, fewer bytes than the cover.
    const small = fs.readFileSync(path.join(mediaRoot, "landing-course", "cover-720w.jpg"));
    expect(small.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(small.length).toBeLessThan(fs.statSync(path.join(mediaRoot, "landing-course", "cover.jpg")).size);
    const smallMtime = fs.statSync(path.join(mediaRoot, "landing-course", "cover-720w.jpg")).mtimeMs;
    expect(await ensureCourseImages(m, mediaRoot)).toEqual(images);
    expect(fs.statSync(path.join(mediaRoot, "landing-course", "cover-720w.jpg")).mtimeMs).toBe(smallMtime);

    expect((await importCourse(t.db, m, facts, { images })).unchanged).toBe(false);
    expect((await importCourse(t.db, m, facts, { images })).unchanged).toBe(true);

    const landing = await getCourseLanding(t.db, courseId("landing-course"));
    expect(landing).toMatchObject({
      cover: { url: `/images/courses/landing-course/cover-${images.coverVersion}.jpg`, width: 1200, height: 630 },
      outcomes: ["Write a loop", "Read a stack trace"],
      requirements: ["A computer"],
    });
    expect(landing!.instructors.map((i) => [i.name, i.bio, i.photo?.width])).toEqual([
      ["Grace Hopper", "Wrote the first compiler.", 320],
      ["Ada Lovelace", "", 320],
    ]);
  });

  it("serves only the current version of this course's images, and an unpublished course's only to admins", async () => {
    const landing = (await getCourseLanding(t.db, courseId("landing-course")))!;
    const cover = fileOf(landing.cover!.url);
    const photo = fileOf(landing.instructors[0]!.photo!.url);
    const find = (file: string, viewer: TViewer = ANONYMOUS, slug = "landing-course") =>
      findCourseImage(t.db, async () => viewer, mediaRoot, slug, file);

    expect(await find(cover)).toEqual({ file: path.join(mediaRoot, "landing-course", "cover.jpg"), published: true });
    const small = cover.replace(/\.jpg$/, "-720w.jpg");
    expect(await find(small)).toEqual({ file: path.join(mediaRoot, "landing-course", "cover-720w.jpg"), published: true });
    expect(await find(small.replace(/^cover-[0-9a-f]{16}/, "cover-0000000000000000"))).toBeNull();
    // Media imported before the smaller copy existed: the full size answers for it.
    fs.renameSync(path.join(mediaRoot, "landing-course", "cover-720w.jpg"), path.join(mediaRoot, "landing-course", "cover-720w.jpg.away"));
    expect((await find(small))?.file).toBe(path.join(mediaRoot, "landing-course", "cover.jpg"));
    fs.renameSync(path.join(mediaRoot, "landing-course", "cover-720w.jpg.away"), path.join(mediaRoot, "landing-course", "cover-720w.jpg"));
    expect((await find(photo))?.file).toBe(path.join(mediaRoot, "landing-course", `author-${authorId("landing-course", "Grace Hopper")}.jpg`));
    expect(await find("cover-0000000000000000.jpg")).toBeNull();
    expect(await find(`aut_00000000000000000000-${photo.slice(-20, -4)}.jpg`)).toBeNull();
    expect(await find("images.json")).toBeNull();
    expect(await find(cover, ANONYMOUS, "no-such-course")).toBeNull();

    await t.db.course.update({ where: { id: courseId("landing-course") }, data: { published: false } });
    expect(await find(cover)).toBeNull();
    expect(await find(cover, admin)).toEqual({ file: path.join(mediaRoot, "landing-course", "cover.jpg"), published: false });
    await t.db.course.update({ where: { id: courseId("landing-course") }, data: { published: true } });
  });

  it("a new cover is a new version; the admin's detail form keeps the bios and portraits of authors who stay", async () => {
    const before = (await getCourseLanding(t.db, courseId("landing-course")))!;
    const m = manifest({ title: "Landing Course, Second Edition" });
    const images = await ensureCourseImages(m, mediaRoot);
    await importCourse(t.db, m, facts, { images });
    const after = (await getCourseLanding(t.db, courseId("landing-course")))!;
    expect(after.cover!.url).not.toBe(before.cover!.url);
    expect(after.instructors[0]!.photo).toEqual(before.instructors[0]!.photo);

    const form = ZCourseDetails.parse({
      courseId: courseId("landing-course"), title: "Edited", subtitle: "", description: "",
      authors: "Grace Hopper\nKatherine Johnson", price: "19.99", currency: "USD", freePreviewParts: "1",
    });
    await updateCourseDetails({ db: t.db, actor: { id: null, email: "admin@lectern.local" } }, form);
    const edited = (await getCourseLanding(t.db, courseId("landing-course")))!;
    expect(edited.instructors.map((i) => [i.name, i.bio, i.photo?.url ?? null])).toEqual([
      ["Grace Hopper", "Wrote the first compiler.", before.instructors[0]!.photo!.url],
      ["Katherine Johnson", "", null],
    ]);
    // The form without the lists (an older form) left them as they were.
    expect(edited.outcomes).toEqual(["Write a loop", "Read a stack trace"]);

    const posted = {
      courseId: courseId("landing-course"), title: "Edited", subtitle: "", description: "",
      authors: "Grace Hopper", price: "19.99", currency: "USD", freePreviewParts: "1",
      outcomes: "  Ship it \r\n\r\nMeasure it\n", requirements: "",
    };
    const withLists = ZCourseDetails.parse(posted);
    await updateCourseDetails({ db: t.db, actor: { id: null, email: "admin@lectern.local" } }, withLists);
    expect(await getCourseLanding(t.db, courseId("landing-course"))).toMatchObject({ outcomes: ["Ship it", "Measure it"], requirements: [] });

    const tooMany = ZCourseDetails.safeParse({ ...posted, outcomes: Array.from({ length: 21 }, (_, i) => `Item ${i}`).join("\n") });
    expect(tooMany.error?.issues.map((i) => i.message)).toEqual(["What you'll learn: at most 20 items"]);
    const tooLong = ZCourseDetails.safeParse({ ...posted, requirements: "x".repeat(201) });
    expect(tooLong.error?.issues.map((i) => i.message)).toEqual(["Requirements: each line is at most 200 characters"]);
  });

  it("an admin edits an author's bio, audited; an unknown author is a 404 and an overlong bio is refused", async () => {
    const deps = { db: t.db, actor: { id: null, email: "admin@lectern.local" } };
    const grace = authorId("landing-course", "Grace Hopper");
    await updateAuthorBio(deps, ZAuthorBio.parse({ authorId: grace, bio: "  Rear admiral and compiler pioneer.  " }));
    const landing = (await getCourseLanding(t.db, courseId("landing-course")))!;
    expect(landing.instructors[0]).toMatchObject({ name: "Grace Hopper", bio: "Rear admiral and compiler pioneer." });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "course.author-bio" }, select: { targetId: true, before: true, after: true } });
    expect(audit.targetId).toBe(courseId("landing-course"));
    expect(JSON.parse(audit.before!)).toEqual({ author: "Grace Hopper", bio: "Wrote the first compiler." });

    await expect(updateAuthorBio(deps, { authorId: "aut_00000000000000000000", bio: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(ZAuthorBio.safeParse({ authorId: grace, bio: "x".repeat(2001) }).error?.issues.map((i) => i.message)).toEqual(["Bio is at most 2000 characters"]);
  });
});
