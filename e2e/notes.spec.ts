import { COURSE, expect, test } from "./fixtures";
import { signUpLearner } from "./support/accounts";
import { playerReady, videoState } from "./support/player";

// Issue 10: notes at a moment (N key and a button), listed beside the player and on the course
// page, click to seek, export as Markdown, private to their author.

const SEGMENT = "what-is-python";

test("a note added at 0:07 appears in the list, seeks there, shows on the course page and exports", async ({ page, context, baseURL }) => {
  await signUpLearner(context, baseURL!);
  await page.goto(`/courses/${COURSE}/${SEGMENT}?t=7`);
  await playerReady(page);
  await expect.poll(async () => Math.floor((await videoState(page)).time)).toBe(7);

  // N in the player starts a note at the current moment.
  await page.locator(".video-js").focus();
  await page.keyboard.press("n");
  await expect(page.getByTestId("note-text")).toBeFocused();
  await expect(page.getByTestId("note-add")).toHaveText("Add note at 0:07");
  await page.keyboard.type("Python is the glue between systems");
  await page.getByTestId("note-add").click();
  const note = page.getByTestId("note");
  await expect(note).toHaveCount(1);
  await expect(note).toContainText("0:07");
  await expect(note).toContainText("Python is the glue between systems");

  // Its time seeks there.
  await page.evaluate(() => {
    document.querySelector("video")!.currentTime = 15;
  });
  await expect.poll(async () => (await videoState(page)).time).toBeGreaterThan(14);
  await note.getByTestId("note-time").click();
  await expect.poll(async () => Math.abs((await videoState(page)).time - 7)).toBeLessThan(1);

  // After a reload it is still there; the course page lists it with a link to the moment.
  await page.reload();
  await expect(page.getByTestId("note")).toHaveCount(1);
  await page.goto(`/courses/${COURSE}`);
  const listed = page.getByTestId("course-note");
  await expect(listed).toHaveCount(1);
  await expect(listed.getByRole("link", { name: "0:07" })).toHaveAttribute("href", `/courses/${COURSE}/${SEGMENT}?t=7`);

  // The Markdown export.
  const exported = await context.request.get(`${baseURL}/api/courses/${COURSE}/notes`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toContain("text/markdown");
  const markdown = await exported.text();
  expect(markdown).toContain("## 2.2 What is Python?");
  expect(markdown).toContain(`/courses/${COURSE}/${SEGMENT}?t=7) Python is the glue between systems`);
});

test("notes are private: another learner neither sees nor deletes them, and anonymous visitors are asked to sign in", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await signUpLearner(context, baseURL!);
  const made = await context.request.post(`${baseURL}/api/notes`, {
    data: { course: COURSE, segment: SEGMENT, atSeconds: 3, text: "mine" },
    headers: { origin: baseURL! },
  });
  expect(made.status()).toBe(201);
  const { id } = (await made.json()) as { id: string };

  const other = await browser.newContext();
  await signUpLearner(other, baseURL!);
  const theirs = await other.request.get(`${baseURL}/api/notes?course=${COURSE}&segment=${SEGMENT}`);
  expect(((await theirs.json()) as { notes: unknown[] }).notes).toEqual([]);
  expect((await other.request.delete(`${baseURL}/api/notes/${id}`, { headers: { origin: baseURL! } })).status()).toBe(404);
  expect((await other.request.patch(`${baseURL}/api/notes/${id}`, { data: { text: "x" }, headers: { origin: baseURL! } })).status()).toBe(404);
  await other.close();

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${baseURL}/api/notes?course=${COURSE}`)).status()).toBe(401);
  const anonPage = await anonymous.newPage();
  await anonPage.goto(`${baseURL}/courses/${COURSE}/${SEGMENT}`);
  await expect(anonPage.getByTestId("notes")).toContainText("Sign in");
  await anonymous.close();

  // Still there for its author.
  await page.goto(`/courses/${COURSE}/${SEGMENT}`);
  await expect(page.getByTestId("note")).toContainText("mine");
});
