import { COURSE, expect, test } from "./fixtures";

// Issue 8: pages had no security headers. Pages carry a nonce-based Content-Security-Policy from
// proxy.ts, every response the rest from next.config.js (docs/decisions/009-http-edge.md). The
// fixture fails a test on any console error, which is how a CSP violation shows in Chromium.

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("pages carry a nonce CSP and the security headers, and the player still plays under it", async ({ page }) => {
  const nonces = new Set<string>();
  for (const path of ["/", `/courses/${COURSE}`, "/sign-in", `/courses/${COURSE}/overview`]) {
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers).toMatchObject(COMMON);
    expect(headers["permissions-policy"]).toContain("camera=()");
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `${path}: ${csp}`).toBeTruthy();
    nonces.add(nonce!);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    // Next put the nonce on its scripts, or nothing would have hydrated.
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(4);

  // The player (video.js VHS: blob: worker and MediaSource) plays within the policy.
  await page.locator(".vjs-big-play-button").click();
  await expect
    .poll(() => page.evaluate(() => document.querySelector("video")?.currentTime ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0.5);
});

test("API, media and error responses carry the headers, and a policy that runs nothing", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.headers()).toMatchObject({ ...COMMON, "content-security-policy": "default-src 'none'; frame-ancestors 'none'; sandbox" });

  const playback = await request.get(`/api/courses/${COURSE}/segments/overview/playback`);
  const { hls } = (await playback.json()) as { hls: string };
  const media = await request.get(hls);
  expect(media.status()).toBe(200);
  expect(media.headers()).toMatchObject(COMMON);

  const refused = await request.fetch(`/courses/${COURSE}`, { method: "DELETE" });
  expect(refused.status()).toBe(405);
  expect(refused.headers()).toMatchObject({ ...COMMON, allow: "GET, HEAD, POST, OPTIONS" });
});
