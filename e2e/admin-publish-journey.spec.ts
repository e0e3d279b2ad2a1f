import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { makeSourceVideo } from "../tests/support/make-source-video";
import { signUp } from "./support/admin-accounts";
import { createCourseAsAdmin } from "./support/admin-course";
import { startWorkerProcess, type TWorkerProcess } from "./support/worker-process";

// Issue 9's whole journey, every step through the admin's own pages: a new course with one paid
// segment → upload a small file → the worker's job succeeds → publish → a learner buys it with a
// coupon made in the admin and watches → the admin refunds → the learner's access ends.
let dir: string;
let video: string;
let worker: TWorkerProcess | undefined;
const slug = `journey-${randomUUID().slice(0, 8)}`;
const title = `Journey ${slug}`;

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-e2e-journey-"));
  video = path.join(dir, "welcome.mp4");
  makeSourceVideo(video, { width: 640, height: 360, seconds: 4 });
});

test.afterAll(async () => {
  if (worker) expect(await worker.stop(), worker.output()).toBe(0);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(path.resolve("media", slug), { recursive: true, force: true });
});

test("create → upload → job → publish → buy with an admin coupon → watch → refund → access ends", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const adminContext = await browser.newContext();
  const learnerContext = await browser.newContext();
  try {
    await signUp(adminContext.request, baseURL!, "admin");
    const learner = await signUp(learnerContext.request, baseURL!, "learner");
    const admin = await adminContext.newPage();
    const page = await learnerContext.newPage();

    // A new course: unpublished, 20.00 USD, no free preview, one part with one segment.
    await createCourseAsAdmin(admin, { title, slug });
    const details = admin.getByTestId("details-form");
    await details.getByLabel(/^Price/).fill("20");
    await details.getByLabel(/^Free preview parts/).fill("0");
    await details.getByRole("button", { name: "Save details" }).click();
    await expect(details.getByRole("status")).toHaveText("Course details saved.");
    const addPart = admin.getByRole("form", { name: "Add a part" });
    await addPart.getByLabel("Part title").fill("Start here");
    await addPart.getByRole("button", { name: "Add part" }).click();
    const part = admin.getByTestId("admin-part").first();
    await part.locator("summary", { hasText: "Add a segment to this part" }).click();
    await part.getByLabel("Segment title").fill("Welcome");
    await part.getByLabel(/^Slug/).fill("welcome");
    await part.getByRole("button", { name: "Add segment" }).click();
    await expect(part.getByTestId("admin-segment")).toContainText("No media yet");

    // Upload its video from the segment's own link; the worker transcodes it.
    worker = startWorkerProcess();
    await part.getByRole("link", { name: "upload a video" }).click();
    await admin.getByLabel("File").setInputFiles(video);
    await admin.getByRole("button", { name: "Upload" }).click();
    await expect(admin.getByText("Uploaded. The transcode is queued")).toBeVisible();
    await admin.goto("/admin/jobs");
    const job = admin.locator("li.job", { hasText: "welcome.mp4" }).filter({ hasText: title });
    await expect(job).toHaveAttribute("data-status", "succeeded", { timeout: 150_000 });

    // Until it is published, learners don't find it.
    expect((await page.request.get(`/courses/${slug}`)).status()).toBe(404);

    // Publish, and make a 50 % coupon for this course.
    await admin.goto("/admin/courses");
    await admin.getByRole("link", { name: title }).click();
    await admin.getByTestId("publish-toggle").click();
    await expect(admin.locator(".admin-head .badge")).toHaveText("Published");
    expect((await page.request.get(`/courses/${slug}`)).status()).toBe(200);
    const code = `HALF${randomUUID().slice(0, 6).toUpperCase()}`;
    await admin.goto("/admin/coupons");
    const coupon = admin.getByTestId("new-coupon-form");
    await coupon.getByLabel(/^Code/).fill(code);
    await coupon.getByLabel(/^Percent off/).fill("50");
    await coupon.getByRole("combobox", { name: "Course" }).selectOption({ label: title });
    await coupon.getByRole("button", { name: "Create coupon" }).click();
    await expect(coupon.getByRole("status")).toHaveText(`Coupon ${code} created.`);

    // The learner buys it with the coupon and watches.
    const playback = `/api/courses/${slug}/segments/welcome/playback`;
    expect((await page.request.get(playback)).status()).toBe(403);
    await page.goto(`/courses/${slug}/checkout?coupon=${code}`);
    await expect(page.getByTestId("checkout-total")).toContainText("$10.00");
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await page.getByRole("button", { name: "Pay (test)" }).click();
    await expect(page).toHaveURL(/\/account\/orders\/[^/]+\/receipt/);
    await page.goto(`/courses/${slug}/welcome`);
    await page.getByTestId("player").locator(".vjs-big-play-button").click();
    await expect.poll(() => page.evaluate(() => document.querySelector("video")?.currentTime ?? 0), { timeout: 20_000 }).toBeGreaterThan(1);

    // The admin finds the order by e-mail and refunds it; the learner's access ends at once.
    await admin.goto(`/admin/orders?q=${encodeURIComponent(learner.email)}`);
    await admin.getByTestId("order-row").getByRole("link").click();
    await admin.getByTestId("refund-button").click();
    await expect(admin.getByTestId("order-access")).toHaveText("Ended (refunded)");
    expect((await page.request.get(playback)).status()).toBe(403);
  } finally {
    await adminContext.close();
    await learnerContext.close();
  }
});
