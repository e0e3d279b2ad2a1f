import type { Db } from "../../lib/db";
import { hasWatchedEnough } from "../../lib/progress/completion";
import type { TLedger } from "./viewer";

export type TProgressCheck = {
  /** (user, segment) pairs the server acknowledged at least one write for. */
  expectedRows: number;
  storedRows: number;
  acknowledgedWrites: number;
  /** Writes that failed on the client (a timeout, an error status): they may or may not have landed. */
  unacknowledgedWrites: number;
  /** Sum over (user, segment) of the furthest acknowledged position… */
  ackedSeconds: number;
  /** …and of watchedSeconds as stored: never less when no write was lost. */
  storedSeconds: number;
  problems: string[];
};

const EPS = 1e-6;
const near = (a: number, b: number) => Math.abs(a - b) < EPS;

/**
 * Zero lost progress writes. Each viewer reports [0, position] with a growing position, one
 * POST after another, so for every (user, segment):
 * - a row exists if any write was acknowledged, and exactly one;
 * - its ranges are [[0, end]] and watchedSeconds = end, where `end` is one of the positions
 *   sent, at least the furthest acknowledged one (an acknowledged write is never lost) and
 *   at most the furthest sent one (nothing is invented);
 * - its position is the last acknowledged one — or, when a write failed on the client, one
 *   of the positions sent (a timed-out request may still land, and land late);
 * - it is complete exactly when `end` reaches 90 % (lib/progress/completion.ts);
 * and no row exists that nobody reported.
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
    const reported = ledger.get(key);
    if (!reported) {
      problems.push(`${name}: a row nobody reported`);
      continue;
    }
    const ranges = JSON.parse(row.watchedRanges) as number[][];
    const end = ranges.length === 1 && ranges[0]!.length === 2 && near(ranges[0]![0]!, 0) ? ranges[0]![1]! : NaN;
    const wasSent = (p: number) => reported.sent.some((s) => near(s, p));
    const stored = { ranges, watchedSeconds: row.watchedSeconds, positionSeconds: row.positionSeconds, completed: row.completedAt !== null };
    const why = [
      !(end >= reported.maxAcked - EPS) && "an acknowledged range is missing",
      !wasSent(end) && "ranges nobody sent",
      !near(row.watchedSeconds, end) && "watchedSeconds differ from the ranges",
      (reported.failed === 0 ? !near(row.positionSeconds, reported.lastAcked) : !wasSent(row.positionSeconds)) && "wrong position",
      stored.completed !== hasWatchedEnough(end, reported.durationSeconds) && "wrong completion",
    ].filter(Boolean);
    if (why.length > 0) {
      problems.push(
        `${name}: ${why.join(", ")} — stored ${JSON.stringify(stored)}; sent ${JSON.stringify(reported.sent)}, ` +
          `${reported.acked} acknowledged (furthest ${reported.maxAcked}, last ${reported.lastAcked}), ${reported.failed} failed`,
      );
    }
  }
  for (const [key, reported] of ledger) {
    if (!seen.has(key) && reported.acked > 0) {
      problems.push(`${reported.userId} ${reported.course}/${reported.segment}: ${reported.acked} acknowledged writes, no row`);
    }
  }
  const all = [...ledger.values()];
  return {
    expectedRows: all.filter((r) => r.acked > 0).length,
    storedRows: rows.length,
    acknowledgedWrites: all.reduce((n, r) => n + r.acked, 0),
    unacknowledgedWrites: all.reduce((n, r) => n + r.failed, 0),
    ackedSeconds: round(all.reduce((n, r) => n + r.maxAcked, 0)),
    storedSeconds: round(storedSeconds),
    problems,
  };
}

const round = (n: number) => Math.round(n * 1000) / 1000;
