"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/access/get-viewer.server";
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
