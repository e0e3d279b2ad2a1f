/**
 * `npm run lectern -- import <course-folder> [--dry-run] [--force] [--fast] [--jobs N]`
 * `npm run lectern -- reconcile-orders [--dry-run]` (scripts/reconcile-orders-command.ts)
 *
 * Exit codes: 0 done · 1 the course has problems (all listed) or an encode failed · 2 bad
 * command line or folder · 130/143 interrupted (Ctrl-C / SIGTERM; a re-run resumes).
 * The work itself is lib/ingest/import-course-folder.ts; this file is the terminal around it.
 */
import fs from "node:fs";
import { createDb } from "../lib/db";
import { loadEnv } from "../lib/env";
import { defaultJobs, ImportInterruptedError, ImportProblemsError, importCourseFolder } from "../lib/ingest/import-course-folder";
import { parseLecternArgs, USAGE, UsageError } from "../lib/ingest/parse-lectern-args";
import { stopRunningFfmpeg } from "../lib/ingest/run-ffmpeg";
import { parseReconcileArgs, RECONCILE_USAGE } from "../lib/commerce/reconcile-args";
import { runReconcileOrders } from "./reconcile-orders-command";

function fail(code: number, message: string): never {
  process.stderr.write(`lectern: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = argv[0] === "--" ? argv.slice(1) : argv;
  if (args[0] === "reconcile-orders") {
    if (args.includes("--help") || args.includes("-h")) return void process.stdout.write(`${RECONCILE_USAGE}\n`);
    let parsed;
    try {
      parsed = parseReconcileArgs(args.slice(1));
    } catch (error) {
      if (error instanceof UsageError) fail(2, error.message);
      throw error;
    }
    process.exitCode = await runReconcileOrders(parsed);
    return;
  }
  let command;
  try {
    command = parseLecternArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) fail(2, error.message);
    throw error;
  }
  if (command.command === "help") {
    process.stdout.write(`${USAGE}\n\n${RECONCILE_USAGE}\n`);
    return;
  }
  const stat = fs.statSync(command.folder, { throwIfNoEntry: false });
  if (!stat) fail(2, `course folder not found: ${command.folder}`);
  if (!stat.isDirectory()) fail(2, `not a folder: ${command.folder} (give the folder that holds course.yaml)`);

  const env = loadEnv(process.env);
  const db = createDb(env.DATABASE_URL);
  const controller = new AbortController();
  let signalled: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      // A second Ctrl-C: stop now. Unfinished encodes sit in dot-folders the next run removes.
      stopRunningFfmpeg("SIGKILL");
      process.exit(signal === "SIGINT" ? 130 : 143);
    }
    signalled = signal;
    process.stderr.write(`\nlectern: ${signal}: stopping the encodes in flight (again to quit at once)…\n`);
    controller.abort();
    stopRunningFfmpeg("SIGTERM");
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  const jobs = command.jobs ?? defaultJobs();
  try {
    if (!command.dryRun) process.stderr.write(`Importing ${command.folder} (${jobs} encode${jobs === 1 ? "" : "s"} at a time)…\n`);
    const result = await importCourseFolder({
      db,
      folder: command.folder,
      mediaRoot: env.MEDIA_ROOT,
      dryRun: command.dryRun,
      force: command.force,
      speed: command.fast ? "fast" : undefined,
      jobs,
      stream: process.stderr,
      log: (line) => process.stdout.write(`${line}\n`),
      signal: controller.signal,
    });
    if (result.imported) {
      const r = result.imported;
      const t = result.timings;
      const changes = [
        r.archived.segments && `${r.archived.segments} archived`,
        r.restored.segments && `${r.restored.segments} restored`,
        r.removed.parts && `${r.removed.parts} empty parts removed`,
      ].filter(Boolean);
      process.stdout.write(
        `Imported ${result.course}: ${r.parts} parts, ${r.segments} segments${changes.length ? ` (${changes.join(", ")})` : ""}; ` +
          `${result.encoded} encoded, ${result.cached} unchanged${r.unchanged ? "; the database was already up to date" : ""}.\n` +
          `Took ${(t.totalMs / 1000).toFixed(2)} s (validate ${(t.validateMs / 1000).toFixed(2)} s, media ${(t.mediaMs / 1000).toFixed(2)} s, database ${(t.databaseMs / 1000).toFixed(2)} s).\n`,
      );
    }
  } catch (error) {
    if (error instanceof ImportInterruptedError) fail(signalled === "SIGTERM" ? 143 : 130, error.message);
    if (error instanceof ImportProblemsError) fail(1, error.message);
    throw error;
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  // Problems a person can fix are one line each; a stack only for what is a bug.
  const message = (error as Error)?.message ?? String(error);
  fail(1, /^\d+ segments? failed to encode/.test(message) ? message : ((error as Error)?.stack ?? message));
});
