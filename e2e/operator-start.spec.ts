// The operator's path (issue 13): `next start` with a bad or missing LECTERN_SECRET must refuse
// to start and name the variable, not print "Ready" and answer every request with 500.
import { spawn } from "node:child_process";
import { expect, test } from "./fixtures";
import { freePort, startApp } from "./support/start-app";

for (const [label, secret] of [
  ["empty", ""],
  ["too short", "short-secret"],
] as const) {
  test(`next start refuses to start in production when LECTERN_SECRET is ${label}`, async () => {
    const port = await freePort();
    // An explicit value wins over .env (Next never overrides a variable that is set), so this
    // holds on a developer's machine with a quickstart .env too.
    const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
      env: { ...process.env, NODE_ENV: "production", LECTERN_SECRET: secret, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code, output).toBe(1);
    expect(output).toContain("Lectern cannot start");
    expect(output).toContain("LECTERN_SECRET");
  });
}

test("an APP_URL that is not the address in use: sign-in names the setting, not 'wrong password'", async ({ page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(/status of 403/); // the refused sign-in request
  // Every loopback address reaches it; APP_URL (and the localhost defaults) name none but 127.0.0.1,
  // as when nginx on another port or host is in front and APP_URL names the instance instead.
  const app = await startApp({}, { host: "0.0.0.0" });
  try {
    await page.goto(`${app.baseURL.replace("127.0.0.1", "127.0.0.2")}/sign-in`);
    await page.getByLabel("Email").fill("admin@lectern.local");
    await page.getByLabel("Password").fill("lectern-admin");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toContainText("set APP_URL to the address in your browser's address bar");
  } finally {
    await app.stop();
  }
});
