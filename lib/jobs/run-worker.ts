import type { Db } from "../db";
import { claimNextJob } from "./job-lease";
import { runTranscodeJob, type TJobOutcome } from "./run-transcode-job";

/** With nothing to do, the queue is looked at again this often. */
export const IDLE_POLL_MS = 2_000;

export type TWorker = {
  /** Resolves when the loop has ended (after stop(), or a claim that keeps failing is not a reason). */
  done: Promise<void>;
  /** Stops claiming; a running job is handed back to the queue and its ffmpeg stopped. */
  stop(): Promise<void>;
};

export type TWorkerDeps = {
  db: Db;
  mediaRoot: string;
  uploadRoot: string;
  idlePollMs?: number;
  leaseMs?: number;
  leaseRenewMs?: number;
  log?: (line: string) => void;
  onJobDone?: (jobId: string, outcome: TJobOutcome) => void;
};

/**
 * The transcode worker (`npm run worker`, scripts/worker.ts): one job at a time, claimed from
 * the database under a lease (docs/decisions/012-jobs-and-uploads.md). A database error is
 * logged and the loop waits a round; it never ends the worker.
 */
export function startWorker(deps: TWorkerDeps): TWorker {
  const log = deps.log ?? ((line) => console.log(line));
  const stopping = new AbortController();
  let wake: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    while (!stopping.signal.aborted) {
      let job;
      try {
        job = await claimNextJob(deps.db, { leaseMs: deps.leaseMs });
      } catch (error) {
        log(`worker: cannot read the job queue (${(error as Error).message}); trying again`);
        await sleep(deps.idlePollMs ?? IDLE_POLL_MS);
        continue;
      }
      if (!job) {
        await sleep(deps.idlePollMs ?? IDLE_POLL_MS);
        continue;
      }
      log(`job ${job.id}: started (${job.sourceName}, attempt ${job.attempts})`);
      let outcome: TJobOutcome;
      try {
        outcome = await runTranscodeJob(job, { ...deps, log, signal: stopping.signal });
      } catch (error) {
        // Only the database can throw here (recording the outcome); the lease then lapses and
        // the job is claimed again.
        log(`job ${job.id}: could not record its outcome (${(error as Error).message})`);
        outcome = "lost";
      }
      deps.onJobDone?.(job.id, outcome);
    }
  };
  const done = loop();
  return {
    done,
    async stop() {
      stopping.abort(new Error("The worker is stopping."));
      wake?.();
      await done;
    },
  };
}
