// A second `next start` of the production build, for journeys that need another setting than
// the shared e2e server (playwright.config.ts), e.g. a short STREAM_TOKEN_TTL_SECONDS. Same
// build, same e2e database.
import { freePort, startNext, type TStartedNext } from "../../deploy/local/start-next";

export type TStartedApp = TStartedNext;

/** Starts the app with `env` over the e2e server's settings and waits until /api/health answers. */
export function startApp(env: Record<string, string>, options: { host?: string; port?: number } = {}): Promise<TStartedApp> {
  return startNext({
    name: "e2e app",
    host: options.host,
    port: options.port,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
      LECTERN_SECRET: "e2e-secret-for-tests-only-0123456789abcdef",
      // Request limits are counted in the shared e2e database (RateLimit rows), so every
      // server of the suite needs the shared server's scale (playwright.config.ts).
      AUTH_RATE_LIMIT_SCALE: "20",
      ...env,
    },
  });
}

export { freePort };
