// `npm run worker`: transcodes uploaded videos (TranscodeJob rows) into segments' media, one at
// a time, until SIGTERM or Ctrl-C (docs/decisions/012-jobs-and-uploads.md). Run as many as the
// machine has room for: jobs are claimed under a lease, never twice.
import { createDb } from "../lib/db";
import { loadEnv } from "../lib/env";
import { requireMediaTools } from "../lib/ingest/require-media-tools";
import { startWorker } from "../lib/jobs/run-worker";

const stamp = () => new Date().toISOString();
const log = (line: string) => console.log(`${stamp()} ${line}`);

async function main() {
  const env = loadEnv(process.env);
  requireMediaTools();
  const db = createDb(env.DATABASE_URL);
  const worker = startWorker({ db, mediaRoot: env.MEDIA_ROOT, uploadRoot: env.UPLOAD_ROOT, log });
  log(`worker: started (pid ${process.pid}, media ${env.MEDIA_ROOT}, uploads ${env.UPLOAD_ROOT})`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`worker: ${signal}, stopping (a running job goes back to the queue)`);
    void worker
      .stop()
      .then(() => db.$disconnect())
      .then(() => {
        log("worker: stopped");
        process.exit(0);
      });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  await worker.done;
}

main().catch((error) => {
  console.error(`worker: ${(error as Error).message}`);
  process.exit(1);
});
