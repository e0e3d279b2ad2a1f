"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/lib/auth/auth.server";
import { actionError } from "@/lib/http/action-error";
import { ZFormData } from "@/lib/http/parse-form-data";

/** The sign-out form posts its (empty) FormData; a hand-made call may pass anything. */
const ZSignOutArgs = z.union([z.tuple([]), z.tuple([ZFormData])]);

/**
 * Server actions are same-origin only (Next checks Origin), so this form is CSRF-safe.
 * A malformed call is refused without touching the session; a failing sign-out goes through
 * actionError (logged, never a 500) and the visitor goes home — the form has nowhere to show
 * an error.
 */
export async function signOutAction(...args: unknown[]): Promise<void> {
  // Nothing to tell a caller that isn't our form: it gets an empty answer, not a 500.
  if (!ZSignOutArgs.safeParse(args).success) return;
  try {
    await auth.api.signOut({ headers: await headers() });
  } catch (error) {
    actionError(error);
  }
  redirect("/");
}
