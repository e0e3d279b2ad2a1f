import type { Db } from "../db";
import { AppError, notFound } from "../errors";

/**
 * An admin's Retry: a failed (or cancelled) job goes back to the queue with a fresh attempt
 * budget. Conditional on the status, so two clicks queue it once; a queued, running or
 * succeeded job is a 409. Takes a transaction too (the admin action audits in it).
 */
export async function retryJob(db: Pick<Db, "transcodeJob">, jobId: string): Promise<{ before: string; after: "queued" }> {
  const job = await db.transcodeJob.findUnique({ where: { id: jobId }, select: { status: true } });
  if (!job) throw notFound("Job");
  const { count } = await db.transcodeJob.updateMany({
    where: { id: jobId, status: { in: ["failed", "cancelled"] } },
    data: { status: "queued", attempts: 0, progress: 0, error: null, leaseToken: null, leaseUntil: null, startedAt: null, finishedAt: null },
  });
  if (count !== 1) throw new AppError("CONFLICT", `This job is ${job.status}; only a failed or cancelled job can be retried.`);
  return { before: job.status, after: "queued" };
}
