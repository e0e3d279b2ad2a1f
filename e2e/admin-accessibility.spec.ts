import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { seriousViolations } from "./support/axe";
import { signUp } from "./support/admin-accounts";

// axe-core on the admin pages this part of issue 9 built, signed in as an admin, at desktop and
// phone width: no serious or critical violations, and nothing wider than a 390 px screen.


const PAGES = ["/admin", "/admin/courses", "/admin/coupons", "/admin/orders", "/admin/sales", "/admin/audit", "/admin/uploads", "/admin/jobs"];

for (const width of [1366, 390]) {
  test(`axe: the admin pages at ${width} px, with a course and a coupon open`, async ({ page, baseURL }) => {
    // Ten pages, each with an axe run of a few seconds: took 42–50 s alone, more beside other specs.
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 900 });
    await signUp(page.context().request, baseURL!, "admin");
    const paths = [...PAGES];
    await page.goto("/admin/courses");
    paths.push(new URL(await page.locator("table a").first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname);
    await page.goto("/admin/coupons");
    paths.push(new URL(await page.locator("table a").first().evaluate((a) => (a as HTMLAnchorElement).href)).pathname);
    for (const path of paths) {
      await page.goto(path);
      expect(await seriousViolations(page), path).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow, `${path} scrolls sideways at ${width} px`).toBe(false);
    }
  });
}
