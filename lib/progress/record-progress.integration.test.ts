import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { AppError } from "../errors";
import { ANONYMOUS } from "../access/viewer";
import { recordProgress } from "./record-progress";
import { readSegmentProgress } from "./read-progress";
import { reportProgress } from "./report-progress";
import { createPreviewCourse, createUser, grantPurchase } from "./testing/progress-factories";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.cleanup());

const seg = (id: string, courseId: string) => ({ id, courseId, durationSeconds: 60 });

describe("recordProgress", () => {
  it("keeps every range of 10 concurrent merges (no lost update)", async () => {
    const course = await createPreviewCourse(t.db);
    const user = await createUser(t.db);
    const ranges = Array.from({ length: 10 }, (_, i) => [i * 6, i * 6 + 3] as [number, number]);
    await Promise.all(
      ranges.map((r) => recordProgress(t.db, { userId: user.id, segment: seg(course.free.id, course.id), ranges: [r] })),
    );
    const stored = await readSegmentProgress(t.db, user.id, course.free.id);
    expect(stored?.ranges).toEqual(ranges);
    expect(stored?.watchedSeconds).toBe(30);
    expect(stored?.completed).toBe(false);
    expect(await t.db.segmentProgress.count({ where: { userId: user.id } })).toBe(1);
  });

  it("is idempotent and completes only at 90 % really watched", async () => {
    const course = await createPreviewCourse(t.db);
    const user = await createUser(t.db);
    const s = seg(course.free.id, course.id);
    // Seeking to the end: the client reports where it is, but only a sliver played.
    let state = await recordProgress(t.db, { userId: user.id, segment: s, positionSeconds: 59.5, ranges: [[0, 3], [58, 60]] });
    expect(state.completed).toBe(false);
    state = await recordProgress(t.db, { userId: user.id, segment: s, ranges: [[0, 3], [58, 60]] });
    expect(state.watchedSeconds).toBe(5);
    expect(state.positionSeconds).toBe(59.5);
    state = await recordProgress(t.db, { userId: user.id, segment: s, positionSeconds: 52, ranges: [[3, 52]] });
    expect(state.watchedSeconds).toBe(54);
    expect(state.completed).toBe(true);
    // Completion is never taken back, positions beyond the end are clamped.
    state = await recordProgress(t.db, { userId: user.id, segment: s, positionSeconds: 999, ranges: [] });
    expect(state).toMatchObject({ completed: true, positionSeconds: 60 });
  });

  it("survives concurrent first writes and mixed positions from two tabs", async () => {
    const course = await createPreviewCourse(t.db);
    const user = await createUser(t.db);
    const s = seg(course.paid.id, course.id);
    const writes = [];
    for (let i = 0; i < 20; i++) {
      writes.push(recordProgress(t.db, { userId: user.id, segment: s, positionSeconds: i, ranges: [[i * 3, i * 3 + 2]] }));
    }
    await Promise.all(writes);
    const stored = await readSegmentProgress(t.db, user.id, course.paid.id);
    expect(stored?.ranges).toHaveLength(20);
    expect(stored?.watchedSeconds).toBe(40);
  });
});

describe("reportProgress", () => {
  it("rejects anonymous viewers with 401", async () => {
    const course = await createPreviewCourse(t.db);
    await expect(
      reportProgress(t.db, ANONYMOUS, { course: course.slug, segment: "intro", ranges: [[0, 1]] }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("respects the paywall: no progress rows on a paid segment without a purchase", async () => {
    const course = await createPreviewCourse(t.db);
    const user = await createUser(t.db);
    const viewer = { kind: "user" as const, userId: user.id, role: "learner" as const };
    const denied = reportProgress(t.db, viewer, { course: course.slug, segment: "deep-dive", ranges: [[0, 10]] });
    await expect(denied).rejects.toBeInstanceOf(AppError);
    await expect(denied).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.segmentProgress.count({ where: { userId: user.id } })).toBe(0);

    await reportProgress(t.db, viewer, { course: course.slug, segment: "intro", ranges: [[0, 10]] });
    await grantPurchase(t.db, user.id, course.id);
    await reportProgress(t.db, viewer, { course: course.slug, segment: "deep-dive", ranges: [[0, 10]] });
    expect(await t.db.segmentProgress.count({ where: { userId: user.id } })).toBe(2);
  });

  it("only ever writes the caller's own row, whatever the body says", async () => {
    const course = await createPreviewCourse(t.db);
    const alice = await createUser(t.db);
    const bob = await createUser(t.db);
    const viewer = { kind: "user" as const, userId: alice.id, role: "learner" as const };
    await reportProgress(t.db, viewer, { course: course.slug, segment: "intro", ranges: [[0, 5]], userId: bob.id });
    expect(await t.db.segmentProgress.count({ where: { userId: bob.id } })).toBe(0);
    expect(await t.db.segmentProgress.count({ where: { userId: alice.id } })).toBe(1);
  });

  it("rejects malformed reports with a zod error", async () => {
    const course = await createPreviewCourse(t.db);
    const user = await createUser(t.db);
    const viewer = { kind: "user" as const, userId: user.id, role: "learner" as const };
    for (const body of [
      { course: course.slug, segment: "intro", ranges: [[5, 1]] },
      { course: course.slug, segment: "intro", ranges: "0-5" },
      { course: "../etc", segment: "intro", ranges: [] },
      { course: course.slug, segment: "intro", positionSeconds: -1 },
    ]) {
      await expect(reportProgress(t.db, viewer, body)).rejects.toMatchObject({ name: "ZodError" });
    }
  });
});
