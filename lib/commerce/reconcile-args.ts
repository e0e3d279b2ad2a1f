import { UsageError } from "../ingest/parse-lectern-args";

export const RECONCILE_USAGE = `Usage: npm run lectern -- reconcile-orders [--dry-run]

Asks the payment provider for the truth of every pending order and applies it the way its
webhook would have: a paid Stripe session pays the order (once: a webhook for it later changes
nothing), an expired one fails it, an open one is left to Stripe. For the recovery after a
crash or a webhook outage; idempotent and safe to run at any time, beside the running app.
Local test-page orders have no outside record: they are expired after their 30 minutes.
Prints one line per pending order and what changed. Exit 1 when the provider could not be asked.

  --dry-run   say what would change; change nothing`;

/** The arguments after `reconcile-orders`. */
export function parseReconcileArgs(args: readonly string[]): { command: "reconcile-orders"; dryRun: boolean } {
  let dryRun = false;
  for (const arg of args) {
    if (arg === "--dry-run") dryRun = true;
    else if (arg.startsWith("-")) throw new UsageError(`unknown option "${arg}" for reconcile-orders (see --help)`);
    else throw new UsageError(`reconcile-orders takes no arguments, got "${arg}"`);
  }
  return { command: "reconcile-orders", dryRun };
}
