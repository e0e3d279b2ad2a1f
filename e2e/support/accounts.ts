import { randomUUID } from "node:crypto";
import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { createDb, type Db } from "../../lib/db";

/** The e2e server's database (playwright.config.ts sets the same URL for `next start`). */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

let db: Db | null = null;
export function e2eDb(): Db {
  db ??= createDb(E2E_DATABASE_URL);
  return db;
}

export type TTestUser = { id: string; email: string; password: string; name: string };

/**
 * Creates a fresh learner through the app's own sign-up endpoint and leaves its session
 * cookie in `context`, so the browser is signed in. Unique per call; tests never share users.
 */
export async function signUpLearner(context: BrowserContext, baseURL: string): Promise<TTestUser> {
  const email = `learner-${randomUUID()}@example.com`;
  const user = { email, password: "correct horse battery", name: "Test Learner" };
  const res = await context.request.post(`${baseURL}/api/auth/sign-up/email`, {
    data: user,
    headers: { origin: baseURL },
  });
  if (!res.ok()) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string } };
  return { ...user, id: body.user.id };
}

/** Gives the user a paid order and an active purchase of the course, as checkout would. */
export async function grantPurchase(userId: string, courseSlug: string): Promise<{ orderId: string }> {
  const client = e2eDb();
  const course = await client.course.findUniqueOrThrow({
    where: { slug: courseSlug },
    select: { id: true, priceCents: true, currency: true },
  });
  const user = await client.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } });
  const order = await client.order.create({
    data: {
      number: `LEC-E2E-${randomUUID().slice(0, 8).toUpperCase()}`,
      userId,
      courseId: course.id,
      status: "paid",
      currency: course.currency,
      subtotalCents: course.priceCents,
      totalCents: course.priceCents,
      provider: "local",
      paymentMethod: "Local test payment",
      buyerName: user.name,
      buyerEmail: user.email,
      paidAt: new Date(),
      purchase: { create: { userId, courseId: course.id } },
    },
    select: { id: true },
  });
  return { orderId: order.id };
}

