import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "../auth/auth.server";
import { ANONYMOUS, type TViewer } from "./viewer";

export type TCurrentUser = { id: string; email: string; name: string; role: "learner" | "admin"; emailVerified: boolean };

/**
 * The signed-in user of this request (database session cookie), or null. Cached per request:
 * the layout, the page and its loaders all ask, the session is read once.
 */
export const getCurrentUser = cache(async (): Promise<TCurrentUser | null> => {
  const session = await auth.api.getSession({ headers: await headers() });
  if (!session) return null;
  const { id, email, name, emailVerified } = session.user;
  const role = (session.user as { role?: string }).role === "admin" ? "admin" : "learner";
  return { id, email, name, role, emailVerified };
});

/** The viewer access decisions are made for. */
export async function getViewer(): Promise<TViewer> {
  const user = await getCurrentUser();
  return user ? { kind: "user", userId: user.id, role: user.role } : ANONYMOUS;
}

/** For pages that need an account: sends anonymous visitors to sign in and back. */
export async function requireUser(returnTo: string): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return user;
}
