/**
 * `npm run lectern -- <command> …`: the command line as data. Pure, so every bad flag has a
 * tested one-line message (scripts/lectern.ts prints it and exits 2).
 */
export type TLecternCommand =
  | { command: "help" }
  | { command: "import"; folder: string; dryRun: boolean; force: boolean; fast: boolean; jobs: number | undefined };

/** A command line that cannot be run: one line naming the problem. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const MAX_JOBS = 16;

export const USAGE = `Usage: npm run lectern -- import <course-folder> [--dry-run] [--force] [--fast] [--jobs N]

Imports the course in <course-folder> (its course.yaml and the sources it names):
validates the manifest and every source, encodes what changed, then writes the course
to the database in one transaction.

  --dry-run   validate and show what would be encoded; change nothing
  --force     re-encode every segment even when its media is current
  --fast      encode recordings with x264's fastest preset (a quick draft; a later
              run without --fast encodes them again at quality)
  --jobs N    encodes at a time, 1–${MAX_JOBS} (default: fit for this machine)
  -h, --help  show this help`;

export function parseLecternArgs(argv: readonly string[]): TLecternCommand {
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  if (args.length === 0) throw new UsageError("no command given; try `npm run lectern -- import <course-folder>` (or --help)");
  if (args.includes("--help") || args.includes("-h") || args[0] === "help") return { command: "help" };
  const [command, ...rest] = args;
  if (command !== "import") throw new UsageError(`unknown command "${command}"; the commands are "import" and "reconcile-orders" (see --help)`);

  let folder: string | undefined;
  let dryRun = false;
  let force = false;
  let fast = false;
  let jobs: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--force") force = true;
    else if (arg === "--fast") fast = true;
    else if (arg === "--jobs" || arg.startsWith("--jobs=")) {
      const value = arg === "--jobs" ? rest[++i] : arg.slice("--jobs=".length);
      if (value === undefined || value === "") throw new UsageError("--jobs needs a number, e.g. --jobs 2");
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_JOBS) {
        throw new UsageError(`--jobs must be a whole number from 1 to ${MAX_JOBS}, got "${value}"`);
      }
      jobs = Number(value);
    } else if (arg.startsWith("-")) throw new UsageError(`unknown option "${arg}" (see --help)`);
    else if (folder !== undefined) throw new UsageError(`one course folder at a time; got "${folder}" and "${arg}"`);
    else folder = arg;
  }
  if (folder === undefined) throw new UsageError("import needs a course folder, e.g. `npm run lectern -- import content/my-course`");
  if (dryRun && force) throw new UsageError("--dry-run and --force contradict each other; pick one");
  return { command: "import", folder, dryRun, force, fast, jobs };
}
