import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { runSupportScript } from "./run-script";

export type TAccount = { id: string; email: string; password: string; name: string };

/**
 * A fresh account of the given role, created directly in the e2e database (create-account.ts)
 * and signed in through the app's own sign-in endpoint on `request` (a page's
 * context.request or a new request context). Admin specs use their own admins, never the
 * seeded one (other specs sign in to it, and the lockout spec fails on purpose).
 */
export async function signUp(request: APIRequestContext, baseURL: string, role: "learner" | "admin"): Promise<TAccount> {
  const email = `${role}-${randomUUID()}@example.com`;
  const account = { email, password: "correct horse battery", name: role === "admin" ? "Test Admin" : "Test Learner" };
  const out = runSupportScript("create-account.ts", [email, account.password, account.name, role]);
  const { id } = JSON.parse(out) as { id: string };
  const signIn = await request.post(`${baseURL}/api/auth/sign-in/email`, {
    data: { email, password: account.password },
    headers: { origin: baseURL },
  });
  if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
  return { ...account, id };
}
