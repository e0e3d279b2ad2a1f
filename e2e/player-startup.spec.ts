import type { Page } from "@playwright/test";
import { COURSE, expect, test } from "./fixtures";
import { grantPurchase, signUpLearner } from "./support/accounts";
import { earlyVideoInterruptions, playerReady, recordEarlyVideoInterruptions } from "./support/player";
import { freePort, startApp, type TStartedApp } from "./support/start-app";

// Issue 12, player start-up (docs/decisions/008-player-and-progress.md): an autoplay load's
// first frame comes from a server-rendered <video> of the segment's signed MP4, before any
// script; video.js takes that same element over and moves to HLS at the first seek. And the
// player page never shifts its layout (CLS 0, measured in the browser).

const FREE = "what-is-enterprise-software";
const PAID = "security";

/** Notes the element that fired the first `playing` and what it was playing, before any page script. */
async function recordFirstPlaying(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener(
      "playing",
      (e) => {
        const w = window as unknown as { __first?: { el: HTMLVideoElement; src: string } };
        if (!w.__first && e.target instanceof HTMLVideoElement) w.__first = { el: e.target, src: e.target.currentSrc };
      },
      true,
    );
  });
}

test("an autoplay load starts the server-rendered MP4; video.js takes that element over and moves to HLS at a seek", async ({ page }) => {
  const html = await (await page.request.get(`/courses/${COURSE}/${FREE}?autoplay=1`)).text();
  expect(html).toMatch(new RegExp(`<video [^>]*data-early-video[^>]* src="/media/${COURSE}/${FREE}/[^/"]+/video\\.mp4"`));
  // Without autoplay the same element, paused: no autoplay attribute (video.js is built around it at the viewer's first input).
  const plain = (await (await page.request.get(`/courses/${COURSE}/${FREE}`)).text()).match(/<video [^>]*data-early-video[^>]*>/)?.[0];
  expect(plain).toMatch(new RegExp(` src="/media/${COURSE}/${FREE}/[^/"]+/video\\.mp4"`));
  expect(plain).not.toContain("autoplay");

  const hls: string[] = [];
  page.on("request", (r) => {
    if (/\.(m3u8|ts)(\?|$)/.test(r.url())) hls.push(r.url());
  });
  await recordFirstPlaying(page);
  await recordEarlyVideoInterruptions(page);
  await page.goto(`/courses/${COURSE}/${FREE}?autoplay=1`);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __first?: { src: string } }).__first?.src ?? ""), { timeout: 20_000 }).toMatch(/\/video\.mp4$/);

  // The same element is now the player's tech, playing, with video.js's controls in the playing state.
  await expect(page.locator(".vjs-control-bar")).toBeAttached();
  const state = await page.evaluate(() => {
    const first = (window as unknown as { __first: { el: HTMLVideoElement } }).__first.el;
    const tech = document.querySelector(".video-js video");
    const player = document.querySelector(".video-js")!;
    return {
      same: first === tech,
      tech: tech?.classList.contains("vjs-tech") ?? false,
      videos: document.querySelectorAll("video").length,
      started: player.classList.contains("vjs-has-started"),
      playing: player.classList.contains("vjs-playing"),
    };
  });
  expect(state).toEqual({ same: true, tech: true, videos: 1, started: true, playing: true });
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime)).toBeGreaterThan(0.5);
  // The takeover neither moved nor paused the element: the picture never stopped.
  expect(await earlyVideoInterruptions(page)).toEqual([]);
  // No HLS segment is fetched while the MP4 plays.
  expect(hls.filter((u) => u.endsWith(".ts"))).toEqual([]);

  // A seek moves to HLS at the seek target, on the same element, still playing; the quality menu appears.
  await page.evaluate(() => {
    (document.querySelector(".video-js") as unknown as { player: { currentTime(t: number): void } }).player.currentTime(15);
  });
  await expect.poll(() => hls.some((u) => u.endsWith("master.m3u8"))).toBe(true);
  await expect.poll(() => hls.some((u) => u.endsWith(".ts"))).toBe(true);
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(15.5);
  expect(await page.evaluate(() => document.querySelector("video")!.paused)).toBe(false);
  expect(await page.evaluate(() => document.querySelector("video")!.currentSrc)).toMatch(/^blob:/);
  expect(await page.evaluate(() => document.querySelectorAll("video").length)).toBe(1);
  await expect(page.locator(".vjs-quality-menu-wrapper .vjs-menu-item")).toHaveCount(4);
});

test("a plain load plays the MP4 with video.js core; HLS support (VHS) is fetched at the first seek", async ({ page }) => {
  const hls: string[] = [];
  const vhsScripts: string[] = [];
  page.on("request", (r) => {
    if (/\.(m3u8|ts)(\?|$)/.test(r.url())) hls.push(r.url());
  });
  page.on("response", async (r) => {
    if (r.request().resourceType() !== "script" || !r.ok()) return;
    // VHS's source handler: only in its chunk.
    const body = await r.text().catch(() => "");
    if (body.includes("VhsSourceHandler")) vhsScripts.push(r.url());
  });
  await page.goto(`/courses/${COURSE}/${FREE}`);
  await page.locator(".vjs-big-play-button").click({ timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(1);
  expect(await page.evaluate(() => document.querySelector("video")!.currentSrc)).toMatch(/\/video\.mp4$/);
  expect(hls).toEqual([]);
  expect(vhsScripts, "no HLS code before it is needed").toEqual([]);
  // The quality menu needs the HLS renditions: not there yet; a "Quality" button holds its place.
  await expect(page.locator(".vjs-quality-menu-button")).toBeHidden();
  await expect(page.getByRole("button", { name: "Quality", exact: true })).toBeVisible();

  await page.keyboard.press("l");
  await expect.poll(() => vhsScripts.length, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => hls.some((u) => u.endsWith(".ts")), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(11.5);
  expect(await page.evaluate(() => document.querySelector("video")!.paused)).toBe(false);
  expect(await page.evaluate(() => document.querySelector("video")!.currentSrc)).toMatch(/^blob:/);
  await expect(page.locator(".vjs-quality-menu-wrapper .vjs-menu-item")).toHaveCount(4);
});

/**
 * Holds back video.js's own chunk by `ms`: the player cannot be built before. (Not the page's
 * chunk, which names the early play button too.) Pages are then loaded to `domcontentloaded`:
 * the `load` event would wait for that chunk.
 */
async function delayPlayerCode(page: Page, ms: number) {
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    try {
      const response = await route.fetch();
      const body = await response.body();
      if (body.includes("vjs-big-play-button") && !body.includes("data-early-start")) await new Promise((r) => setTimeout(r, ms));
      await route.fulfill({ response, body });
    } catch {
      // The page moved on (a new load) while a chunk was held back: there is nobody to answer.
    }
  });
}

test("a plain load builds no player until the viewer's first input: the server's <video> preloads, its play button waits", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${FREE}`);
  const player = page.getByTestId("player");
  // The MP4 loads from the HTML, without any script's help.
  await expect.poll(() => page.evaluate(() => document.querySelector("video")?.readyState ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  // No input yet: no video.js (its build was a third of the load's main-thread work, ADR 008).
  await expect(player).not.toHaveAttribute("data-built", "");
  await expect(page.locator(".vjs-control-bar")).toHaveCount(0);
  const start = page.locator(".vjs-big-play-button");
  await expect(start).toHaveCount(1);
  await expect(start).toHaveAccessibleName("Play Video");
  const before = await start.boundingBox();

  // The pointer arrives: video.js is built around the same element; its play button takes the
  // same place (one at any time), the duration is shown.
  await page.mouse.move(5, 5);
  await page.mouse.move(before!.x - 40, before!.y - 40);
  await expect(player).toHaveAttribute("data-built", "");
  await expect(page.locator(".vjs-control-bar")).toBeVisible();
  await expect(start).toHaveCount(1);
  expect(await start.evaluate((b) => b.hasAttribute("data-early-start"))).toBe(false);
  const after = await start.boundingBox();
  for (const k of ["x", "y", "width", "height"] as const) expect(Math.abs(after![k] - before![k])).toBeLessThan(0.5);
  await expect(page.locator(".vjs-remaining-time-display")).toHaveText(/0:[1-5]\d/);
  expect(await page.evaluate(() => document.querySelectorAll("video").length)).toBe(1);
});

test.describe("an MP4 that fails", () => {
  test.use({ expectedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] });
  test("a plain load whose MP4 fails before the page's code runs is built at once, on HLS, without any input", async ({ page }) => {
    await page.route(/\/video\.mp4$/, (route) => route.fulfill({ status: 404, body: "" }));
    await page.goto(`/courses/${COURSE}/${FREE}`);
    await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
    await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentSrc), { timeout: 20_000 }).toMatch(/^blob:/);
  });
});

test("a press on the play button before the player is built plays at once, and the player takes the playing element over", async ({ page }) => {
  await delayPlayerCode(page, 5000);
  await recordEarlyVideoInterruptions(page);
  await page.goto(`/courses/${COURSE}/${FREE}`, { waitUntil: "domcontentloaded" });
  await expect.poll(() => page.evaluate(() => document.querySelector("video")?.readyState ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  // Hydrated (the transcript comes after the page's effects ran) while video.js's code is held back.
  await expect(page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" })).toBeVisible({ timeout: 10_000 });
  await page.locator("[data-early-start]").click();
  // Playing on the element itself, with no player yet.
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  expect(await page.locator(".vjs-control-bar").count()).toBe(0);
  // Then video.js arrives and takes it over, in the playing state, without a pause.
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await expect(page.locator(".video-js.vjs-playing")).toHaveCount(1);
  expect(await page.evaluate(() => document.querySelector("video")!.paused)).toBe(false);
  expect(await earlyVideoInterruptions(page)).toEqual([]);
  expect(await page.evaluate(() => document.querySelector("video")!.muted)).toBe(false);
});

test("a blip of `waiting` keeps the MP4 playing; a stall of over a second moves the player to HLS", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${FREE}`);
  await playerReady(page);
  await page.keyboard.press("k");
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(1);
  const src = () => page.evaluate(() => document.querySelector("video")!.currentSrc);
  expect(await src()).toMatch(/\/video\.mp4$/);
  // What Chromium sent just after video.js took a playing element over (a busy main thread): a
  // `waiting` that `playing` ended 3 ms later. It moved the player to HLS, the picture stopped for
  // ~200 ms, and a play/pause pressed meanwhile found the element paused by the new source.
  await page.evaluate(() => {
    const v = document.querySelector("video")!;
    v.dispatchEvent(new Event("waiting"));
    v.dispatchEvent(new Event("playing"));
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 2000)));
  expect(await src()).toMatch(/\/video\.mp4$/);
  await expect(page.getByRole("button", { name: "Quality", exact: true })).toBeVisible();
  // A `waiting` that nothing ends is a stall: HLS (a lower rung if need be), still playing.
  await page.evaluate(() => document.querySelector("video")!.dispatchEvent(new Event("waiting")));
  await expect.poll(src, { timeout: 20_000 }).toMatch(/^blob:/);
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.paused)).toBe(false);
});

test("a shortcut pressed before the player is built is applied once it is", async ({ page }) => {
  await delayPlayerCode(page, 5000);
  await page.goto(`/courses/${COURSE}/${FREE}`, { waitUntil: "domcontentloaded" });
  await expect(page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" })).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press("k");
  expect(await page.locator(".vjs-control-bar").count()).toBe(0);
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.5);
  // And a transcript line pressed on a fresh load seeks there.
  await page.goto(`/courses/${COURSE}/${FREE}`, { waitUntil: "domcontentloaded" });
  await page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" }).click({ timeout: 10_000 });
  expect(await page.locator(".vjs-control-bar").count()).toBe(0);
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(3.5);
});

test("keyboard: Enter on the play button before the player is built plays, and focus stays on the player's play/pause button, never the page", async ({ page }) => {
  await delayPlayerCode(page, 4000);
  await page.goto(`/courses/${COURSE}/${FREE}`, { waitUntil: "domcontentloaded" });
  await expect(page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" })).toBeVisible({ timeout: 10_000 });
  await page.locator("[data-early-start]").focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await expect(page.locator(".video-js.vjs-playing")).toHaveCount(1);
  // video.js hides its big play button once started: focus on it would fall to the body.
  await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? "")).toContain("vjs-play-control");
  // And Space there pauses: the key reaches the player.
  await page.keyboard.press(" ");
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.paused)).toBe(true);
});

test("Space on the play button plays, also when it is the page's first key (focus came without one: a screen reader, a script)", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${FREE}`);
  await expect(page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" })).toBeVisible({ timeout: 10_000 });
  await page.locator("[data-early-start]").focus();
  await expect(page.getByTestId("player")).not.toHaveAttribute("data-built", "");
  // The key's press builds the player (its button replaces this one before the key's release).
  await page.keyboard.down(" ");
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await page.keyboard.up(" ");
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  expect(await page.evaluate(() => document.querySelector("video")!.paused)).toBe(false);
  await expect.poll(() => page.evaluate(() => document.activeElement?.className ?? "")).toContain("vjs-play-control");
});

test("a press whose pointer goes down on the play button before the player is built and up after it plays", async ({ page }) => {
  await delayPlayerCode(page, 3000);
  await page.goto(`/courses/${COURSE}/${FREE}`, { waitUntil: "domcontentloaded" });
  await expect(page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" })).toBeVisible({ timeout: 10_000 });
  const box = (await page.locator("[data-early-start]").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  // The button gives way to video.js's while the pointer is down: no click can follow on it.
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  await expect(page.locator(".video-js.vjs-playing")).toHaveCount(1);
});

test("a click that arrives while the player is being built (the pointer's first move ends on the play button) plays", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${FREE}`);
  await expect(page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" })).toBeVisible({ timeout: 10_000 });
  // The press that was waiting behind the build (its task runs before video.js is ready, e.g. on
  // a slow phone the tap that follows the touch which started the build) lands on video.js's
  // play button: pressed here at the moment the server's button gives way to it.
  await page.evaluate(() => {
    const start = document.querySelector("[data-early-start]")!;
    new MutationObserver((_, observer) => {
      if (start.isConnected) return;
      observer.disconnect();
      (document.querySelector(".video-js .vjs-big-play-button") as HTMLElement).click();
    }).observe(document.querySelector('[data-testid="player"]')!, { childList: true, subtree: true });
  });
  const box = (await page.locator("[data-early-start]").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
  await expect(page.locator(".video-js.vjs-playing")).toHaveCount(1);
});

test("the captions key pressed before the player is built turns captions on once it is", async ({ page }) => {
  await delayPlayerCode(page, 3000);
  await page.goto(`/courses/${COURSE}/${FREE}`, { waitUntil: "domcontentloaded" });
  await expect(page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" })).toBeVisible({ timeout: 10_000 });
  await page.keyboard.press("c");
  expect(await page.locator(".vjs-control-bar").count()).toBe(0);
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  const showing = () =>
    page.evaluate(() => {
      const player = (document.querySelector(".video-js") as unknown as { player: { textTracks(): TextTrackList } }).player;
      const tracks = player.textTracks();
      return Array.from({ length: tracks.length }, (_, i) => tracks[i]!).filter((t) => t.kind === "captions" && t.mode === "showing").length;
    });
  await expect.poll(showing).toBe(1);
});

test("an anonymous viewer's saved position: a press on the play button before the player is built starts there, not at 0", async ({ page }) => {
  await page.addInitScript((key) => {
    localStorage.setItem("lectern:progress:v1", JSON.stringify({ [key]: { ranges: [[0, 12]], positionSeconds: 12, updatedAt: Date.now() } }));
    // Every position the element plays the MP4 at, from before any page script (a later move to
    // HLS starts its new source at 0 for an instant: not played).
    const w = window as unknown as { __played: number[] };
    w.__played = [];
    document.addEventListener(
      "timeupdate",
      (e) => {
        const v = e.target as HTMLVideoElement;
        if (!v.paused && /\.mp4(#|$)/.test(v.currentSrc)) w.__played.push(v.currentTime);
      },
      true,
    );
  }, `${COURSE}/${FREE}`);
  await delayPlayerCode(page, 3000);
  await page.goto(`/courses/${COURSE}/${FREE}`, { waitUntil: "domcontentloaded" });
  await expect(page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" })).toBeVisible({ timeout: 10_000 });
  await page.locator("[data-early-start]").click();
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await expect(page.getByTestId("resumed")).toContainText("Resuming at 0:12");
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(13);
  const played = await page.evaluate(() => (window as unknown as { __played: number[] }).__played);
  expect(played.length).toBeGreaterThan(0);
  // Never the segment's start (heard for a second or so before the resume's seek).
  expect(Math.min(...played)).toBeGreaterThanOrEqual(11.9);
});

for (const query of ["", "?autoplay=1"]) {
  test(`remembered captions are on once video.js has taken the server's <video> over${query ? " (autoplay)" : ""}`, async ({ page }) => {
    await page.addInitScript(() => {
      localStorage.setItem("lectern:player-preferences:v1", JSON.stringify({ captions: "en", playbackRate: 1, volume: 1, muted: false, autoAdvance: true }));
    });
    await page.goto(`/courses/${COURSE}/${FREE}${query}`);
    await playerReady(page);
    const showing = () =>
      page.evaluate(() => {
        const player = (document.querySelector(".video-js") as unknown as { player: { textTracks(): TextTrackList } }).player;
        const tracks = player.textTracks();
        return Array.from({ length: tracks.length }, (_, i) => tracks[i]!).filter((t) => t.kind === "captions" && t.mode === "showing").map((t) => t.language);
      });
    await expect.poll(showing).toEqual(["en"]);
  });
}

test("a press on the play button before the player is built plays with the viewer's remembered sound and speed (muted stays muted)", async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem("lectern:player-preferences:v1", JSON.stringify({ captions: null, playbackRate: 1.5, volume: 0.3, muted: true, autoAdvance: true }));
    // The element's sound and speed at each moment it plays, from before any page script.
    const w = window as unknown as { __sound: string[] };
    w.__sound = [];
    document.addEventListener("timeupdate", (e) => {
      const v = e.target as HTMLVideoElement;
      if (!v.paused) w.__sound.push(`muted=${v.muted} volume=${v.volume} rate=${v.playbackRate}`);
    }, true);
  });
  await delayPlayerCode(page, 3000);
  await page.goto(`/courses/${COURSE}/${FREE}`, { waitUntil: "domcontentloaded" });
  await expect(page.getByTestId("transcript").locator("button").filter({ hasText: "0:04" })).toBeVisible({ timeout: 10_000 });
  await page.locator("[data-early-start]").click();
  await expect(page.getByTestId("player")).toHaveAttribute("data-built", "", { timeout: 20_000 });
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(1);
  const sound = await page.evaluate(() => (window as unknown as { __sound: string[] }).__sound);
  expect(sound.length).toBeGreaterThan(0);
  expect([...new Set(sound)]).toEqual(["muted=true volume=0.3 rate=1.5"]);
});

test("a paid segment's early <video> only for a viewer allowed to watch it", async ({ page, context, baseURL }) => {
  test.setTimeout(90_000);
  const url = `/courses/${COURSE}/${PAID}?autoplay=1`;
  const anonymous = await (await page.request.get(url)).text();
  expect(anonymous).not.toContain("<video");
  expect(anonymous).not.toContain("video.mp4");

  const learner = await signUpLearner(context, baseURL!);
  expect(await (await page.request.get(url)).text()).not.toContain("video.mp4");
  grantPurchase(learner.id, COURSE);
  const owned = await (await page.request.get(url)).text();
  const src = owned.match(new RegExp(`data-early-video[^>]* src="(/media/${COURSE}/${PAID}/[^/"]+/video\\.mp4)"`))?.[1];
  expect(src).toBeTruthy();
  // Signed by the playback function for this buyer (user-bound, private): the MP4 answers ranges.
  expect((await page.request.get(src!, { headers: { range: "bytes=0-99" } })).status()).toBe(206);

  await recordFirstPlaying(page);
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __first?: { src: string } }).__first?.src ?? ""), { timeout: 20_000 }).toMatch(/\/video\.mp4$/);
  await expect(page.locator(".vjs-control-bar")).toBeAttached();
});

for (const viewport of [{ width: 1366, height: 900 }, { width: 390, height: 844 }]) {
  for (const query of ["", "?autoplay=1"]) {
    test(`no layout shift on the player page at ${viewport.width} px${query ? " (autoplay)" : ""}`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.addInitScript(() => {
        const w = window as unknown as { __shifts: { value: number; sources: string[] }[] };
        w.__shifts = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] }[]) {
            if (entry.hadRecentInput) continue;
            w.__shifts.push({
              value: entry.value,
              sources: (entry.sources ?? []).map((s) => {
                const node = s.node as Element | undefined;
                const { previousRect: a, currentRect: b } = s as unknown as { previousRect: DOMRect; currentRect: DOMRect };
                const where = `${Math.round(a.x)},${Math.round(a.y)} ${Math.round(a.width)}×${Math.round(a.height)} → ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`;
                return `${node?.nodeName ?? "?"}.${node?.className?.toString?.() ?? ""} ${node?.textContent?.slice(0, 30) ?? ""} ${where}`;
              }),
            });
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(`/courses/${COURSE}/${FREE}${query}`);
      // A plain load builds the player at the first input (CLS leaves out the shifts just after
      // one): the player's box and the page under it stay where they were.
      await expect(page.getByTestId("transcript")).toBeAttached();
      const boxes = () => Promise.all([page.getByTestId("player").boundingBox(), page.getByTestId("transcript").boundingBox()]);
      const before = await boxes();
      await playerReady(page);
      await expect(page.locator(".vjs-control-bar")).toBeAttached({ timeout: 20_000 });
      expect(await boxes()).toEqual(before);
      await expect.poll(() => page.evaluate(() => document.querySelector("video")?.readyState ?? 0), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
      // Let late work land (the transcript and chapters after the first frame, fonts).
      await expect(page.getByTestId("transcript")).toBeAttached();
      await page.evaluate(() => new Promise((r) => setTimeout(r, 2000)));
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);
      expect(shifts).toEqual([]);
    });
  }
}

test("the quality can be chosen before any seek: the Quality button moves to HLS and opens the renditions", async ({ page }) => {
  await page.goto(`/courses/${COURSE}/${FREE}`);
  await playerReady(page);
  // Not started yet: the viewer picks the quality first.
  await page.getByRole("button", { name: "Quality", exact: true }).click();
  const items = page.locator(".vjs-quality-menu-wrapper .vjs-menu-item");
  await expect(items).toHaveCount(4, { timeout: 20_000 });
  // The menu is open (its items are only shown while it is).
  await expect(items.filter({ hasText: "360p" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Quality", exact: true })).toHaveCount(0);
  await page.locator(".vjs-quality-menu-wrapper .vjs-menu-item", { hasText: "360p" }).click();
  await page.locator(".vjs-big-play-button").click();
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(1);
  expect(await page.evaluate(() => document.querySelector("video")!.currentSrc)).toMatch(/^blob:/);
  // 360p was chosen: the segments played come from the 360p rendition.
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.videoHeight), { timeout: 20_000 }).toBe(360);
});

test("a ladder of one rendition (a 360p source): the Quality button moves to HLS and gives focus to the player, never to the page", async ({ page }) => {
  // The ladder of a small source: the plugin then shows no menu at all.
  await page.route(/\/master\.m3u8$/, async (route) => {
    const body = await (await route.fetch()).text();
    const lines = body.split("\n");
    const first = lines.findIndex((l) => l.startsWith("#EXT-X-STREAM-INF"));
    await route.fulfill({ contentType: "application/vnd.apple.mpegurl", body: [...lines.slice(0, first + 2), ""].join("\n") });
  });
  await page.goto(`/courses/${COURSE}/${FREE}`);
  await playerReady(page);
  await page.getByRole("button", { name: "Quality", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentSrc), { timeout: 20_000 }).toMatch(/^blob:/);
  await expect(page.getByRole("button", { name: "Quality", exact: true })).toHaveCount(0);
  // Focus is on the play button (a disposed button's focus would fall to the page's body).
  await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("vjs-play-control") ?? false)).toBe(true);
  await expect(page.locator(".vjs-quality-menu-wrapper .vjs-menu-item")).toHaveCount(0);
});

// PLAYER_MP4_ORIGIN (ADR 008): the MP4 from a second host name of the same server gets its own
// HTTP/1.1 connections. Here the app is 127.0.0.1 and its second name localhost.
test.describe("with the MP4s on a second host name", () => {
  let app: TStartedApp;
  let port: number;
  test.beforeAll(async () => {
    port = await freePort();
    app = await startApp({ PLAYER_MP4_ORIGIN: `http://localhost:${port}` }, { port });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("an autoplay load and a plain load play the MP4 from that host; the page's policy allows it, HLS stays on the page's host", async ({ page }) => {
    test.setTimeout(90_000);
    const url = `${app.baseURL}/courses/${COURSE}/${FREE}`;
    const response = await page.request.get(`${url}?autoplay=1`);
    expect(response.headers()["content-security-policy"]).toContain(`media-src 'self' blob: http://localhost:${port};`);
    const html = await response.text();
    expect(html).toMatch(new RegExp(`<video [^>]*data-early-video[^>]* src="http://localhost:${port}/media/${COURSE}/${FREE}/[^/"]+/video\\.mp4"`));
    expect(html).toMatch(new RegExp(`poster="/media/${COURSE}/${FREE}/`));

    const media: string[] = [];
    page.on("request", (r) => {
      if (/\/media\//.test(r.url())) media.push(r.url());
    });
    await recordFirstPlaying(page);
    await page.goto(`${url}?autoplay=1`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __first?: { src: string } }).__first?.src ?? ""), { timeout: 20_000 }).toMatch(
      new RegExp(`^http://localhost:${port}/media/.+/video\\.mp4$`),
    );
    await expect(page.locator(".vjs-control-bar")).toBeAttached();
    await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime)).toBeGreaterThan(0.5);
    // A seek moves to HLS, whose playlists and segments come from the page's own host.
    await page.evaluate(() => {
      (document.querySelector(".video-js") as unknown as { player: { currentTime(t: number): void } }).player.currentTime(15);
    });
    await expect.poll(() => media.some((u) => u.endsWith(".ts")), { timeout: 20_000 }).toBe(true);
    expect(media.filter((u) => /\.(m3u8|ts)$/.test(u)).every((u) => u.startsWith(`${app.baseURL}/media/`))).toBe(true);
    await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(15.5);

    // A plain load: the player's own MP4 source is on that host too; the viewer's click plays it.
    media.length = 0;
    await page.goto(url);
    await playerReady(page);
    await page.locator('[data-testid="player"] .vjs-big-play-button').click();
    await expect.poll(() => page.evaluate(() => document.querySelector("video")!.currentTime), { timeout: 20_000 }).toBeGreaterThan(0.5);
    expect(await page.evaluate(() => document.querySelector("video")!.currentSrc)).toMatch(new RegExp(`^http://localhost:${port}/media/.+/video\\.mp4$`));
  });
});
