import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { courseId as stableCourseId, segmentId as stableSegmentId } from "../../ingest/stable-id";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import type { TAdminDeps } from "../admin-deps";
import { addPart } from "./add-part";
import { addSegment } from "./add-segment";
import { archiveSegment } from "./archive-segment";
import { ZCourseDetails } from "./course-schemas";
import { createCourse } from "./create-course";
import { loadAdminCourse } from "./load-admin-course";
import { moveSegment } from "./move-segment";
import { movePart } from "./move-part";
import { renameSegment } from "./rename-segment";
import { setCoursePublished } from "./set-course-published";
import { updateCourseDetails } from "./update-course-details";

let t: TestDatabase;
let deps: TAdminDeps;
const at = new Date("2026-11-29T10:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  deps = { db: t.db, now: () => at, actor: { id: null, email: "admin@lectern.local" } };
});
afterAll(() => t.cleanup());

const auditOf = (targetId: string) =>
  t.db.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: "asc" }, select: { action: true, before: true, after: true, actorEmail: true } });

/** A course with parts A (a1, a2, a3) and B (b1). */
async function courseWithSegments(slug: string) {
  const { courseId } = await createCourse(deps, { slug, title: "Shop course" });
  const { partId: a } = await addPart(deps, { courseId, title: "Part A" });
  const { partId: b } = await addPart(deps, { courseId, title: "Part B" });
  const seg = async (partId: string, s: string) => (await addSegment(deps, { partId, slug: s, title: s.toUpperCase() })).segmentId;
  const ids = { a1: await seg(a, "a1"), a2: await seg(a, "a2"), a3: await seg(a, "a3"), b1: await seg(b, "b1") };
  return { courseId, a, b, ids };
}

async function order(courseId: string) {
  const course = await loadAdminCourse(t.db, courseId);
  return course!.parts.map((p) => `${p.title}: ${p.segments.map((s) => `${s.position}.${s.slug}`).join(" ")}`);
}

describe("admin course editing", () => {
  it("creates an unpublished course with the stable id of its slug, audited", async () => {
    const { courseId } = await createCourse(deps, { slug: "running-the-shop", title: "Running the shop" });
    expect(courseId).toBe(stableCourseId("running-the-shop"));
    const row = await t.db.course.findUniqueOrThrow({ where: { id: courseId }, select: { published: true, title: true } });
    expect(row).toEqual({ published: false, title: "Running the shop" });
    const [audit] = await auditOf(courseId);
    expect(audit).toMatchObject({ action: "course.create", before: null, actorEmail: "admin@lectern.local" });
    expect(JSON.parse(audit!.after!)).toMatchObject({ slug: "running-the-shop", published: false });
  });

  it("refuses a second course with the same slug, naming the field", async () => {
    await createCourse(deps, { slug: "twice", title: "Once" });
    await expect(createCourse(deps, { slug: "twice", title: "Twice" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: 'A course with the slug "twice" already exists',
      details: { field: "slug" },
    });
  });

  it("edits the details and records before → after", async () => {
    const { courseId } = await createCourse(deps, { slug: "details", title: "Draft" });
    const form = ZCourseDetails.parse({
      courseId,
      title: "Final title",
      subtitle: "Sub",
      description: "Long text",
      authors: "Ada Lovelace\r\n\r\nGrace Hopper\n",
      price: "49.99",
      currency: "eur",
      freePreviewParts: "2",
    });
    await updateCourseDetails(deps, form);
    const course = await loadAdminCourse(t.db, courseId);
    expect(course).toMatchObject({ title: "Final title", subtitle: "Sub", priceCents: 4999, currency: "EUR", freePreviewParts: 2 });
    expect(course!.authors).toEqual(["Ada Lovelace", "Grace Hopper"]);
    const audit = (await auditOf(courseId)).find((a) => a.action === "course.update")!;
    expect(JSON.parse(audit.before!)).toMatchObject({ title: "Draft", priceCents: 0, authors: [] });
    expect(JSON.parse(audit.after!)).toMatchObject({ title: "Final title", priceCents: 4999, authors: ["Ada Lovelace", "Grace Hopper"] });

    // Reordering authors keeps both (the unique position is rewritten, not collided with).
    await updateCourseDetails(deps, { ...form, authors: ["Grace Hopper", "Ada Lovelace"] });
    expect((await loadAdminCourse(t.db, courseId))!.authors).toEqual(["Grace Hopper", "Ada Lovelace"]);
  });

  it("publishes and unpublishes; a repeat is not audited again", async () => {
    const { courseId } = await createCourse(deps, { slug: "publishing", title: "P" });
    expect(await setCoursePublished(deps, { courseId, published: true })).toEqual({ changed: true });
    expect(await setCoursePublished(deps, { courseId, published: true })).toEqual({ changed: false });
    expect(await setCoursePublished(deps, { courseId, published: false })).toEqual({ changed: true });
    expect((await auditOf(courseId)).map((a) => a.action)).toEqual(["course.create", "course.publish", "course.unpublish"]);
  });

  it("adds parts and segments in order; a segment's id is the stable id of its slug", async () => {
    const { courseId, ids } = await courseWithSegments("structure");
    expect(ids.a1).toBe(stableSegmentId("structure", "a1"));
    expect(await order(courseId)).toEqual(["Part A: 1.a1 2.a2 3.a3", "Part B: 1.b1"]);
    await expect(addSegment(deps, { partId: (await loadAdminCourse(t.db, courseId))!.parts[0]!.id, slug: "a1", title: "Again" })).rejects.toMatchObject({
      code: "CONFLICT",
      details: { field: "slug" },
    });
  });

  it("reorders within a part and moves between parts, keeping ids and learners' progress", async () => {
    const { courseId, b, ids } = await courseWithSegments("reorder");
    const user = await t.db.user.create({ data: { id: "usr_reorder", name: "L", email: "reorder@example.com" }, select: { id: true } });
    await t.db.segmentProgress.create({ data: { userId: user.id, segmentId: ids.a2, courseId, positionSeconds: 42 }, select: { id: true } });

    await moveSegment(deps, { segmentId: ids.a2, direction: "up", toPartId: null });
    expect(await order(courseId)).toEqual(["Part A: 1.a2 2.a1 3.a3", "Part B: 1.b1"]);
    await moveSegment(deps, { segmentId: ids.a2, direction: "down", toPartId: null });
    expect(await order(courseId)).toEqual(["Part A: 1.a1 2.a2 3.a3", "Part B: 1.b1"]);
    expect(await moveSegment(deps, { segmentId: ids.a1, direction: "up", toPartId: null })).toEqual({ changed: false });

    await moveSegment(deps, { segmentId: ids.a2, direction: null, toPartId: b });
    expect(await order(courseId)).toEqual(["Part A: 1.a1 2.a3", "Part B: 1.b1 2.a2"]);

    const progress = await t.db.segmentProgress.findUniqueOrThrow({
      where: { userId_segmentId: { userId: user.id, segmentId: ids.a2 } },
      select: { positionSeconds: true },
    });
    expect(progress.positionSeconds).toBe(42);
    const moves = (await auditOf(ids.a2)).filter((a) => a.action === "segment.move");
    expect(moves.map((m) => [JSON.parse(m.before!).position, JSON.parse(m.after!).position])).toEqual([
      [2, 1],
      [1, 2],
      [2, 2],
    ]);
  });

  it("moves a part up and down with its segments, audited; first and last stay put", async () => {
    const { courseId, a, b } = await courseWithSegments("part-order");
    expect(await movePart(deps, { partId: b, direction: "up" })).toEqual({ changed: true });
    expect(await order(courseId)).toEqual(["Part B: 1.b1", "Part A: 1.a1 2.a2 3.a3"]);
    expect(await movePart(deps, { partId: b, direction: "up" })).toEqual({ changed: false });
    expect(await movePart(deps, { partId: a, direction: "down" })).toEqual({ changed: false });
    await movePart(deps, { partId: a, direction: "up" });
    expect(await order(courseId)).toEqual(["Part A: 1.a1 2.a2 3.a3", "Part B: 1.b1"]);
    const positions = await t.db.part.findMany({ where: { courseId }, select: { position: true }, orderBy: { position: "asc" } });
    expect(positions.map((p) => p.position)).toEqual([1, 2]);
    expect((await auditOf(b)).filter((x) => x.action === "part.move").map((x) => [JSON.parse(x.before!).position, JSON.parse(x.after!).position])).toEqual([[2, 1]]);
    await expect(movePart(deps, { partId: "no-such-part-id-000000", direction: "up" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses to move a segment into another course's part", async () => {
    const one = await courseWithSegments("move-one");
    const two = await courseWithSegments("move-two");
    await expect(moveSegment(deps, { segmentId: one.ids.a1, direction: null, toPartId: two.a })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      details: { field: "toPartId" },
    });
  });

  it("archives a segment: negative position, gap closed, progress kept, repeat changes nothing", async () => {
    const { courseId, ids } = await courseWithSegments("archive");
    const user = await t.db.user.create({ data: { id: "usr_archive", name: "L", email: "archive@example.com" }, select: { id: true } });
    await t.db.segmentProgress.create({ data: { userId: user.id, segmentId: ids.a1, courseId, positionSeconds: 7 }, select: { id: true } });

    expect(await archiveSegment(deps, { segmentId: ids.a1 })).toEqual({ changed: true });
    expect(await order(courseId)).toEqual(["Part A: 1.a2 2.a3", "Part B: 1.b1"]);
    const row = await t.db.segment.findUniqueOrThrow({ where: { id: ids.a1 }, select: { position: true, archivedAt: true } });
    expect(row.position).toBeLessThan(0);
    expect(row.archivedAt).toEqual(at);
    expect(await t.db.segmentProgress.count({ where: { segmentId: ids.a1 } })).toBe(1);
    expect(await archiveSegment(deps, { segmentId: ids.a1 })).toEqual({ changed: false });

    // A second archive in the same part takes the next free negative position.
    await archiveSegment(deps, { segmentId: ids.a3 });
    const positions = await t.db.segment.findMany({ where: { id: { in: [ids.a1, ids.a3] } }, select: { position: true } });
    expect(new Set(positions.map((p) => p.position)).size).toBe(2);
    expect((await loadAdminCourse(t.db, courseId))!.archived.map((s) => s.slug).sort()).toEqual(["a1", "a3"]);
    await expect(moveSegment(deps, { segmentId: ids.a1, direction: "down", toPartId: null })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("renames a segment and keeps its slug", async () => {
    const { ids } = await courseWithSegments("rename");
    await renameSegment(deps, { segmentId: ids.b1, title: "Better title", subtitle: "now with subtitle" });
    const row = await t.db.segment.findUniqueOrThrow({ where: { id: ids.b1 }, select: { slug: true, title: true, subtitle: true } });
    expect(row).toEqual({ slug: "b1", title: "Better title", subtitle: "now with subtitle" });
    const [rename] = (await auditOf(ids.b1)).filter((a) => a.action === "segment.rename");
    expect(JSON.parse(rename!.before!)).toEqual({ title: "B1", subtitle: "" });
  });

  it("two reorders of one part at the same moment leave unique, gap-free positions (a loser answers 409)", async () => {
    const { courseId, ids } = await courseWithSegments("concurrent");
    const results = await Promise.allSettled([
      moveSegment(deps, { segmentId: ids.a3, direction: "up", toPartId: null }),
      moveSegment(deps, { segmentId: ids.a1, direction: "down", toPartId: null }),
      archiveSegment(deps, { segmentId: ids.a2 }),
    ]);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    }
    const [partA] = (await loadAdminCourse(t.db, courseId))!.parts;
    expect(partA!.segments.map((s) => s.position)).toEqual(partA!.segments.map((_, i) => i + 1));
    const all = await t.db.segment.findMany({ where: { partId: partA!.id }, select: { position: true } });
    expect(new Set(all.map((s) => s.position)).size).toBe(all.length);
  });

  it("two segments added to one part at the same moment both land, one after the other", async () => {
    const { courseId, a } = await courseWithSegments("concurrent-add");
    await Promise.all([addSegment(deps, { partId: a, slug: "x1", title: "X1" }), addSegment(deps, { partId: a, slug: "x2", title: "X2" })]);
    const [partA] = (await loadAdminCourse(t.db, courseId))!.parts;
    expect(partA!.segments.map((s) => s.position)).toEqual([1, 2, 3, 4, 5]);
    expect(partA!.segments.slice(3).map((s) => s.slug).sort()).toEqual(["x1", "x2"]);
  });
});
