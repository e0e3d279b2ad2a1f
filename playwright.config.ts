import { defineConfig, devices } from "@playwright/test";

// E2E runs against the production build (`next build` is done by scripts/test.sh) with
// Debian's Chromium: Playwright's own browser download cannot work on our machines.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  outputDir: "test-results/e2e-artifacts",
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--autoplay-policy=no-user-gesture-required",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `npx next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: {
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      APP_URL: baseURL,
      PORT: String(port),
      LECTERN_SECRET: "e2e-secret-for-tests-only-0123456789abcdef",
      // The payment provider stays local; with a webhook secret the Stripe webhook route verifies
      // what it is sent (the bad-input corpus reaches it) instead of answering 503 unconfigured.
      STRIPE_WEBHOOK_SECRET: "whsec_e2e_only_not_a_real_secret",
      // Every spec signs its own accounts up from 127.0.0.1: dozens a minute from one client.
      // The limits themselves are tested on servers of their own (sign-in-lockout.spec.ts).
      AUTH_RATE_LIMIT_SCALE: "20",
    },
  },
});
