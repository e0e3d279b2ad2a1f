import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

export type TAccount = { id: string; email: string; password: string; name: string };

/**
 * A fresh account, signed in on `request` (a page's context.request or a new request context),
 * optionally made an admin before it signs in (so its session reads the admin role).
 */
export async function signUp(request: APIRequestContext, baseURL: string, role: "learner" | "admin"): Promise<TAccount> {
  const email = `${role}-${randomUUID()}@example.com`;
  const account = { email, password: "correct horse battery", name: role === "admin" ? "Test Admin" : "Test Learner" };
  const res = await request.post(`${baseURL}/api/auth/sign-up/email`, { data: account, headers: { origin: baseURL } });
  if (!res.ok()) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string } };
  if (role === "admin") {
    execFileSync(path.resolve("node_modules/.bin/tsx"), [path.join(__dirname, "make-admin.ts"), user.id], {
      env: { ...process.env, E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db" },
      encoding: "utf8",
    });
  }
  const signIn = await request.post(`${baseURL}/api/auth/sign-in/email`, {
    data: { email, password: account.password },
    headers: { origin: baseURL },
  });
  if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);
  return { ...account, id: user.id };
}
