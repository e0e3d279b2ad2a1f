import type { Page } from "@playwright/test";
import { cachedPageContentSecurityPolicy } from "../lib/http/content-security-policy";
import { COURSE, expect, test } from "./fixtures";
import { signUp } from "./support/admin-accounts";

// Issue 8: pages had no security headers. Pages carry a nonce-based Content-Security-Policy from
// proxy.ts, every response the rest from next.config.js (docs/decisions/009-http-edge.md); the
// shared cached copies of the anonymous catalog and course page a policy of their own (issue 12). The
// fixture fails a test on any console error, which is how a CSP violation shows in Chromium.

const COMMON = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("pages carry a nonce CSP and the security headers, and the player still plays under it", async ({ page, browser, baseURL }) => {
  const nonces = new Set<string>();
  const expectNonced = async (p: Page, path: string) => {
    const response = await p.goto(path);
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
    expect(await p.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  };
  // A signed-in viewer's catalog and course page with a query string are rendered for them:
  // nonce'd too. (Without one they are the viewer shell, a shared render: below.)
  const learner = await browser.newContext();
  try {
    await signUp(learner.request, baseURL!, "learner");
    const signedIn = await learner.newPage();
    for (const path of ["/?view=mine", `/courses/${COURSE}?view=mine`]) await expectNonced(signedIn, path);
    for (const path of ["/", `/courses/${COURSE}`]) {
      const shell = await signedIn.goto(path);
      expect(shell!.headers()).toMatchObject(COMMON);
      expect(shell!.headers()["content-security-policy"], `${path} signed in is the viewer shell`).toBe(cachedPageContentSecurityPolicy());
      expect(await signedIn.locator("script[nonce]").count()).toBe(0);
      await expect(signedIn.getByTestId("account-link")).toBeVisible();
    }
  } finally {
    await learner.close();
  }
  // (A watch page with a query string is rendered for the request; without, it is the shared copy, below.)
  for (const path of ["/sign-in", `/courses/${COURSE}?coupon=SPRING`, `/courses/${COURSE}/overview?coupon=SPRING`]) await expectNonced(page, path);
  expect(nonces.size, "a fresh nonce per response").toBe(5);

  // The player (video.js VHS: blob: worker and MediaSource) plays within the policy.
  await page.locator(".vjs-big-play-button").click();
  await expect
    .poll(() => page.evaluate(() => document.querySelector("video")?.currentTime ?? 0), { timeout: 20_000 })
    .toBeGreaterThan(0.5);
});

test("the anonymous catalog, course and watch pages are shared copies: no nonce, only their own inline scripts run, and they work", async ({ page }) => {
  // docs/decisions/009-http-edge.md: a cached page cannot carry a per-response nonce. It gets
  // 'unsafe-inline' (without 'strict-dynamic') and nothing else of the nonce policy is loosened;
  // it reflects nothing from the request (no query string, no cookie reaches its render).
  for (const path of ["/", `/courses/${COURSE}/overview?autoplay=1`, `/courses/${COURSE}/overview`, `/courses/${COURSE}`]) {
    const response = await page.goto(path);
    const headers = response!.headers();
    expect(headers).toMatchObject(COMMON);
    expect(headers["content-security-policy"]).toBe(cachedPageContentSecurityPolicy());
    expect(headers["content-security-policy"]).not.toContain("'nonce-");
    // No nonce of some earlier response baked into the shared HTML either.
    expect(await page.locator("script[nonce]").count()).toBe(0);
  }
  // Scripts ran (hydrated): the trailer's player loads and plays within the policy.
  await page.getByTestId("trailer-play").click();
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
