// The crash scenario of `npm run test:load` (issue 13): 50 buyers check out with Stripe (a fake
// Stripe account on loopback, answering the app's real SDK) and pay, Stripe's signed webhooks
// arrive — and the app (`next start`, the production build) is killed with SIGKILL mid-flight.
// Then it restarts, and recovery runs the way it would in production: some buyers press Pay
// again, Stripe redelivers what got no 2xx, `npm run lectern -- reconcile-orders` asks Stripe
// about every pending order, and later Stripe expires the sessions nobody paid. Checked after:
// every paid session has exactly one paid order with one purchase and one receipt, nothing is
// paid or granted that Stripe didn't take, no order is left pending, a second reconciliation
// changes nothing, and on SQLite `PRAGMA integrity_check` is ok right after the kill and at the end.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb } from "../../lib/db";
import { createStripeClient } from "../../lib/commerce/payments/create-stripe-client";
import { NO_SESSION_GRACE_MS } from "../../lib/commerce/reconcile-decision";
import { reconcileOrders } from "../../lib/commerce/reconcile-orders";
import { startFakeStripeAccount, type TFakeEvent } from "../../lib/commerce/testing/fake-stripe-account";
import { sqlitePath } from "../../lib/env";
import { startNext, freePort, type TStartedNext } from "../../deploy/local/start-next";
import { prepareBuyers } from "./buyers";
import { payActionId, pressPay } from "./checkout-client";
import { prepareDatabase } from "./prepare-database";
import { verifyOrders, type TOrderCheck } from "./verify-orders";

const root = path.resolve(__dirname, "../..");

export type TCrashCheck = { name: string; ok: boolean; detail: string };
export type TCrashRun = {
  provider: "sqlite" | "postgres";
  figures: Record<string, number | string>;
  reconcileOutput: string;
  atKill: TOrderCheck["byStatus"];
  final: TOrderCheck;
  checks: TCrashCheck[];
};

const REQUEST_TIMEOUT_MS = 30_000;
/** Buyers start over this many ms; the app is killed once KILL_AFTER_ANSWERS checkouts were answered. */
const STAGGER_MS = 3_000;

/** What the buyer of checkout i does on Stripe's page (most pay; some walk away; some let it time out). */
const fate = (i: number): "pay" | "abandon" | "expire" => (i % 10 === 3 ? "abandon" : i % 10 === 7 ? "expire" : "pay");

export async function runCrashTest(options: {
  provider: "sqlite" | "postgres";
  serverUrl?: string;
  buyers: number;
}): Promise<TCrashRun> {
  const { provider } = options;
  const KILL_AFTER_ANSWERS = Math.max(1, Math.floor(options.buyers * 0.4));
  const database = await prepareDatabase(provider, options.serverUrl);
  const webhookSecret = `whsec_crash_${crypto.randomBytes(12).toString("hex")}`;
  // Stripe answers a session creation in 0.1–0.8 s: checkouts overlap, and some are cut mid-call.
  const account = await startFakeStripeAccount({ webhookSecret, createDelayMs: () => 100 + Math.random() * 700 });
  const port = await freePort();
  const env = {
    DATABASE_URL: database.url,
    LECTERN_SECRET: crypto.randomBytes(32).toString("hex"),
    PAYMENT_PROVIDER: "stripe",
    STRIPE_SECRET_KEY: "sk_test_lectern_crash",
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_URL: `http://127.0.0.1:${account.port}`,
  };
  const figures: Record<string, number | string> = {};
  const checks: TCrashCheck[] = [];
  let app: TStartedNext | undefined;
  const serverLogs: string[] = [];
  const logs: string[] = [];
  const db = createDb(database.url);
  try {
    app = await startNext({ name: "crash-test app", env, port });
    const baseUrl = app.baseURL;
    const webhookUrl = `${baseUrl}/api/webhooks/stripe`;
    const buyers = await prepareBuyers(db, { baseUrl, secret: env.LECTERN_SECRET, count: options.buyers });
    const actionId = payActionId();
    // The first requests load the route modules; not part of what is measured.
    await fetch(`${baseUrl}/courses/${buyers[0]!.course}/checkout`, { headers: { cookie: buyers[0]!.cookie } }).then((r) => r.arrayBuffer());
    await fetch(webhookUrl, { method: "POST", headers: { "stripe-signature": "t=1,v1=0" }, body: "{}" }).then((r) => r.arrayBuffer());

    let killed = false;
    // Events Stripe still owes the app (no 2xx yet): redelivered after the restart.
    const owed = new Map<string, TFakeEvent>();
    const sent = { events: 0, deliveries: 0, ok: 0, failed: 0, duplicates: 0 };
    const deliver = async (event: TFakeEvent) => {
      sent.deliveries++;
      const d = await account.deliver(event, webhookUrl, REQUEST_TIMEOUT_MS);
      if (d.status !== null && d.status >= 200 && d.status < 300) {
        sent.ok++;
        owed.delete(event.id);
      } else {
        sent.failed++;
        if (!killed) logs.push(`webhook ${event.type} got ${d.status ?? d.error} while the app was up`);
      }
    };
    const actOnSession = async (i: number, sessionId: string) => {
      await new Promise((r) => setTimeout(r, Math.random() * 300)); // the buyer on Stripe's page
      const what = fate(i);
      if (what === "abandon") return;
      const event = what === "pay" ? account.pay(sessionId) : account.expire(sessionId);
      sent.events++;
      owed.set(event.id, event);
      // Stripe delivers at least once: every fifth event twice at the same moment.
      if (i % 5 === 0) {
        sent.duplicates++;
        await Promise.all([deliver(event), deliver(event)]);
      } else await deliver(event);
    };
    const sessionIdOf = (redirect: string) => /\/c\/pay\/(cs_test_\w+)$/.exec(redirect)?.[1];

    // ---- Phase 1: checkouts and webhooks, then SIGKILL mid-flight.
    let answered = 0;
    let inFlight = 0;
    let onKill: () => void = () => {};
    const killNow = new Promise<void>((r) => (onKill = r));
    const cut: number[] = [];
    const afterPay: Promise<void>[] = [];
    const started = performance.now();
    const phase1 = buyers.map(async (buyer, i) => {
      await new Promise((r) => setTimeout(r, (i * STAGGER_MS) / buyers.length));
      if (killed) return void cut.push(i);
      inFlight++;
      const answer = await pressPay(baseUrl, { actionId, cookie: buyer.cookie, course: buyer.course, timeoutMs: REQUEST_TIMEOUT_MS });
      inFlight--;
      if (!answer.ok) {
        if (!killed) logs.push(`checkout ${i} failed while the app was up: ${answer.error}`);
        return void cut.push(i);
      }
      const sessionId = sessionIdOf(answer.redirect);
      if (!sessionId) return void logs.push(`checkout ${i} redirected to ${answer.redirect}, not to Stripe`);
      if (++answered === KILL_AFTER_ANSWERS) onKill();
      afterPay.push(actOnSession(i, sessionId));
    });
    const safety = setTimeout(onKill, 90_000);
    await Promise.race([killNow, Promise.all(phase1)]);
    clearTimeout(safety);
    figures["checkouts in flight at the kill"] = inFlight;
    figures["webhook deliveries in flight at the kill"] = sent.deliveries - sent.ok - sent.failed;
    killed = true;
    await app.stop("SIGKILL");
    serverLogs.push(app.output());
    figures["killed after (s)"] = Math.round((performance.now() - started) / 100) / 10;
    await Promise.all(phase1);
    await Promise.all(afterPay);
    figures["checkouts answered before the kill"] = answered;
    figures["checkouts cut by the kill"] = cut.length;
    figures["webhook deliveries 2xx / failed before restart"] = `${sent.ok} / ${sent.failed}`;

    // SQLite: the file as the killed process left it (with its -wal) must be whole.
    if (provider === "sqlite") {
      const integrity = sqliteIntegrity(database.url);
      figures["integrity_check after the kill"] = integrity;
      checks.push({ name: "SQLite integrity_check ok right after SIGKILL", ok: integrity === "ok", detail: integrity });
    }
    const atKill = (await verifyOrders(db, account, { nonePending: false })).byStatus;
    // A crash between Stripe creating the session and the app storing its id: only the
    // webhook's metadata or reconcile-orders' search by time can find these.
    figures["pending orders without a session id at the kill"] = await db.order.count({ where: { status: "pending", providerRef: null } });

    // ---- Phase 2: restart, then every recovery path.
    const restartedAt = performance.now();
    app = await startNext({ name: "crash-test app (restarted)", env, port });
    figures["restart to healthy (s)"] = Math.round((performance.now() - restartedAt) / 100) / 10;
    killed = false;

    // Half the buyers whose checkout the crash cut press Pay again: the same pending order and,
    // through the idempotency key, the same Stripe session come back.
    const retries = cut.filter((_, k) => k % 2 === 0);
    const retried = await Promise.all(
      retries.map(async (i) => {
        const b = buyers[i]!;
        const answer = await pressPay(baseUrl, { actionId, cookie: b.cookie, course: b.course, timeoutMs: REQUEST_TIMEOUT_MS });
        if (!answer.ok) return void logs.push(`retried checkout ${i} failed after the restart: ${answer.error}`);
        const sessionId = sessionIdOf(answer.redirect);
        if (!sessionId) return void logs.push(`retried checkout ${i} redirected to ${answer.redirect}`);
        if (account.sessions.get(sessionId)?.status === "open") await actOnSession(i, sessionId);
      }),
    );
    figures["checkouts retried after the restart"] = retried.length;

    // Stripe redelivers what it still owes — first half now, the rest after the reconciliation.
    const owedAtRestart = [...owed.values()];
    figures["webhook events owed at the restart"] = owedAtRestart.length;
    const half = Math.ceil(owedAtRestart.length / 2);
    await Promise.all(owedAtRestart.slice(0, half).map(deliver));
    const beforeReconcile = await verifyOrders(db, account, { nonePending: false });

    const reconcileEnv = { ...env, NODE_ENV: "production" };
    const first = await runLectern(["reconcile-orders"], reconcileEnv);
    const afterReconcile = await verifyOrders(db, account, { nonePending: false });
    figures["orders paid by the reconciliation"] = (afterReconcile.byStatus.paid ?? 0) - (beforeReconcile.byStatus.paid ?? 0);
    checks.push({ name: "reconcile-orders exits 0", ok: first.code === 0, detail: `exit ${first.code}: ${first.stderr.slice(0, 300)}` });

    await Promise.all(owedAtRestart.slice(half).map(deliver));
    const second = await runLectern(["reconcile-orders"], reconcileEnv);
    const changedAgain = /: (\d+) changed/.exec(second.stdout)?.[1];
    checks.push({
      name: "a second reconcile-orders changes nothing",
      ok: second.code === 0 && changedAgain === "0",
      detail: second.stdout.split("\n").filter(Boolean).at(-1) ?? second.stderr,
    });

    // Later: Stripe expires the sessions nobody paid (and reports it), and a reconciliation
    // after the grace period fails the orders whose checkout never reached Stripe.
    for (const s of account.sessions.values()) {
      if (s.status === "open") {
        const event = account.expire(s.id);
        owed.set(event.id, event);
        await deliver(event);
      }
    }
    const later = new Date(Date.now() + NO_SESSION_GRACE_MS + 60_000);
    const stripe = createStripeClient(env.STRIPE_SECRET_KEY, account.client);
    const envForLib = {
      SMTP_URL: undefined,
      MAIL_FROM: "Lectern <no-reply@lectern.local>",
      APP_URL: baseUrl,
      SELLER_NAME: "Lectern",
      SELLER_ADDRESS: "",
      // The invoice issued when a reconciled order is paid (lib/commerce/invoices): the app's defaults.
      SELLER_TAX_ID: "",
      INVOICE_PREFIX: "INV-",
      TAX_RATE_PERCENT: 0,
      TAX_LABEL: "VAT",
    };
    const late = await reconcileOrders({ db, env: envForLib, stripe, now: () => later });
    figures["orders failed by the late reconciliation (no session)"] = late.filter((r) => r.changed && r.status === "failed").length;

    const final = await verifyOrders(db, account, { nonePending: true });
    figures["webhook events sent / deliveries / 2xx"] = `${sent.events} / ${sent.deliveries} / ${sent.ok}`;
    checks.push({
      name: "every paid session: one paid order, one purchase, one receipt; nothing granted unpaid; no order pending",
      ok: final.problems.length === 0 && final.paidSessions > 0,
      detail: final.problems.slice(0, 8).join(" | ") || `${final.paidSessions} paid sessions`,
    });
    checks.push({ name: "Stripe got a 2xx for every event in the end", ok: owed.size === 0, detail: `${owed.size} events never acknowledged` });
    checks.push({
      name: "the kill hit work in flight (checkouts or webhooks cut)",
      ok: cut.length > 0 && owedAtRestart.length > 0,
      detail: `${cut.length} checkouts cut, ${owedAtRestart.length} events owed at the restart`,
    });
    checks.push({ name: "no failure while the app was up", ok: logs.length === 0, detail: logs.slice(0, 5).join(" | ") });
    await app.stop();
    serverLogs.push(app.output());
    app = undefined;
    const errorLines = serverLogs.flatMap((log) => log.split("\n")).filter((line) => /error|SQLITE_BUSY|unhandled/i.test(line));
    checks.push({ name: "the app logged no errors, before the kill or after", ok: errorLines.length === 0, detail: errorLines.slice(0, 5).join(" | ") });
    if (provider === "sqlite") {
      const integrity = sqliteIntegrity(database.url);
      figures["integrity_check at the end"] = integrity;
      checks.push({ name: "SQLite integrity_check ok at the end", ok: integrity === "ok", detail: integrity });
    }
    return { provider, figures, reconcileOutput: first.stdout, atKill, final, checks };
  } finally {
    await app?.stop("SIGKILL");
    if (app) serverLogs.push(app.output());
    fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
    fs.writeFileSync(path.join(root, `test-results/crash-${provider}-server.log`), serverLogs.join("\n----- SIGKILL, restart -----\n"));
    await db.$disconnect();
    await account.close();
    await database.drop();
  }
}

/** `PRAGMA integrity_check` on the database file, read-only (the -wal a killed writer left is read, not replayed into the file). */
function sqliteIntegrity(url: string): string {
  const sqlite = new Database(sqlitePath(url), { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    sqlite.close();
  }
}

/** `npm run lectern -- <args>` as an operator runs it (the same tsx entry point), with `env`. */
function runLectern(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["scripts/lectern.ts", ...args],
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
