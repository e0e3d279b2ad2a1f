import { COURSE, TALKS, expect, test } from "./fixtures";
import { signUpLearner } from "./support/accounts";
import { playerReady } from "./support/player";

// Issue 10: a learner who completes every segment of a short course gets a certificate at a
// public, unguessable URL that works signed out, shows the verification id, prints to one page
// and offers "Add to LinkedIn".

test("completing every segment of a course gives a certificate that works signed out", async ({ page, context, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signUpLearner(context, baseURL!);
  const toc = (await (await context.request.get(`${baseURL}/api/courses/${TALKS}/toc`)).json()) as {
    parts: { segments: { slug: string; durationSeconds: number }[] }[];
  };
  const segments = toc.parts.flatMap((p) => p.segments);
  expect(segments.length).toBeGreaterThan(1);
  // Every segment but the last watched through the progress API, as the player reports it.
  for (const s of segments.slice(0, -1)) {
    const res = await context.request.post(`${baseURL}/api/progress`, {
      data: { course: TALKS, segment: s.slug, positionSeconds: s.durationSeconds, ranges: [[0, s.durationSeconds]] },
      headers: { origin: baseURL! },
    });
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { certificate?: unknown }).certificate).toBeUndefined();
  }
  await page.goto(`/courses/${TALKS}`);
  // The buy-box's per-viewer part is filled (the viewer shell's JSON, ADR 019) before looking for an absence.
  await expect(page.getByTestId("buy-box-viewer")).toBeVisible();
  await expect(page.getByTestId("certificate-link")).toHaveCount(0);

  // The last one watched in the player, at 2×: the player says the course is complete.
  const last = segments.at(-1)!;
  await page.goto(`/courses/${TALKS}/${last.slug}`);
  await playerReady(page);
  await page.evaluate(() => {
    const v = document.querySelector("video")!;
    v.playbackRate = 2;
    void v.play();
  });
  await expect(page.getByTestId("course-completed")).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("course-completed").getByRole("link").click();
  await expect(page).toHaveURL(/\/certificates\/[A-Za-z0-9_-]{22}$/);
  const url = page.url();
  const verification = (await page.getByTestId("certificate-verification").textContent())!.trim();
  expect(verification).toMatch(/^LEC-\w{4}-\w{4}-\w{4}$/);

  // Signed out, anyone with the link sees it; LinkedIn gets the name, URL and id.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(url);
  await expect(strangerPage.getByTestId("certificate-name")).toHaveText("Test Learner");
  await expect(strangerPage.getByTestId("certificate-course")).toHaveText("Running Python in Production");
  await expect(strangerPage.getByTestId("certificate-verification")).toHaveText(verification);
  const linkedIn = new URL((await strangerPage.getByTestId("linkedin").getAttribute("href"))!);
  expect(linkedIn.searchParams.get("certId")).toBe(verification);
  expect(linkedIn.searchParams.get("certUrl")).toBe(url);
  // It prints to exactly one page, on A4 and on Letter.
  await strangerPage.emulateMedia({ media: "print" });
  for (const format of ["A4", "Letter"] as const) {
    const pdf = (await strangerPage.pdf({ format })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page\b/g)?.length, format).toBe(1);
  }
  // A guessed token is a 404.
  const guessed = await strangerPage.goto(`${baseURL}/certificates/${"A".repeat(22)}`);
  expect(guessed?.status()).toBe(404);
  await stranger.close();

  // The course page and the account link to it.
  await page.goto(`/courses/${TALKS}`);
  await expect(page.getByTestId("certificate-link")).toHaveAttribute("href", new URL(url).pathname);
  await page.goto("/account");
  await expect(page.getByTestId("account-certificate")).toHaveAttribute("href", new URL(url).pathname);
  // Unrelated: the paid course has no certificate for this learner.
  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByTestId("buy-box-viewer")).toBeVisible();
  await expect(page.getByTestId("certificate-link")).toHaveCount(0);
});
