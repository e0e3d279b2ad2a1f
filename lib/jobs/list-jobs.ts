import type { Db } from "../db";

export type TJobRow = {
  id: string;
  status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
  progress: number;
  attempts: number;
  error: string | null;
  sourceName: string;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  segment: { id: string; slug: string; title: string; course: { id: string; slug: string; title: string } };
};

/** The most recent transcode jobs, newest first, for /admin/jobs. */
export async function listJobs(db: Db, options: { take?: number } = {}): Promise<TJobRow[]> {
  const rows = await db.transcodeJob.findMany({
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    select: {
      id: true,
      status: true,
      progress: true,
      attempts: true,
      error: true,
      sourceName: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      segment: { select: { id: true, slug: true, title: true, course: { select: { id: true, slug: true, title: true } } } },
    },
  });
  return rows as TJobRow[];
}

/** Whether the page should keep polling: something is still waiting or encoding. */
export const hasActiveJobs = (jobs: Pick<TJobRow, "status">[]) => jobs.some((j) => j.status === "queued" || j.status === "running");
