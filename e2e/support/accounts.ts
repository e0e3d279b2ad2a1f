import { randomUUID } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { runSupportScript } from "./run-script";

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
  // Sign-up never signs in (it must answer an existing address alike, ADR 003): sign in now.
  const signIn = await context.request.post(`${baseURL}/api/auth/sign-in/email`, {
    data: { email: user.email, password: user.password },
    headers: { origin: baseURL },
  });
  if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
  const body = (await res.json()) as { user: { id: string } };
  return { ...user, id: body.user.id };
}

/** Gives the user a paid order and an active purchase of the course, directly in the e2e database. */
export function grantPurchase(userId: string, courseSlug: string): { orderId: string } {
  return JSON.parse(runSupportScript("grant-purchase.ts", [userId, courseSlug])) as { orderId: string };
}

/** Refunds an order with the app's refundOrder (order and purchase → refunded). */
export function refundOrder(orderId: string): void {
  runSupportScript("refund-order.ts", [orderId]);
}
