// The terminal around lib/commerce/reconcile-orders.ts: `npm run lectern -- reconcile-orders`.
import { createDb } from "../lib/db";
import { loadEnv } from "../lib/env";
import { createStripeClient, stripeApiOptions } from "../lib/commerce/payments/create-stripe-client";
import { reconcileOrders, type TReconciledOrder } from "../lib/commerce/reconcile-orders";

const VERB: Record<TReconciledOrder["decision"], string> = {
  fulfil: "pay",
  fail: "fail",
  expire: "expire",
  wait: "leave pending",
  error: "could not ask",
};

/** Runs one reconciliation, prints a line per pending order and a summary; returns the exit code. */
export async function runReconcileOrders(options: { dryRun: boolean }): Promise<number> {
  const env = loadEnv(process.env);
  const db = createDb(env.DATABASE_URL);
  const stripe = env.STRIPE_SECRET_KEY ? createStripeClient(env.STRIPE_SECRET_KEY, stripeApiOptions(env.STRIPE_API_URL)) : undefined;
  try {
    const results = await reconcileOrders({ db, env, stripe, now: () => new Date() }, { dryRun: options.dryRun });
    for (const r of results) {
      process.stdout.write(`${r.number}  ${r.provider.padEnd(6)}  ${describe(r, options.dryRun).padEnd(18)}  ${r.reason}\n`);
    }
    const count = (pred: (r: TReconciledOrder) => boolean) => results.filter(pred).length;
    const changed = count((r) => r.changed);
    const errors = count((r) => r.decision === "error");
    const summary = options.dryRun
      ? `Dry run: ${results.length} pending orders; ${count((r) => r.decision !== "wait" && r.decision !== "error")} would change. Nothing was changed.`
      : `${results.length} pending orders looked at: ${changed} changed (${count((r) => r.changed && r.status === "paid")} paid, ` +
        `${count((r) => r.changed && r.status === "failed")} failed, ${count((r) => r.changed && r.status === "expired")} expired, ` +
        `${count((r) => r.changed && r.status === "void")} void), ${count((r) => !r.changed && r.decision !== "error")} left pending.`;
    process.stdout.write(`${summary}${errors ? ` ${errors} could not be checked (see ERROR lines).` : ""}\n`);
    if (results.some((r) => r.provider === "local" && r.decision === "wait")) {
      process.stdout.write(
        "Local test payments have no record outside this database: a pending local order is paid only by its buyer on the test page, and expires after 30 minutes.\n",
      );
    }
    return errors ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

function describe(r: TReconciledOrder, dryRun: boolean): string {
  if (r.decision === "error") return "ERROR";
  if (r.decision === "wait") return "left pending";
  if (dryRun) return `would ${VERB[r.decision]}`;
  // Not changed by this run: a webhook (or another run) settled it at the same moment.
  return r.changed ? `pending → ${r.status}` : `already ${r.status}`;
}
