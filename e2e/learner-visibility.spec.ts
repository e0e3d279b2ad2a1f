import { signUpLearner } from "./support/accounts";
import { createUploadTarget } from "./support/run-script";
import { expect, test } from "./fixtures";

// Learner-side visibility (issue 9, lib/catalog/visibility.ts), through the real pages: an
// unpublished course whose only segment has no media yet is a 404 for visitors and learners
// (catalog, course page, watch page, TOC API) and open to an admin, who is told the segment
// waits for its media instead of being shown a broken player.

test("an unpublished course and a segment without media are 404 for learners and open to an admin", async ({ browser, baseURL }) => {
  const target = createUploadTarget("unpublished");
  const courseUrl = `/courses/${target.courseSlug}`;
  const watchUrl = `${courseUrl}/${target.segmentSlug}`;

  for (const who of ["visitor", "learner"] as const) {
    const context = await browser.newContext({ baseURL });
    if (who === "learner") await signUpLearner(context, baseURL!);
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Courses" })).toBeVisible();
    await expect(page.getByText(target.courseTitle)).toHaveCount(0);
    expect((await page.goto(courseUrl))?.status(), `${who}: course page`).toBe(404);
    expect((await page.goto(watchUrl))?.status(), `${who}: watch page`).toBe(404);
    expect((await context.request.get(`/api/courses/${target.courseSlug}/toc`)).status(), `${who}: TOC API`).toBe(404);
    expect((await context.request.get(`/api/courses/${target.courseSlug}/segments/${target.segmentSlug}/playback`)).status()).toBe(404);
    await context.close();
  }

  const admin = await browser.newContext({ baseURL });
  const signIn = await admin.request.post("/api/auth/sign-in/email", {
    data: { email: "admin@lectern.local", password: "lectern-admin" },
    headers: { origin: baseURL! },
  });
  expect(signIn.ok(), await signIn.text()).toBe(true);
  const page = await admin.newPage();
  await page.goto("/");
  await expect(page.getByText(target.courseTitle).first()).toBeVisible();
  expect((await page.goto(courseUrl))?.status()).toBe(200);
  await expect(page.getByText("An uploaded lecture").first()).toBeVisible();
  expect((await page.goto(watchUrl))?.status()).toBe(200);
  await expect(page.getByTestId("no-media-yet")).toHaveText(
    "No media yet: this segment is hidden from learners until its upload has been transcoded.",
  );
  // Nothing to play yet, for an admin too.
  expect((await admin.request.get(`/api/courses/${target.courseSlug}/segments/${target.segmentSlug}/playback`)).status()).toBe(404);
  await admin.close();
});
