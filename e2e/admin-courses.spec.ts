import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signUp } from "./support/admin-accounts";
import { createCourseAsAdmin } from "./support/admin-course";

/** The segment slugs of each part, in the order the page shows them. */
async function order(page: Page): Promise<string[][]> {
  return page.getByTestId("admin-part").evaluateAll((parts) =>
    parts.map((part) => [...part.querySelectorAll("[data-testid=admin-segment]")].map((s) => s.getAttribute("data-slug") ?? "")),
  );
}

async function addSegment(page: Page, partIndex: number, title: string, slug: string) {
  const part = page.getByTestId("admin-part").nth(partIndex);
  const details = part.locator("details", { hasText: "Add a segment to this part" });
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  await details.getByLabel("Segment title").fill(title);
  await details.getByLabel(/^Slug/).fill(slug);
  await details.getByRole("button", { name: "Add segment" }).click();
  await expect(details.getByRole("status")).toContainText(`Segment "${title}" added.`);
}

test("an admin creates a course, arranges its parts and segments from the keyboard, archives one and publishes it", async ({ page, baseURL }) => {
  const admin = await signUp(page.context().request, baseURL!, "admin");
  const slug = `admin-e2e-${randomUUID().slice(0, 8)}`;

  await createCourseAsAdmin(page, { title: "Shipping Python services", slug });
  await expect(page.getByText("Course created. It stays unpublished")).toBeVisible();
  await expect(page.locator(".admin-head .badge")).toHaveText("Draft");

  // A refused field keeps what was typed and says what is wrong.
  const details = page.getByTestId("details-form");
  await details.getByLabel(/^Price/).fill("forty-nine");
  await details.getByLabel(/^Authors/).fill("Ada Lovelace\nGrace Hopper");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.locator(".field-error")).toHaveText("Price must be an amount like 49 or 49.99");
  await expect(details.getByLabel(/^Authors/)).toHaveValue("Ada Lovelace\nGrace Hopper");
  await details.getByLabel(/^Price/).fill("49.99");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByRole("status")).toHaveText("Course details saved.");

  // Two parts, three segments in the first.
  for (const title of ["Basics", "Going further"]) {
    const form = page.getByRole("form", { name: "Add a part" });
    await form.getByLabel("Part title").fill(title);
    await form.getByRole("button", { name: "Add part" }).click();
    await expect(page.getByTestId("admin-part").filter({ hasText: title })).toBeVisible();
  }
  await addSegment(page, 0, "One", "one");
  await addSegment(page, 0, "Two", "two");
  await addSegment(page, 0, "Three", "three");
  expect(await order(page)).toEqual([["one", "two", "three"], []]);

  // Reorder from the keyboard: focus "Move Three up" and press Enter.
  await page.getByRole("button", { name: "Move Three up" }).focus();
  await page.keyboard.press("Enter");
  await expect.poll(() => order(page)).toEqual([["one", "three", "two"], []]);

  // Move "One" to the second part.
  const moveOne = page.getByRole("form", { name: "Move One to another part" });
  await moveOne.getByLabel("Move One to part").selectOption({ label: "2. Going further" });
  await moveOne.getByRole("button", { name: "Move" }).click();
  await expect.poll(() => order(page)).toEqual([["three", "two"], ["one"]]);

  // Archive "Two": it leaves the order and is listed as archived.
  await page.getByRole("button", { name: "Archive Two" }).click();
  await expect.poll(() => order(page)).toEqual([["three"], ["one"]]);
  await expect(page.getByRole("region", { name: "Archived segments" })).toContainText("Two");

  // Parts move too, with their segments: "Going further" first, then back.
  await page.getByRole("button", { name: "Move part Going further up" }).click();
  await expect.poll(() => order(page)).toEqual([["one"], ["three"]]);
  await page.getByRole("button", { name: "Move part Going further down" }).click();
  await expect.poll(() => order(page)).toEqual([["three"], ["one"]]);

  // Publish.
  await page.getByTestId("publish-toggle").click();
  await expect(page.locator(".admin-head .badge")).toHaveText("Published");

  // The audit log has each step, by this admin, before → after.
  await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}`);
  const actions = await page.getByTestId("audit-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  expect(actions).toEqual([
    "course.publish",
    "part.move",
    "part.move",
    "segment.archive",
    "segment.move",
    "segment.move",
    "segment.create",
    "segment.create",
    "segment.create",
    "part.create",
    "part.create",
    "course.update",
    "course.create",
  ]);
  await expect(page.getByTestId("audit-row").filter({ hasText: "course.update" })).toContainText("priceCents: 0 → 4999");
});
