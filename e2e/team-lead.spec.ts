import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { COURSE, expect, test } from "./fixtures";
import { signUpLearner } from "./support/accounts";
import { playerReady } from "./support/player";
import { seriousViolations } from "./support/axe";
import { runSupportScript } from "./support/run-script";

// Issue 11: a lead buys 3 seats, invites two people, one accepts and watches an assigned
// segment to the end; the lead's grid shows it completed and the CSV has the row. Along the
// way: the invitation link is bound to its address, a member may not see the lead's view, and
// a stranger guessing the team's URL gets a 404.

const SEGMENT = "debugging"; // a paid segment (part 4) of 10 s

function mailTo(to: string, subject: string): { subject: string; text: string } | null {
  return JSON.parse(runSupportScript("read-mail.ts", [to, subject])) as { subject: string; text: string } | null;
}

/** Signs up `email` through the app's own endpoints and leaves the session in `request`. */
async function signUpAs(request: APIRequestContext, baseURL: string, email: string, name: string) {
  const user = { email, password: "correct horse battery", name };
  const res = await request.post(`${baseURL}/api/auth/sign-up/email`, { data: user, headers: { origin: baseURL } });
  expect(res.ok()).toBe(true);
  const signIn = await request.post(`${baseURL}/api/auth/sign-in/email`, { data: { email, password: user.password }, headers: { origin: baseURL } });
  expect(signIn.ok()).toBe(true);
}

test("a lead buys 3 seats, invites two people; one accepts and watches an assigned segment; the grid and the CSV show it", async ({ page, context, browser, baseURL }) => {
  test.setTimeout(180_000);
  const lead = await signUpLearner(context, baseURL!);
  const org = `Acme Platform ${randomUUID().slice(0, 6)}`;
  const grace = `grace-${randomUUID()}@example.com`;
  const alan = `alan-${randomUUID()}@example.com`;

  // Buy 3 seats from the course page's buy-box, with the launch coupon.
  await page.goto(`/courses/${COURSE}`);
  await page.getByTestId("buy-for-team").click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/checkout/team`));
  await page.getByLabel("Coupon code").fill("LAUNCH50");
  await page.getByRole("button", { name: "Update price" }).click();
  await expect(page.getByTestId("checkout-subtotal")).toHaveText("$179.97");
  await expect(page.getByTestId("checkout-total")).toContainText("$89.98"); // 50 % of $179.97 is $89.985: the discount rounds half up to $89.99
  await page.getByLabel(/Organisation or team name/).fill(org);
  await page.getByTestId("team-pay").click();
  await page.getByRole("button", { name: "Pay (test)" }).click();
  await expect(page).toHaveURL(/\/account\/orders\/[^/]+\/receipt/);
  await expect(page.getByTestId("receipt-organisation")).toHaveText(org);
  await expect(page.getByTestId("receipt-quantity")).toHaveText("3");
  expect(mailTo(lead.email, "receipt")!.text).toContain(org);
  await page.getByTestId("receipt-team-link").click();
  await expect(page.getByTestId("team-name")).toHaveText(org);
  await expect(page.getByTestId("team-seats")).toHaveText("1 of 3 seats taken");
  const teamUrl = new URL(page.url()).pathname;

  // Invite two people.
  for (const email of [grace, alan]) {
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.getByTestId("invite-form").getByRole("status")).toContainText(`Invitation sent to ${email}`);
  }
  await expect(page.getByTestId("team-invitations")).toContainText(grace);
  await expect(page.getByTestId("team-invitations")).toContainText(alan);
  // 1 seat taken + 2 promised of 3: the form says so, and the server refuses a fourth person.
  await expect(page.getByTestId("invite-seats-full")).toContainText("add seats");
  await page.getByLabel("E-mail").fill(`third-${randomUUID()}@example.com`);
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByTestId("invite-form").getByRole("alert")).toContainText("Add seats");
  const link = /http\S+\/teams\/invitations\/\S+/.exec(mailTo(grace, org)!.text)![0];

  // Alan (signed in as himself) cannot use Grace's link.
  const alanContext = await browser.newContext();
  await signUpAs(alanContext.request, baseURL!, alan, "Alan Turing");
  const alanPage = await alanContext.newPage();
  await alanPage.goto(link);
  await expect(alanPage.getByTestId("invitation-wrong-account")).toContainText(grace);
  await expect(alanPage.getByTestId("accept-invitation")).toHaveCount(0);

  // Grace accepts.
  const graceContext = await browser.newContext();
  await signUpAs(graceContext.request, baseURL!, grace, "Grace Hopper");
  const gracePage = await graceContext.newPage();
  // Not confirmed yet: the page says so and offers the confirmation again instead of Accept.
  await gracePage.goto(link);
  await expect(gracePage.getByTestId("invitation-unconfirmed")).toContainText("Confirm your e-mail address first");
  await expect(gracePage.getByTestId("accept-invitation")).toHaveCount(0);
  const confirm = /http\S+\/api\/auth\/verify-email\S+/.exec(mailTo(grace, "Confirm your e-mail address")!.text)![0];
  await gracePage.goto(confirm);
  await gracePage.goto(link);
  await expect(gracePage.getByTestId("invitation-email")).toHaveText(grace);
  await gracePage.getByTestId("accept-invitation").click();
  await expect(gracePage).toHaveURL(new RegExp(`/courses/${COURSE}\\?joined=1`));
  await expect(gracePage.getByTestId("owned")).toContainText("Your team seat");
  // An unknown, tampered or oversized link answers 404 with a plain message.
  const tampered = link.slice(0, -2) + (link.endsWith("AA") ? "BB" : "AA");
  for (const bad of [`${baseURL}/teams/invitations/not-a-token`, tampered, `${link}${"x".repeat(300)}`]) {
    const res = await gracePage.goto(bad);
    expect(res!.status(), bad).toBe(404);
    await expect(gracePage.getByTestId("invitation-error")).toContainText("not valid");
  }
  // The link worked once.
  await gracePage.goto(link);
  await expect(gracePage.getByTestId("invitation-error")).toContainText("already been used");

  // The lead assigns the segment to the whole team.
  await page.reload();
  await expect(page.getByTestId("team-seats")).toHaveText("2 of 3 seats taken");
  await page.getByLabel("Segment or part").selectOption({ label: "4.5 Debugging" });
  await page.getByLabel("The whole team").check();
  await page.getByLabel("Note").fill("Watch this before Monday's incident review");
  await page.getByLabel(/Due date/).fill("2099-12-31");
  await page.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByTestId("team-assignment")).toContainText("4.5 Debugging");
  expect(mailTo(grace, "Assigned to you")!.text).toContain("Watch this before Monday's incident review");

  // Grace sees it on her account and watches it to the end.
  await gracePage.goto("/account");
  const assigned = gracePage.getByTestId("my-assignment");
  await expect(assigned).toContainText("4.5 Debugging");
  await expect(assigned).toContainText("Watch this before Monday's incident review");
  await expect(assigned).toContainText("due 2099-12-31");
  await assigned.getByRole("link").click();
  await expect(gracePage).toHaveURL(new RegExp(`/courses/${COURSE}/${SEGMENT}`));
  await playerReady(gracePage);
  await gracePage.evaluate(() => {
    const v = document.querySelector("video")!;
    v.playbackRate = 2;
    void v.play();
  });
  await expect.poll(() => gracePage.evaluate(() => document.querySelector("video")!.ended), { timeout: 60_000 }).toBe(true);

  // The lead's view: completed, in the grid and the CSV.
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("assignee").filter({ hasText: "Grace Hopper" }).getAttribute("data-state");
      },
      { timeout: 30_000 },
    )
    .toBe("completed");
  const row = page.locator(`[data-testid="team-grid-row"][data-email="${grace}"]`);
  await expect(row.locator('[data-testid="team-grid-cell"][data-part="4"]')).toHaveText(/^1\//);
  await expect(row.getByTestId("team-grid-total")).toHaveText(/^1\//);
  const csv = await context.request.get(`${baseURL}${teamUrl}/progress.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const line = (await csv.text()).split("\r\n").find((l) => l.includes(grace));
  expect(line).toMatch(new RegExp(`^Grace Hopper,${grace.replace(/[.+]/g, "\\$&")},member,0,0,0,1,`));
  await gracePage.goto(`/courses/${COURSE}`);
  await expect(gracePage.getByTestId("my-assignment")).toHaveAttribute("data-state", "completed");

  // A member may not see the lead's view (403); a stranger guessing the URL gets a 404.
  const memberView = await gracePage.goto(teamUrl);
  expect(memberView?.status()).toBe(403);
  expect((await graceContext.request.get(`${baseURL}${teamUrl}/progress.csv`)).status()).toBe(403);
  const alanView = await alanPage.goto(teamUrl);
  expect(alanView?.status()).toBe(404);
  expect((await alanContext.request.get(`${baseURL}${teamUrl}/progress.csv`)).status()).toBe(404);
  await alanContext.close();
  await graceContext.close();
});

test("the team pages have no serious accessibility findings and no sideways scroll, at 1366 and 390 px", async ({ page, context, baseURL, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(/status of 404/); // the invalid invitation link answers 404
  // The seeded demo lead (prisma/seed.ts → lib/teams/seed-demo-team.ts) and their team.
  const signIn = await context.request.post(`${baseURL}/api/auth/sign-in/email`, {
    data: { email: "lead@lectern.local", password: "lectern-lead" },
    headers: { origin: baseURL! },
  });
  expect(signIn.ok()).toBe(true);
  await page.goto("/account");
  const teamPath = await page.getByTestId("account-teams").getByRole("link", { name: "Demo Platform Team" }).getAttribute("href");
  expect(teamPath).toMatch(/^\/teams\/[a-z0-9]+$/);
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of [teamPath!, `/courses/${COURSE}/checkout/team`, "/teams/invitations/not-a-token", "/account"]) {
      await page.goto(path);
      expect(await seriousViolations(page), `${path} at ${width}px`).toEqual([]);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways, `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }
});
