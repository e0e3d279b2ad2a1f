"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/access/get-viewer.server";
import { auth } from "@/lib/auth/auth.server";
import { actionError } from "@/lib/http/action-error";
import { safeParseFormData } from "@/lib/http/parse-form-data";
import { acceptInvitation } from "@/lib/teams/accept-invitation";
import { teamDeps } from "@/lib/teams/teams-deps.server";
import type { TTeamFormState } from "@/components/teams/team-form";

const ZAcceptForm = z.object({ token: z.string().min(1).max(200) });

/** "Accept": takes the seat (lib/teams/accept-invitation.ts) and opens the course. */
export async function acceptAction(_previous: unknown, formData: unknown): Promise<TTeamFormState> {
  const parsed = safeParseFormData(ZAcceptForm, formData);
  if (!parsed.success) return actionError(parsed.error);
  const user = await requireUser(`/teams/invitations/${encodeURIComponent(parsed.data.token)}`);
  let courseSlug: string;
  try {
    ({ courseSlug } = await acceptInvitation({ db: teamDeps.db, secret: teamDeps.env.LECTERN_SECRET, now: teamDeps.now }, user, parsed.data.token));
  } catch (error) {
    return actionError(error);
  }
  redirect(`/courses/${courseSlug}?joined=1`);
}

/**
 * "Send the confirmation again", for a signed-in account whose address is not confirmed yet
 * (a seat needs a confirmed address). Better Auth mails the link; it brings them back here.
 */
export async function resendConfirmationAction(_previous: unknown, formData: unknown): Promise<TTeamFormState> {
  const parsed = safeParseFormData(ZAcceptForm, formData);
  if (!parsed.success) return actionError(parsed.error);
  const here = `/teams/invitations/${encodeURIComponent(parsed.data.token)}`;
  const user = await requireUser(here);
  if (user.emailVerified) return { notice: "Your address is already confirmed: accept the invitation." };
  try {
    await auth.api.sendVerificationEmail({ body: { email: user.email, callbackURL: here }, headers: await headers() });
  } catch (error) {
    return actionError(error);
  }
  return { notice: `We sent a new confirmation link to ${user.email}. Open it, then accept the invitation.` };
}
