import type { Db } from "../../lib/db";
import { hasWatchedEnough } from "../../lib/progress/completion";
import type { TLedger } from "./viewer";

export type TProgressCheck = {
  /** (user, segment) pairs the server acknowledged at least one write for. */
  expectedRows: number;
  storedRows: number;
  acknowledgedWrites: number;
  /** Sum over rows of the seconds the viewers reported and the server acknowledged… */
  postedSeconds: number;
  /** …and of watchedSeconds as stored: equal when no write was lost. */
  storedSeconds: number;
  problems: string[];
};

/**
 * Zero lost progress writes: every (user, segment) the server acknowledged a POST for has
 * exactly one SegmentProgress row whose ranges, watched seconds, position and completion are
 * what the acknowledged reports add up to (each viewer reports [0, position], position growing,
 * one POST after another); and no row exists that nobody reported.
 */
export async function verifyProgress(db: Db, ledger: TLedger, userIds: string[]): Promise<TProgressCheck> {
  const rows = await db.segmentProgress.findMany({
    where: { userId: { in: userIds } },
    select: {
      userId: true,
      positionSeconds: true,
      watchedRanges: true,
      watchedSeconds: true,
      completedAt: true,
      segment: { select: { slug: true, course: { select: { slug: true } } } },
    },
  });
  const problems: string[] = [];
  const seen = new Set<string>();
  let storedSeconds = 0;
  for (const row of rows) {
    const key = `${row.userId}\0${row.segment.course.slug}/${row.segment.slug}`;
    const name = `${row.userId} ${row.segment.course.slug}/${row.segment.slug}`;
    storedSeconds += row.watchedSeconds;
    if (seen.has(key)) problems.push(`${name}: two rows`);
    seen.add(key);
    const acked = ledger.get(key);
    if (!acked) {
      problems.push(`${name}: a row nobody reported`);
      continue;
    }
    const want = {
      ranges: [[0, acked.maxEnd]],
      watchedSeconds: acked.maxEnd,
      positionSeconds: acked.lastPosition,
      completed: hasWatchedEnough(acked.maxEnd, acked.durationSeconds),
    };
    const got = {
      ranges: JSON.parse(row.watchedRanges) as number[][],
      watchedSeconds: row.watchedSeconds,
      positionSeconds: row.positionSeconds,
      completed: row.completedAt !== null,
    };
    const same =
      got.ranges.length === 1 &&
      got.ranges[0]!.length === 2 &&
      got.ranges[0]!.every((n, i) => Math.abs(n - want.ranges[0]![i]!) < 1e-6) &&
      Math.abs(got.watchedSeconds - want.watchedSeconds) < 1e-6 &&
      Math.abs(got.positionSeconds - want.positionSeconds) < 1e-6 &&
      got.completed === want.completed;
    if (!same) problems.push(`${name}: stored ${JSON.stringify(got)}, acknowledged ${JSON.stringify(want)}`);
  }
  for (const [key, acked] of ledger) {
    if (!seen.has(key)) problems.push(`${acked.userId} ${acked.course}/${acked.segment}: ${acked.posts} acknowledged writes, no row`);
  }
  const acks = [...ledger.values()];
  return {
    expectedRows: ledger.size,
    storedRows: rows.length,
    acknowledgedWrites: acks.reduce((n, a) => n + a.posts, 0),
    postedSeconds: round(acks.reduce((n, a) => n + a.maxEnd, 0)),
    storedSeconds: round(storedSeconds),
    problems,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
