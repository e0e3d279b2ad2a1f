import type { Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";

export type TEnqueueTranscode = {
  segmentId: string;
  /** Relative to UPLOAD_ROOT. */
  sourcePath: string;
  sourceName: string;
  createdById: string | null;
};

/**
 * Queues the transcode of an uploaded source for a segment. A newer upload for the same segment
 * supersedes jobs of it that have not started: they are cancelled (a running one finishes, and
 * this one, queued after it, replaces its media when it succeeds).
 */
export async function enqueueTranscode(
  db: Db,
  input: TEnqueueTranscode,
  /** Runs in the same transaction with the new job's id (the audit row). */
  alsoInTransaction?: (tx: Prisma.TransactionClient, jobId: string) => Promise<void>,
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await tx.transcodeJob.updateMany({
      where: { segmentId: input.segmentId, status: "queued" },
      data: { status: "cancelled", error: "Replaced by a newer upload.", finishedAt: new Date() },
    });
    const job = await tx.transcodeJob.create({
      data: {
        segmentId: input.segmentId,
        sourcePath: input.sourcePath,
        sourceName: input.sourceName,
        createdById: input.createdById,
      },
      select: { id: true },
    });
    await alsoInTransaction?.(tx, job.id);
    return job;
  });
}
