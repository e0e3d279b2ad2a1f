import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { AppError } from "../errors";
import { statusOf } from "../http/error-response";
import { canDownloadCourse } from "../access/can-download-course";
import { loadSegmentAccess } from "../access/require-segment-access";
import { ANONYMOUS, type TViewer } from "../access/viewer";
import { quotePrice } from "../commerce/quote-price";
import { loadCourseDownloads } from "../downloads/load-course-downloads";
import { issuePlayback } from "../media/issue-playback";
import { getCatalogProgress, getCourseProgress } from "../progress/course-progress";
import { searchCourse } from "../search/search-course";
import { createTestDatabase } from "../../tests/support/test-db";
import { importSampleCourse, MEDIA_ROOT } from "../../tests/support/import-sample-course";
import { getCourseToc } from "./get-course-toc";
import { listCourses } from "./list-courses";
import { createSegmentWithoutMedia } from "../jobs/testing/job-fixtures";
import { neighbours } from "./neighbours";

// Learner-side visibility (issue 9), decided on the server, through the real loaders of every
// page and API on a real database: an archived segment, a segment without media yet and an
// unpublished course are hidden from anonymous visitors, learners and buyers, not from admins.

const COURSE = "enterprise-software-with-python";
const HIDDEN_COURSE = "python-in-production";
const ARCHIVED = "prerequisites-and-viewing-guide"; // part 1 (free preview), position 2
const NO_MEDIA = "coming-soon";

let db: Db;
let cleanup: () => Promise<void>;
let courseId: string;
const viewers: Record<"anonymous" | "learner" | "buyer" | "admin", TViewer> = {
  anonymous: ANONYMOUS,
  learner: { kind: "user", userId: "learner", role: "learner" },
  buyer: { kind: "user", userId: "buyer", role: "learner" },
  admin: { kind: "user", userId: "admin", role: "admin" },
};
const learners = ["anonymous", "learner", "buyer"] as const;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  const course = await importSampleCourse(db, COURSE);
  courseId = course.id;
  const hidden = await importSampleCourse(db, HIDDEN_COURSE);
  await db.course.update({ where: { id: hidden.id }, data: { published: false } });
  for (const id of ["learner", "buyer", "admin"]) {
    await db.user.create({ data: { id, name: id, email: `${id}@example.com`, role: id === "admin" ? "admin" : "learner" } });
  }
  await db.order.create({
    data: {
      number: "LEC-VIS-1", userId: "buyer", courseId, status: "paid", currency: "USD", subtotalCents: 5999, totalCents: 5999,
      provider: "local", buyerName: "buyer", buyerEmail: "buyer@example.com",
      purchase: { create: { userId: "buyer", courseId } },
    },
  });
  const archived = await db.segment.findFirstOrThrow({ where: { courseId, slug: ARCHIVED }, select: { id: true, partId: true, durationSeconds: true } });
  // The buyer finished the segment before it was archived: the row stays, the totals leave it out.
  await db.segmentProgress.create({
    data: { userId: "buyer", segmentId: archived.id, courseId, positionSeconds: archived.durationSeconds, watchedSeconds: archived.durationSeconds, completedAt: new Date() },
  });
  await db.segment.update({ where: { id: archived.id }, data: { archivedAt: new Date(), position: -1 } });
  await db.segment.create({
    data: { id: "seg_coming_soon", courseId, partId: archived.partId, position: 3, slug: NO_MEDIA, title: "Coming soon: a segment still being transcoded" },
  });
});
afterAll(() => cleanup?.());

const statusOfCall = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
    return 200;
  } catch (error) {
    if (error instanceof AppError) return statusOf(error.code);
    throw error;
  }
};

describe.each(learners)("as %s", (who) => {
  const viewer = () => viewers[who];

  it("the catalog lists only published courses, counting only segments with media still in the course", async () => {
    const catalog = await listCourses(db, viewer());
    expect(catalog.map((c) => c.slug)).toEqual([COURSE]);
    expect(catalog[0]!.segmentCount).toBe(27);
  });

  it("the course page's TOC has neither the archived nor the media-less segment, and numbers what it shows", async () => {
    const toc = (await getCourseToc(db, COURSE, viewer()))!;
    const part1 = toc.parts[0]!.segments;
    expect(part1.map((s) => [s.slug, s.number])).toEqual([["overview", "1.1"]]);
    expect(toc.course.segmentCount).toBe(27);
    expect(neighbours(toc, "overview").next?.slug).toBe("what-is-enterprise-software");
  });

  it("the watch page, the playback API and the unpublished course answer 404", async () => {
    expect(await loadSegmentAccess(db, viewer(), COURSE, ARCHIVED)).toBeNull();
    expect(await loadSegmentAccess(db, viewer(), COURSE, NO_MEDIA)).toBeNull();
    expect(await loadSegmentAccess(db, viewer(), HIDDEN_COURSE, "porting-without-six")).toBeNull();
    const deps = { db, secret: "s".repeat(32), ttlSeconds: 600, nowSeconds: () => 1_900_000_000 };
    expect(await statusOfCall(() => issuePlayback(deps, viewer(), COURSE, ARCHIVED))).toBe(404);
    expect(await statusOfCall(() => issuePlayback(deps, viewer(), COURSE, NO_MEDIA))).toBe(404);
    expect(await statusOfCall(() => issuePlayback(deps, viewer(), HIDDEN_COURSE, "porting-without-six"))).toBe(404);
    expect(await statusOfCall(() => issuePlayback(deps, viewer(), COURSE, "overview"))).toBe(200);
    expect(await getCourseToc(db, HIDDEN_COURSE, viewer())).toBeNull();
  });

  it("search finds neither hidden segments nor the unpublished course", async () => {
    const found = await searchCourse(db, { mediaRoot: MEDIA_ROOT }, viewer(), COURSE, { q: "viewing guide" });
    expect(found.segments).toEqual([]);
    const soon = await searchCourse(db, { mediaRoot: MEDIA_ROOT }, viewer(), COURSE, { q: "coming soon" });
    expect(soon.segments).toEqual([]);
    expect(await statusOfCall(() => searchCourse(db, { mediaRoot: MEDIA_ROOT }, viewer(), HIDDEN_COURSE, { q: "python" }))).toBe(404);
  });

  it("downloads and the course ZIP leave hidden segments out; the unpublished course is not downloadable or for sale", async () => {
    const downloads = (await loadCourseDownloads(db, MEDIA_ROOT, COURSE))!;
    const slugs = downloads.parts.flatMap((p) => p.segments.map((s) => s.slug));
    expect(slugs).toHaveLength(27);
    expect(slugs).not.toContain(ARCHIVED);
    expect(slugs).not.toContain(NO_MEDIA);
    const hidden = (await loadCourseDownloads(db, MEDIA_ROOT, HIDDEN_COURSE))!;
    expect(await canDownloadCourse(db, viewer(), hidden.course)).toEqual({ allowed: false, reason: "unpublished" });
    expect(await statusOfCall(() => quotePrice(db, { courseSlug: HIDDEN_COURSE, now: new Date() }))).toBe(404);
  });
});

describe("as admin", () => {
  const admin = viewers.admin;

  it("a course whose free segments have no media yet gets no poster URL on an admin's catalog (it would be a broken image)", async () => {
    const { course } = await createSegmentWithoutMedia(db);
    const entry = (await listCourses(db, admin)).find((c) => c.slug === course.slug)!;
    expect(entry.segmentCount).toBe(1);
    expect(entry.coverSegmentSlug).toBeNull();
    expect((await listCourses(db, admin)).find((c) => c.slug === COURSE)!.coverSegmentSlug).toBe("overview");
    await db.course.delete({ where: { id: course.id } });
  });

  it("sees the unpublished course and the media-less segment; an archived segment opens directly but is out of the order", async () => {
    expect((await listCourses(db, admin)).map((c) => c.slug).sort()).toEqual([COURSE, HIDDEN_COURSE].sort());
    const toc = (await getCourseToc(db, COURSE, admin))!;
    expect(toc.parts[0]!.segments.map((s) => [s.slug, s.number])).toEqual([["overview", "1.1"], [NO_MEDIA, "1.2"]]);
    expect(await getCourseToc(db, HIDDEN_COURSE, admin)).not.toBeNull();
    expect(await loadSegmentAccess(db, admin, COURSE, ARCHIVED)).not.toBeNull();
    expect(await loadSegmentAccess(db, admin, COURSE, NO_MEDIA)).not.toBeNull();
    const deps = { db, secret: "s".repeat(32), ttlSeconds: 600, nowSeconds: () => 1_900_000_000 };
    expect(await statusOfCall(() => issuePlayback(deps, admin, COURSE, NO_MEDIA))).toBe(404); // nothing to play yet
    expect(await statusOfCall(() => issuePlayback(deps, admin, COURSE, ARCHIVED))).toBe(200);
    expect(await loadSegmentAccess(db, admin, HIDDEN_COURSE, "porting-without-six")).not.toBeNull();
    const hidden = (await loadCourseDownloads(db, MEDIA_ROOT, HIDDEN_COURSE))!;
    expect(await canDownloadCourse(db, admin, hidden.course)).toEqual({ allowed: true, reason: "admin" });
  });
});

describe("progress totals", () => {
  it("leave the archived segment out while its progress row is kept", async () => {
    const toc = (await getCourseToc(db, COURSE, viewers.buyer))!;
    const progress = await getCourseProgress(db, "buyer", toc);
    expect(progress.completedCount).toBe(0);
    expect(progress.segmentCount).toBe(27);
    expect(await getCatalogProgress(db, "buyer")).toEqual({});
    expect(await db.segmentProgress.count({ where: { userId: "buyer" } })).toBe(1);
  });
});
