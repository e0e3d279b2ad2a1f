"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth.server";

/** Server actions are same-origin only (Next checks Origin), so this form is CSRF-safe. */
export async function signOutAction() {
  await auth.api.signOut({ headers: await headers() });
  redirect("/");
}
