import type { Db } from "../db";
import { hasWatchedEnough } from "./completion";
import { parseStoredRanges } from "./ranges-schema";
import { capRanges, mergeRanges, normalizeRanges, totalSeconds, type TRange } from "./watched-ranges";

export type TProgressSegment = { id: string; courseId: string; durationSeconds: number };
export type TRecordProgressInput = {
  userId: string;
  segment: TProgressSegment;
  /** Where to resume; omitted = keep the stored position. */
  positionSeconds?: number;
  ranges: readonly TRange[];
};
export type TProgressState = {
  positionSeconds: number;
  ranges: [number, number][];
  watchedSeconds: number;
  completed: boolean;
};

const MAX_ATTEMPTS = 25;
const roundMs = (n: number) => Math.round(n * 1000) / 1000;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2002" || /unique constraint/i.test(e?.message ?? "");
}

/**
 * Merges the ranges a client reports into the user's stored ranges for a segment.
 * Lock-free and the same on SQLite and PostgreSQL: read the row and its `version`, merge in
 * memory, write back only `WHERE version = <read>` (a compare-and-swap); if another request
 * got there first, re-read and merge again. The first write of a row races on the
 * (userId, segmentId) unique key the same way. Merging is a union, so retries and repeated
 * requests are idempotent and no concurrently reported range is ever lost.
 * The stored ranges are capped at MAX_STORED_RANGES (capRanges joins the smallest gaps, so
 * they may over-claim slightly); `watchedSeconds` and completion count reported seconds only,
 * so the true watched time lies between `watchedSeconds` and the ranges' total.
 * The caller has checked that the user may watch the segment (lib/access).
 */
export async function recordProgress(db: Db, input: TRecordProgressInput): Promise<TProgressState> {
  const { userId, segment } = input;
  const duration = segment.durationSeconds;
  const position =
    input.positionSeconds === undefined ? undefined : Math.max(0, Math.min(input.positionSeconds, duration || Infinity));

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const row = await db.segmentProgress.findUnique({
      where: { userId_segmentId: { userId, segmentId: segment.id } },
      select: { id: true, version: true, watchedRanges: true, watchedSeconds: true, positionSeconds: true, completedAt: true },
    });
    const stored = row ? normalizeRanges(parseStoredRanges(row.watchedRanges), duration) : [];
    const union = mergeRanges(stored, input.ranges, duration);
    const ranges = capRanges(union);
    // Honest watched time: what was counted before plus the reported seconds outside the
    // stored ranges. Gaps capRanges joined are inside the stored ranges, so they never count
    // (and seconds later reported inside them don't either: the total can only err low).
    const before = Math.min(row?.watchedSeconds ?? 0, totalSeconds(stored));
    const watchedSeconds = roundMs(before + totalSeconds(union) - totalSeconds(stored));
    const completedAt = row?.completedAt ?? (hasWatchedEnough(watchedSeconds, duration) ? new Date() : null);
    const positionSeconds = position ?? row?.positionSeconds ?? 0;
    const state = { positionSeconds, ranges, watchedSeconds, completed: completedAt !== null };
    const data = { watchedRanges: JSON.stringify(ranges), watchedSeconds, completedAt, positionSeconds };

    if (!row) {
      try {
        await db.segmentProgress.create({
          data: { userId, segmentId: segment.id, courseId: segment.courseId, ...data },
          select: { id: true },
        });
        return state;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    } else {
      const { count } = await db.segmentProgress.updateMany({
        where: { id: row.id, version: row.version },
        data: { ...data, version: { increment: 1 } },
      });
      if (count === 1) return state;
    }
    // Lost the race: back off a little (jittered) and merge again with the winner's ranges.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * (attempt + 1))));
  }
  throw new Error(`progress for ${userId}/${segment.id} kept changing under ${MAX_ATTEMPTS} attempts`);
}
