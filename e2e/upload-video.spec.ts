import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { signUpLearner } from "./support/accounts";
import { createUploadTarget, type TUploadTarget } from "./support/run-script";
import { startWorkerProcess, type TWorkerProcess } from "./support/worker-process";
import { expect, test } from "./fixtures";
import { makeSourceVideo } from "../tests/support/make-source-video";


async function signInAdmin(context: BrowserContext, baseURL: string) {
  const res = await context.request.post(`${baseURL}/api/auth/sign-in/email`, {
    data: { email: "admin@lectern.local", password: "lectern-admin" },
    headers: { origin: baseURL },
  });
  expect(res.ok(), await res.text()).toBe(true);
}

const tusCreate = (request: APIRequestContext, baseURL: string, segmentId: string) =>
  request.post("/api/admin/uploads", {
    headers: {
      "Tus-Resumable": "1.0.0",
      "Upload-Length": "1000",
      "Upload-Metadata": `segmentId ${Buffer.from(segmentId).toString("base64")},kind ${Buffer.from("video").toString("base64")},filename ${Buffer.from("a.mp4").toString("base64")}`,
      origin: baseURL,
    },
  });

let dir: string;
let video: string;
let truncated: string;
let large: string;
let worker: TWorkerProcess | undefined;
const targets: TUploadTarget[] = [];

test.beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-e2e-upload-"));
  video = path.join(dir, "first take.mp4");
  makeSourceVideo(video, { width: 640, height: 360, seconds: 4 });
  // Lossless, so it spans several 1 MiB chunks.
  large = path.join(dir, "long take.mp4");
  execFileSync("ffmpeg", [
    "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30:duration=2",
    "-c:v", "libx264", "-preset", "ultrafast", "-qp", "0", "-pix_fmt", "yuv420p", large,
  ]);
  truncated = path.join(dir, "cut short.mp4");
  fs.writeFileSync(truncated, fs.readFileSync(video).subarray(0, 20_000));
});

test.afterAll(async () => {
  if (worker) expect(await worker.stop(), worker.output()).toBe(0);
  worker = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
  for (const t of targets) fs.rmSync(path.resolve("media", t.courseSlug), { recursive: true, force: true });
});

test("the tus endpoint answers 401 to an anonymous visitor and 403 to a learner", async ({ browser, baseURL }) => {
  const target = createUploadTarget();
  targets.push(target);
  const anonymous = await browser.newContext();
  expect((await tusCreate(anonymous.request, baseURL!, target.segmentId)).status()).toBe(401);
  expect((await anonymous.request.fetch("/api/admin/uploads/0123abcd", { method: "HEAD", headers: { "Tus-Resumable": "1.0.0" } })).status()).toBe(401);
  const learner = await browser.newContext();
  await signUpLearner(learner, baseURL!);
  const refused = await tusCreate(learner.request, baseURL!, target.segmentId);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  // A chunk past the limit is refused at the edge, before Next or tus read it.
  const big = await learner.request.fetch("/api/admin/uploads/0123abcd", {
    method: "PATCH",
    headers: { "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream" },
    data: Buffer.alloc(2 * 1024 * 1024 + 1),
  });
  expect(big.status()).toBe(413);
  await anonymous.close();
  await learner.close();
});

/**
 * The admin bar links every section, and Next prefetches them; sections another part of issue 9
 * has not built yet answer 404 to that prefetch. Only those 404s are let through (the console
 * message names no URL, so the responses are checked here): once a section's page exists, a 404
 * anywhere fails the test again.
 */
const UNBUILT_SECTIONS = ["courses", "coupons", "orders", "sales", "audit"]
  .filter((s) => !fs.existsSync(path.resolve("app/admin", s, "page.tsx")))
  .map((s) => `/admin/${s}`);

test.describe(() => {
  test.use({ expectedConsoleErrors: UNBUILT_SECTIONS.length ? [/the server responded with a status of 404/] : [] });
  let notFound: string[] = [];
  test.beforeEach(({ page }) => {
    notFound = [];
    page.on("response", (r) => {
      if (r.status() === 404) notFound.push(new URL(r.url()).pathname);
    });
  });
  test.afterEach(() => {
    expect(notFound.filter((p) => !UNBUILT_SECTIONS.includes(p)), "404 responses").toEqual([]);
  });

  test("an upload cut off by a page reload resumes from the server's offset when the same file is chosen again", async ({ page, context, baseURL }) => {
    const target = createUploadTarget();
    targets.push(target);
    const size = fs.statSync(large).size;
    expect(size).toBeGreaterThan(3 * 1024 * 1024);
    await signInAdmin(context, baseURL!);

    // The second chunk never gets an answer: the upload hangs there, as on a dead connection.
    const offsets: number[] = [];
    let hang = true;
    await page.route("**/api/admin/uploads/*", async (route) => {
      const request = route.request();
      if (request.method() !== "PATCH") return route.continue();
      const offset = Number(request.headers()["upload-offset"]);
      offsets.push(offset);
      if (hang && offset > 0) return; // left pending until the page goes away
      return route.continue();
    });
    await page.goto(`/admin/uploads?segment=${target.segmentId}`);
    await page.getByLabel("File").setInputFiles(large);
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("status")).toContainText("1.0 MB of");
    // The first chunk was stored; the second is on its way and never answered.
    await expect.poll(() => offsets).toEqual([0, 1024 * 1024]);

    hang = false;
    await page.reload();
    await page.getByLabel("File").setInputFiles(large);
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("Uploaded. The transcode is queued")).toBeVisible();
    // After the reload it went on from the byte the server had, not from zero.
    expect(offsets.slice(2)[0]).toBe(1024 * 1024);
    expect(offsets.slice(2)).not.toContain(0);
  });

  test("an admin uploads a video in the browser, the worker transcodes it and the segment plays; a truncated one fails with ffmpeg's reason", async ({
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const target = createUploadTarget();
    targets.push(target);
    worker = startWorkerProcess();
    await signInAdmin(context, baseURL!);

    await page.goto(`/admin/uploads?segment=${target.segmentId}`);
    await expect(page.getByRole("heading", { name: "Upload", level: 1 })).toBeVisible();
    await expect(page.getByLabel("Segment")).toHaveValue(target.segmentId);
    await page.getByLabel("File").setInputFiles(video);
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("Uploaded. The transcode is queued")).toBeVisible();

    await page.getByRole("link", { name: "follow it on the jobs page" }).click();
    await expect(page).toHaveURL(/\/admin\/jobs$/);
    const job = page.locator("li.job", { hasText: "first take.mp4" }).filter({ hasText: target.courseSlug });
    // The page polls while the job is queued or running: no reload needed.
    await expect(job).toHaveAttribute("data-status", "succeeded", { timeout: 120_000 });

    await job.getByRole("link", { name: "Watch it" }).click();
    await expect(page).toHaveURL(new RegExp(`/courses/${target.courseSlug}/${target.segmentSlug}$`));
    const player = page.getByTestId("player");
    await expect(player.locator(".video-js")).toBeVisible();
    await player.locator(".vjs-big-play-button").click();
    await expect.poll(() => page.evaluate(() => document.querySelector("video")?.currentTime ?? 0), { timeout: 20_000 }).toBeGreaterThan(1);

    // Captions upload the same way and are live at once (SRT becomes WebVTT).
    const srt = path.join(dir, "lesson.de.srt");
    fs.writeFileSync(srt, "1\n00:00:00,500 --> 00:00:03,000\nHallo Welt\n");
    await page.goto(`/admin/uploads?segment=${target.segmentId}`);
    await page.getByLabel("Captions (.vtt or .srt)").check();
    await page.getByLabel("Language").fill("de");
    await page.getByLabel("File").setInputFiles(srt);
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("Captions (de) are live for this segment.")).toBeVisible();
    const withCaptions = (await (await page.request.get(`/api/courses/${target.courseSlug}/segments/${target.segmentSlug}/playback`)).json()) as {
      captions: { src: string; language: string }[];
    };
    const german = withCaptions.captions.find((c) => c.language === "de");
    expect(german).toBeDefined();
    expect(await (await page.request.get(german!.src)).text()).toBe("WEBVTT\n\n1\n00:00:00.500 --> 00:00:03.000\nHallo Welt\n");

    // A file cut short: the job fails with ffmpeg's own one-line reason, and Retry queues it again.
    await page.goto(`/admin/uploads?segment=${target.segmentId}`);
    await page.getByLabel("File").setInputFiles(truncated);
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByText("Uploaded. The transcode is queued")).toBeVisible();
    await page.goto("/admin/jobs");
    const failed = page.locator("li.job", { hasText: "cut short.mp4" }).filter({ hasText: target.courseSlug });
    await expect(failed).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
    await expect(failed.locator(".job__error")).toHaveText(/^cut short\.mp4: .*moov atom not found/);
    // With the worker stopped, a retried job waits in the queue; a new worker process takes it up.
    expect(await worker.stop(), worker.output()).toBe(0);
    const failedJobId = await failed.getAttribute("data-job");
    await failed.getByRole("button", { name: "Retry" }).click();
    await expect(failed).toHaveAttribute("data-status", "queued");
    await expect(failed.locator(".job__error")).toHaveCount(0);
    worker = startWorkerProcess();
    await expect(failed).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
    await expect(failed.locator(".job__error")).toHaveText(/^cut short\.mp4: .*moov atom not found/);
    // Each upload and the retry are in the audit log, by the admin who did them.
    await page.goto(`/admin/audit?targetId=${target.segmentId}`);
    const uploads = page.locator("[data-testid=audit-row][data-action='segment.upload-video']");
    await expect(uploads).toHaveCount(2);
    await expect(uploads.filter({ hasText: "first take.mp4" })).toContainText("admin@lectern.local");
    await expect(page.locator("[data-testid=audit-row][data-action='segment.upload-captions']")).toContainText("lesson.de.srt");
    await page.goto(`/admin/audit?targetId=${failedJobId}`);
    await expect(page.locator("[data-testid=audit-row][data-action='job.retry']")).toHaveCount(1);

    // The segment still plays the good upload: a failed job never touches live media.
    const playback = await page.request.get(`/api/courses/${target.courseSlug}/segments/${target.segmentSlug}/playback`);
    expect(playback.status()).toBe(200);
  });
});
