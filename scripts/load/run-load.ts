// One run of the load test (scripts/load-test.ts; `npm run bench` runs it shorter): a freshly
// migrated and seeded database, `next start`, VIEWERS simulated viewers for SECONDS (half of
// them signed-in learners), then the progress rows checked against what the server acknowledged.
import crypto from "node:crypto";
import fs from "node:fs";
import { createDb } from "../../lib/db";
import { prepareAudience } from "./audience";
import { startApp } from "./app-server";
import { createHttpClient } from "./http-client";
import { ENDPOINTS, LatencyLog, type TEndpointFigures, type TEndpoint } from "./latency";
import { prepareDatabase } from "./prepare-database";
import { verifyProgress, type TProgressCheck } from "./verify-progress";
import { runViewer, type TLedger, type TViewerPlan } from "./viewer";
import { warmUp } from "./warm-up";

export type TProvider = "sqlite" | "postgres";
export type TCheck = { name: string; ok: boolean; detail: string };
export type TRun = {
  provider: TProvider;
  viewers: { anonymous: number; learners: number };
  seconds: number;
  endpoints: Record<TEndpoint, TEndpointFigures>;
  streamedMB: number;
  progress: TProgressCheck;
  errorSamples: string[];
  checks: TCheck[];
};

/** Half the audience signed in with a purchase (paid segments, progress), half anonymous (free preview). */
export type TLoadOptions = { viewers: number; seconds: number; serverUrl?: string };

/**
 * Viewers arrive over the first seconds and each watches for SECONDS, so they also leave over
 * RAMP_MS: a crowd leaving in one millisecond (100 final progress saves at once) is not an audience.
 */
const RAMP_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;

export async function runLoad(provider: TProvider, options: TLoadOptions): Promise<TRun> {
  const { viewers: VIEWERS, seconds: SECONDS, serverUrl } = options;
  const LEARNERS = Math.ceil(VIEWERS / 2);
  const started = Date.now();
  const database = await prepareDatabase(provider, serverUrl);
  const secret = crypto.randomBytes(32).toString("hex");
  const app = await startApp({ DATABASE_URL: database.url, LECTERN_SECRET: secret });
  const http = createHttpClient(app.baseURL, { maxSockets: 2 * VIEWERS, timeoutMs: REQUEST_TIMEOUT_MS });
  const log = new LatencyLog();
  const ledger: TLedger = new Map();
  let progress: TProgressCheck;
  let stragglers = false;
  let serverErrors: string[] = [];
  let serverEnded: string | null = null;
  try {
    const setupDb = createDb(database.url);
    const audience = await prepareAudience(setupDb, http, { baseUrl: app.baseURL, secret, learners: LEARNERS }).finally(() =>
      setupDb.$disconnect(),
    );
    await warmUp(http, audience, app.baseURL);
    console.log(
      `  ${provider}: ready in ${((Date.now() - started) / 1000).toFixed(1)} s — ${audience.free.length} free and ` +
        `${audience.paid.length} paid segments, ${audience.learners.length} learners; ${VIEWERS} viewers for ${SECONDS} s…`,
    );

    const plans: TViewerPlan[] = Array.from({ length: VIEWERS }, (_, i) => {
      // Learners and anonymous viewers alternate, so both arrive throughout the ramp.
      const learner = i % 2 === 0 ? (audience.learners[i / 2] ?? null) : null;
      const watchlist = learner ? audience.paid : audience.free;
      return { learner, watchlist, firstIndex: (i * 7) % watchlist.length, variant: i };
    });
    log.start = performance.now();
    const viewers = plans.map(async (plan, i) => {
      await new Promise((r) => setTimeout(r, (i * RAMP_MS) / VIEWERS));
      const deadline = performance.now() + SECONDS * 1000;
      await runViewer({ http, log, ledger, origin: app.baseURL, deadline }, plan);
    });
    // Viewers stop at their deadline; a request in flight then has REQUEST_TIMEOUT_MS to finish.
    const bound = new Promise<"late">((r) =>
      setTimeout(() => r("late"), RAMP_MS + SECONDS * 1000 + 3 * REQUEST_TIMEOUT_MS).unref(),
    );
    stragglers = (await Promise.race([Promise.all(viewers), bound])) === "late";
  } finally {
    http.close();
    serverEnded = app.exitedEarly();
    await app.stop();
    fs.mkdirSync("test-results", { recursive: true });
    fs.writeFileSync(`test-results/load-${provider}-server.log`, app.output());
    serverErrors = app
      .output()
      .split("\n")
      .filter((line) => /error|SQLITE_BUSY|unhandled/i.test(line));
  }
  const checkDb = createDb(database.url);
  try {
    const learnerIds = [...new Set([...ledger.values()].map((a) => a.userId))];
    progress = await verifyProgress(checkDb, ledger, learnerIds);
  } finally {
    await checkDb.$disconnect();
    await database.drop();
  }

  const endpoints = log.figures();
  return {
    provider,
    viewers: { anonymous: VIEWERS - LEARNERS, learners: LEARNERS },
    seconds: SECONDS,
    endpoints,
    streamedMB: Math.round(log.bytes / 1e5) / 10,
    progress,
    errorSamples: log.samples,
    checks: [
      {
        name: "every response as expected (no 5xx, no timeouts)",
        ok: log.totalErrors === 0 && !stragglers && ENDPOINTS.every((e) => endpoints[e].requests > 0),
        detail: stragglers ? "viewers were still busy long after the deadline" : `${log.totalErrors} failed requests`,
      },
      {
        name: "no lost progress writes",
        ok: progress.problems.length === 0 && progress.expectedRows > 0,
        detail: `${progress.problems.length} rows differ from what the server acknowledged`,
      },
      {
        name: "server kept running and logged no errors",
        ok: serverErrors.length === 0 && serverEnded === null,
        detail: [serverEnded && `the server ${serverEnded} during the run`, ...serverErrors.slice(0, 5)].filter(Boolean).join(" | "),
      },
    ],
  };
}

