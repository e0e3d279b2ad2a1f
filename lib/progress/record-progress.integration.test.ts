import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { AppError } from "../errors";
import { ANONYMOUS } from "../access/viewer";
import { recordProgress } from "./record-progress";
import { readSegmentProgress } from "./read-progress";
import { reportProgress } from "./report-progress";
import { MAX_STORED_RANGES, totalSeconds } from "./watched-ranges";
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

describe("recordProgress past the stored-range cap (issue 8)", () => {
  // 600 reports of 0.89 s, one per second of a 600 s segment: 534 s (89 %) really watched, in
  // 600 disjoint ranges. More than the cap, so the smallest gaps get joined in the stored
  // ranges — which then claim more than 90 % — but watched time and completion stay honest.
  const DURATION = 600;
  const report = (i: number) => [i, i + 0.89] as [number, number];

  it("keeps at most MAX_STORED_RANGES ranges, all watched seconds, and no completion from joined gaps", async () => {
    const course = await createPreviewCourse(t.db);
    const user = await createUser(t.db);
    const s = { id: course.free.id, courseId: course.id, durationSeconds: DURATION };
    let state;
    for (let i = 0; i < 600; i++) state = await recordProgress(t.db, { userId: user.id, segment: s, ranges: [report(i)] });
    expect(state!.ranges.length).toBeLessThanOrEqual(MAX_STORED_RANGES);
    expect(state!.watchedSeconds).toBeCloseTo(534, 6);
    expect(state!.completed).toBe(false);

    const stored = await readSegmentProgress(t.db, user.id, course.free.id);
    expect(stored!.ranges.length).toBeLessThanOrEqual(MAX_STORED_RANGES);
    expect(stored!.watchedSeconds).toBeCloseTo(534, 6);
    expect(stored!.completed).toBe(false);
    // The ranges over-claim by the joined gaps only: the 100 smallest (0.11 s each) = 11 s.
    expect(totalSeconds(stored!.ranges)).toBeCloseTo(545, 6);
    // Every reported second is still covered (nothing was dropped).
    for (let i = 0; i < 600; i++) {
      const [a, b] = report(i);
      expect(stored!.ranges.some(([s0, e0]) => s0 <= a + 1e-9 && b <= e0 + 1e-9), `range ${i}`).toBe(true);
    }

    // Watching the rest for real completes it.
    state = await recordProgress(t.db, { userId: user.id, segment: s, ranges: [[0, DURATION]] });
    expect(state.completed).toBe(true);
    expect(state.ranges).toEqual([[0, DURATION]]);
  });

  it("reads a stored value over the cap (written before it existed) as coalesced ranges, and merges into it", async () => {
    const course = await createPreviewCourse(t.db);
    const user = await createUser(t.db);
    const legacy = Array.from({ length: 600 }, (_, i) => report(i));
    await t.db.segmentProgress.create({
      data: {
        userId: user.id, segmentId: course.free.id, courseId: course.id,
        watchedRanges: JSON.stringify(legacy), watchedSeconds: 534, positionSeconds: 12,
      },
      select: { id: true },
    });
    const read = await readSegmentProgress(t.db, user.id, course.free.id);
    expect(read!.ranges.length).toBeLessThanOrEqual(MAX_STORED_RANGES);
    expect(read!.ranges[0]![0]).toBe(0);
    expect(read!.ranges.at(-1)![1]).toBe(599.89);
    expect(read!.watchedSeconds).toBe(534);

    const s = { id: course.free.id, courseId: course.id, durationSeconds: DURATION };
    const state = await recordProgress(t.db, { userId: user.id, segment: s, ranges: [[599.89, 600]] });
    expect(state.watchedSeconds).toBeCloseTo(534.11, 6);
    expect(state.ranges.length).toBeLessThanOrEqual(MAX_STORED_RANGES);
    expect(totalSeconds(state.ranges)).toBeGreaterThan(534);
    expect(state.completed).toBe(false);
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
