import { expect, type Page } from "@playwright/test";

/**
 * Creates a course through the admin's own form on /admin/courses (the page must be signed in
 * as an admin) and waits for its page, which the form opens. The course is a draft.
 */
export async function createCourseAsAdmin(admin: Page, course: { title: string; slug: string }): Promise<void> {
  await admin.goto("/admin/courses");
  const create = admin.getByTestId("new-course-form");
  await create.getByLabel("Title").fill(course.title);
  await create.getByLabel(/^Slug/).fill(course.slug);
  await create.getByRole("button", { name: "Create course" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText(course.title);
}
