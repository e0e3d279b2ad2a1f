// The e2e support scripts that write to or read the e2e database (grant-purchase.ts,
// create-account.ts, read-mail.ts, …) run as processes of their own: Playwright's loader cannot
// load the generated Prisma client. One way to run them, on the database the e2e server uses.
import { execFileSync } from "node:child_process";
import path from "node:path";

/** Runs `e2e/support/<script>` with tsx and returns what it printed; throws when it fails. */
export function runSupportScript(script: string, args: string[] = []): string {
  return execFileSync(path.resolve("node_modules/.bin/tsx"), [path.join(__dirname, script), ...args], {
    env: { ...process.env, E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db" },
    encoding: "utf8",
  });
}

export type TUploadTarget = { courseId: string; courseSlug: string; courseTitle: string; segmentSlug: string; segmentId: string };

/**
 * A fresh priced course with one part and one segment without media (create-upload-target.ts),
 * published unless asked otherwise: something to upload to that no other spec watches.
 */
export function createUploadTarget(published: "published" | "unpublished" = "published"): TUploadTarget {
  return JSON.parse(runSupportScript("create-upload-target.ts", published === "unpublished" ? ["unpublished"] : [])) as TUploadTarget;
}
