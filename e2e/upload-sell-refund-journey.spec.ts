import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { signUp } from "./support/admin-accounts";
import { createUploadTarget } from "./support/run-script";
import { startWorkerProcess } from "./support/worker-process";
import { expect, test } from "./fixtures";
import { makeSourceVideo } from "../tests/support/make-source-video";

const plays = async (page: Page) => {
  const player = page.getByTestId("player");
  await expect(player.locator(".video-js")).toBeVisible();
  await player.locator(".vjs-big-play-button").click();
  await expect.poll(() => page.evaluate(() => document.querySelector("video")?.currentTime ?? 0), { timeout: 20_000 }).toBeGreaterThan(1);
};

// Issue 9's whole journey: an admin uploads a video for a segment of an unpublished course → the
// worker transcodes it → the admin publishes the course → it plays → a learner buys it with a coupon
// the admin created → the admin refunds the order → the learner's access ends.
test("upload → job → publish → it plays → a learner buys it with the admin's coupon → refund → access ends", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-e2e-journey-"));
  const video = path.join(dir, "lesson one.mp4");
  makeSourceVideo(video, { width: 640, height: 360, seconds: 4 });
  const target = createUploadTarget("unpublished");
  const code = `UP${randomUUID().slice(0, 8).toUpperCase()}`;
  const worker = startWorkerProcess();
  const adminContext = await browser.newContext();
  const learnerContext = await browser.newContext();
  try {
    // The seeded admin signs in (sign-ups are rate-limited per client, and every spec makes some).
    const signIn = await adminContext.request.post(`${baseURL}/api/auth/sign-in/email`, {
      data: { email: "admin@lectern.local", password: "lectern-admin" },
      headers: { origin: baseURL! },
    });
    expect(signIn.ok(), await signIn.text()).toBe(true);
    const learner = await signUp(learnerContext.request, baseURL!, "learner");
    const admin = await adminContext.newPage();
    const page = await learnerContext.newPage();
    const segmentUrl = `/courses/${target.courseSlug}/${target.segmentSlug}`;
    const playback = `/api/courses/${target.courseSlug}/segments/${target.segmentSlug}/playback`;

    // 1. From the course's page in the admin, the segment without media links to the upload form.
    await admin.goto(`/admin/courses/${target.courseId}`);
    await admin.locator(`[data-testid=admin-segment][data-slug=${target.segmentSlug}]`).getByRole("link", { name: "upload a video" }).click();
    await expect(admin).toHaveURL(new RegExp(`/admin/uploads\\?segment=${target.segmentId}$`));
    await admin.getByLabel("File").setInputFiles(video);
    await admin.getByRole("button", { name: "Upload" }).click();
    await expect(admin.getByText("Uploaded. The transcode is queued")).toBeVisible();

    // 2. The worker runs the job; the jobs page follows it without a reload.
    await admin.goto("/admin/jobs");
    const job = admin.locator("li.job", { hasText: "lesson one.mp4" }).filter({ hasText: target.courseSlug });
    await expect(job).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });

    // Unpublished: the learner cannot see it yet.
    expect((await page.request.get(playback)).status()).toBe(404);

    // 3. The admin publishes the course; it plays (for the admin, who may watch everything).
    await admin.goto(`/admin/courses/${target.courseId}`);
    await admin.getByTestId("publish-toggle").click();
    await expect(admin.getByTestId("publish-toggle")).toHaveText("Unpublish");
    await admin.goto(segmentUrl);
    await plays(admin);

    // Published, not bought: the learner sees the lock and gets no media.
    await page.goto(segmentUrl);
    await expect(page.getByTestId("locked-segment")).toBeVisible();
    expect((await page.request.get(playback)).status()).toBe(403);

    // 4. The admin creates a 50 % coupon for this course.
    await admin.goto("/admin/coupons");
    const form = admin.getByTestId("new-coupon-form");
    await form.getByLabel(/^Code/).fill(code);
    await form.getByLabel(/^Percent off/).fill("50");
    await form.getByRole("combobox", { name: "Course" }).selectOption({ label: target.courseTitle });
    await form.getByRole("button", { name: "Create coupon" }).click();
    await expect(form.getByRole("status")).toHaveText(`Coupon ${code} created.`);

    // 5. The learner buys the course with it, and the uploaded video plays.
    await page.goto(`/courses/${target.courseSlug}/checkout?coupon=${code}`);
    await expect(page.getByTestId("checkout-subtotal")).toHaveText("$19.00");
    await expect(page.getByTestId("checkout-discount")).toHaveText("−$9.50");
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page.getByRole("button", { name: "Pay (test)" }).click();
    await expect(page).toHaveURL(/\/account\/orders\/[^/]+\/receipt/);
    await page.goto(segmentUrl);
    await plays(page);

    // 6. The admin finds the order by the buyer's e-mail and refunds it.
    await admin.goto("/admin/orders");
    await admin.getByLabel("Search by e-mail or order number").fill(learner.email);
    await admin.getByRole("button", { name: "Search" }).click();
    await expect(admin.getByTestId("order-row")).toHaveCount(1);
    await admin.getByTestId("order-row").getByRole("link").click();
    await admin.getByTestId("refund-button").click();
    await expect(admin.getByTestId("refund-form").getByRole("status")).toHaveText("Refunded. The buyer's access has ended.");

    // 7. The learner's access has ended.
    expect((await page.request.get(playback)).status()).toBe(403);
    await page.goto(segmentUrl);
    await expect(page.getByTestId("locked-segment")).toBeVisible();
  } finally {
    await adminContext.close();
    await learnerContext.close();
    expect(await worker.stop(), worker.output()).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(path.resolve("media", target.courseSlug), { recursive: true, force: true });
  }
});
