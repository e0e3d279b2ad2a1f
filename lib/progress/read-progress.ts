import type { Db } from "../db";
import { parseStoredRanges } from "./ranges-schema";

export type TSegmentProgress = {
  positionSeconds: number;
  ranges: [number, number][];
  watchedSeconds: number;
  completed: boolean;
};

/** The user's progress on one segment, or null when they have none. */
export async function readSegmentProgress(db: Db, userId: string, segmentId: string): Promise<TSegmentProgress | null> {
  const row = await db.segmentProgress.findUnique({
    where: { userId_segmentId: { userId, segmentId } },
    select: { positionSeconds: true, watchedRanges: true, watchedSeconds: true, completedAt: true },
  });
  if (!row) return null;
  return {
    positionSeconds: row.positionSeconds,
    ranges: parseStoredRanges(row.watchedRanges),
    watchedSeconds: row.watchedSeconds,
    completed: row.completedAt !== null,
  };
}
