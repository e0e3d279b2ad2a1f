import { randomUUID } from "node:crypto";
import type { Db } from "../db";

/**
 * How long a claimed job is reserved for its worker. The worker renews it every
 * LEASE_RENEW_MS while ffmpeg runs, so a live worker never loses it; a worker that died
 * (SIGKILL, power loss) leaves the job to be claimed again once this lapses.
 */
export const JOB_LEASE_MS = 60_000;
export const LEASE_RENEW_MS = JOB_LEASE_MS / 4;
/** A job whose worker died this many times is given up (a file that kills the worker). */
export const MAX_JOB_ATTEMPTS = 3;

/** A claimed job: only the holder of `leaseToken` may record its progress or outcome. */
export type TJobLease = { id: string; leaseToken: string };

export type TClaimedJob = TJobLease & {
  segmentId: string;
  sourcePath: string;
  sourceName: string;
  attempts: number;
};

/**
 * Claims the oldest job that is queued, or running under a lease that has lapsed (its worker
 * died). Two workers never hold one job: the claim is a conditional update on the row's
 * status, attempt count and lease (the attempt count is the version), and only one update
 * matches. A lapsed job that has already been tried MAX_JOB_ATTEMPTS times fails instead.
 */
export async function claimNextJob(db: Db, options: { now?: Date; leaseMs?: number } = {}): Promise<TClaimedJob | null> {
  const now = options.now ?? new Date();
  const leaseMs = options.leaseMs ?? JOB_LEASE_MS;
  const candidates = await db.transcodeJob.findMany({
    where: { OR: [{ status: "queued" }, { status: "running", leaseUntil: { lt: now } }] },
    orderBy: { createdAt: "asc" },
    take: 10,
    select: { id: true, status: true, attempts: true, segmentId: true, sourcePath: true, sourceName: true },
  });
  for (const job of candidates) {
    const same = {
      id: job.id,
      status: job.status,
      attempts: job.attempts,
      ...(job.status === "running" ? { leaseUntil: { lt: now } } : {}),
    };
    if (job.status === "running" && job.attempts >= MAX_JOB_ATTEMPTS) {
      await db.transcodeJob.updateMany({
        where: same,
        data: {
          status: "failed",
          error: `The worker stopped ${job.attempts} times while transcoding this file; not tried again (retry it to try once more).`,
          leaseToken: null,
          leaseUntil: null,
          finishedAt: now,
        },
      });
      continue;
    }
    const leaseToken = randomUUID();
    const claimed = await db.transcodeJob.updateMany({
      where: same,
      data: {
        status: "running",
        attempts: job.attempts + 1,
        leaseToken,
        leaseUntil: new Date(now.getTime() + leaseMs),
        startedAt: now,
        progress: 0,
        error: null,
      },
    });
    if (claimed.count !== 1) continue; // another worker took it first
    return { id: job.id, leaseToken, segmentId: job.segmentId, sourcePath: job.sourcePath, sourceName: job.sourceName, attempts: job.attempts + 1 };
  }
  return null;
}

/** Extends the lease; false when it is no longer ours (it lapsed and another worker took the job). */
export async function renewJobLease(db: Db, lease: TJobLease, options: { now?: Date; leaseMs?: number } = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const { count } = await db.transcodeJob.updateMany({
    where: { ...lease, status: "running" },
    data: { leaseUntil: new Date(now.getTime() + (options.leaseMs ?? JOB_LEASE_MS)) },
  });
  return count === 1;
}

/** Stores progress (0..1) while the lease is ours; false otherwise. */
export async function recordJobProgress(db: Db, lease: TJobLease, progress: number): Promise<boolean> {
  const { count } = await db.transcodeJob.updateMany({
    where: { ...lease, status: "running" },
    data: { progress: Math.max(0, Math.min(1, progress)) },
  });
  return count === 1;
}

/** The job failed: its one-line reason is kept for the admin, who may retry it. */
export async function failJob(db: Db, lease: TJobLease, reason: string, now = new Date()): Promise<boolean> {
  const { count } = await db.transcodeJob.updateMany({
    where: { ...lease, status: "running" },
    data: { status: "failed", error: reason.slice(0, 1000), leaseToken: null, leaseUntil: null, finishedAt: now },
  });
  return count === 1;
}

/**
 * A worker that stops (SIGTERM) hands its job back at once instead of letting the lease lapse;
 * the interrupted attempt does not count against the job.
 */
export async function releaseJob(db: Db, lease: TJobLease): Promise<boolean> {
  const { count } = await db.transcodeJob.updateMany({
    where: { ...lease, status: "running" },
    data: { status: "queued", attempts: { decrement: 1 }, leaseToken: null, leaseUntil: null, progress: 0, startedAt: null },
  });
  return count === 1;
}
