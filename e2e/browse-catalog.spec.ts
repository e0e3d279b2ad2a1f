import { COURSE, expect, test } from "./fixtures";

test("the catalog lists both courses", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByTestId("course-card");
  // The two seeded courses (admin specs may have published more by now).
  await expect(cards.filter({ hasText: /Enterprise Software with Python|Running Python in Production/ })).toHaveCount(2);
  await expect(cards.filter({ hasText: "Enterprise Software with Python" })).toBeVisible();
  await expect(cards.filter({ hasText: "Running Python in Production" })).toBeVisible();
  await expect(cards.filter({ hasText: "Running Python in Production" })).toContainText("Free");
});

test("the course page shows 5 parts and 28 segments in order, parts 1-3 free", async ({ page, request }) => {
  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enterprise Software with Python");
  const parts = page.getByTestId("toc-part");
  await expect(parts).toHaveCount(5);
  await expect(page.getByTestId("toc-segment")).toHaveCount(28);

  // The page's order is the database's order, as the TOC API reports it.
  const toc = (await (await request.get(`/api/courses/${COURSE}/toc`)).json()) as {
    parts: { segments: { slug: string }[] }[];
  };
  const apiSlugs = toc.parts.flatMap((p) => p.segments.map((s) => s.slug));
  const pageSlugs = await page.getByTestId("toc-segment").evaluateAll((els) => els.map((e) => e.getAttribute("data-slug")));
  expect(pageSlugs).toEqual(apiSlugs);
  expect(pageSlugs[0]).toBe("overview");
  expect(pageSlugs[27]).toBe("closing");

  for (const [i, free] of [true, true, true, false, false].entries()) {
    const part = parts.nth(i);
    await expect(part.getByTestId("free-badge")).toHaveCount(free ? 1 : 0);
    await expect(part.getByRole("img", { name: "Locked" }).first()).toHaveCount(free ? 0 : 1);
  }
  // Every segment shows a measured duration like 0:14.
  const durations = await page.locator(".toc__segment-duration").allInnerTexts();
  expect(durations).toHaveLength(28);
  for (const d of durations) expect(d).toMatch(/^0:[1-3]\d$/);
});

test("an unknown course or segment is a 404 page", async ({ page, expectedConsoleErrors }) => {
  // Chromium logs the document's own 404 status.
  expectedConsoleErrors.push(/status of 404/);
  const course = await page.goto("/courses/no-such-course");
  expect(course?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const segment = await page.goto(`/courses/${COURSE}/no-such-segment`);
  expect(segment?.status()).toBe(404);
});

test("a shared course link previews: OpenGraph and Twitter tags, and schema.org Course data", async ({ page, baseURL }) => {
  await page.goto(`/courses/${COURSE}`);
  const meta = (selector: string) => page.locator(selector).getAttribute("content");
  expect(await meta('meta[property="og:title"]')).toBe("Enterprise Software with Python");
  expect(await meta('meta[property="og:description"]')).toContain("Designing, building and running Python");
  expect(await meta('meta[property="og:url"]')).toBe(`${baseURL}/courses/${COURSE}`);
  // With the cover as the image (issue 10: course-landing.spec.ts checks the image itself).
  expect(await meta('meta[name="twitter:card"]')).toBe("summary_large_image");
  expect(await meta('meta[property="og:image"]')).toMatch(new RegExp(`^${baseURL}/images/courses/${COURSE}/cover-[0-9a-f]{16}\\.jpg$`));
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
  expect(ld).toMatchObject({
    "@type": "Course",
    name: "Enterprise Software with Python",
    author: [{ "@type": "Person", name: "Mahmoud Hashemi" }],
    offers: { "@type": "Offer", price: "59.99", priceCurrency: "USD" },
  });
});

test("the catalog's first row of covers loads with the page: the first at high priority, the largest paint", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/");
  const covers = page.locator(".course-card__cover img");
  await expect(covers.first()).toBeVisible();
  const count = await covers.count();
  const attributes = await covers.evaluateAll((imgs) =>
    imgs.map((img) => ({ loading: img.getAttribute("loading"), priority: img.getAttribute("fetchpriority") })),
  );
  // A lazy cover waits for layout to find it in view: the catalog's LCP came ~1 s late (issue 12).
  expect(attributes[0]).toEqual({ loading: "eager", priority: "high" });
  for (const a of attributes.slice(1, 3)) expect(a).toEqual({ loading: "eager", priority: "auto" });
  for (const a of attributes.slice(3)) expect(a.loading).toBe("lazy");
  expect(count).toBeGreaterThanOrEqual(2);
  // What the browser reports as the largest paint is that first cover.
  const lcp = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1) as PerformanceEntry & { element?: Element | null };
          resolve(last.element?.closest("[data-testid=course-card]") ? `card ${Array.from(document.querySelectorAll("[data-testid=course-card]")).indexOf(last.element.closest("[data-testid=course-card]")!)} ${last.element.tagName}` : String(last.element?.tagName));
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  expect(lcp).toBe("card 0 IMG");
  // The cover's 720 px copy (srcset), not the 1200 px OpenGraph image.
  const shown = await covers.first().evaluate((img: HTMLImageElement) => img.currentSrc);
  expect(shown).toMatch(/\/cover-[0-9a-f]{16}-720w\.jpg$/);
  expect(await page.evaluate((u) => fetch(u).then((r) => r.blob()).then(createImageBitmap).then((b) => b.width), shown)).toBe(720);
});
