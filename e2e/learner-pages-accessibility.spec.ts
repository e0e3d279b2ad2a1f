import { COURSE, TALKS, expect, test } from "./fixtures";
import { grantPurchase, signUpLearner } from "./support/accounts";
import { seriousViolations } from "./support/axe";

// axe on the learner pages issue 10 added or changed — the locked offer, the owner's course
// page with notes, the watch page's notes panel, /account, /account/settings and a certificate —
// at desktop and phone width: no serious or critical violations, nothing wider than the screen.

for (const [device, viewport] of [
  ["desktop", { width: 1366, height: 900 }],
  ["phone", { width: 390, height: 844 }],
] as const) {
  test(`axe: the offer, the owner's pages, notes, account, settings and a certificate (${device})`, async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const check = async (path: string) => {
      await page.goto(path);
      await expect(page.locator("main, .page, .watch").first()).toBeVisible();
      expect(await seriousViolations(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `${path} scrolls sideways`).toBe(true);
    };
    await check(`/courses/${COURSE}/security`);

    const me = await signUpLearner(context, baseURL!);
    grantPurchase(me.id, COURSE);
    const origin = { origin: baseURL! };
    await context.request.post(`${baseURL}/api/notes`, { data: { course: COURSE, segment: "overview", atSeconds: 3, text: "A note" }, headers: origin });
    // A certificate: every segment of the free talks series watched (through the progress API).
    const toc = (await (await context.request.get(`${baseURL}/api/courses/${TALKS}/toc`)).json()) as {
      parts: { segments: { slug: string; durationSeconds: number }[] }[];
    };
    let certificate = "";
    for (const s of toc.parts.flatMap((p) => p.segments)) {
      const res = await context.request.post(`${baseURL}/api/progress`, {
        data: { course: TALKS, segment: s.slug, positionSeconds: s.durationSeconds, ranges: [[0, s.durationSeconds]] },
        headers: origin,
      });
      const body = (await res.json()) as { certificate?: { url: string } };
      if (body.certificate) certificate = new URL(body.certificate.url).pathname;
    }
    expect(certificate).toMatch(/^\/certificates\//);

    await check(`/courses/${COURSE}`);
    await check(`/courses/${COURSE}/overview`);
    await expect(page.getByTestId("note")).toHaveCount(1);
    await check("/account");
    await check("/account/settings");
    await check(certificate);
  });
}
