"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/access/get-viewer.server";
import { actionError } from "@/lib/http/action-error";
import { ZFormData, safeParseFormData } from "@/lib/http/parse-form-data";
import { deliverAfterResponse } from "@/lib/mail/deliver-after-response";
import { createAssignment } from "@/lib/teams/create-assignment";
import { deleteAssignment, ZDeleteAssignmentRequest } from "@/lib/teams/delete-assignment";
import { inviteMember, ZInviteRequest } from "@/lib/teams/invite-member";
import { revokeMember } from "@/lib/teams/revoke-member";
import { teamDeps } from "@/lib/teams/teams-deps.server";
import type { TTeamFormState } from "@/components/teams/team-form";

// Server actions are public endpoints: every argument is checked, every refusal is a message
// (lib/http/action-error.ts), and every one re-checks the caller's role in the team (lib/teams).

export async function inviteAction(_previous: unknown, formData: unknown): Promise<TTeamFormState> {
  const parsed = safeParseFormData(ZInviteRequest, formData);
  if (!parsed.success) return actionError(parsed.error);
  const user = await requireUser(`/teams/${encodeURIComponent(parsed.data.team)}`);
  try {
    await inviteMember(teamDeps, user.id, parsed.data);
    deliverAfterResponse(teamDeps);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/teams/${parsed.data.team}`);
  return { notice: `Invitation sent to ${parsed.data.email}. The link works for 7 days.` };
}

const ZRevokeForm = z.object({ team: z.string().min(1).max(64), member: z.string().min(1).max(64) });

export async function revokeAction(_previous: unknown, formData: unknown): Promise<TTeamFormState> {
  const parsed = safeParseFormData(ZRevokeForm, formData);
  if (!parsed.success) return actionError(parsed.error);
  const user = await requireUser(`/teams/${encodeURIComponent(parsed.data.team)}`);
  try {
    const { revoked } = await revokeMember(teamDeps, user.id, parsed.data);
    revalidatePath(`/teams/${parsed.data.team}`);
    return { notice: revoked ? "Seat revoked: it is free again." : "That seat was already free." };
  } catch (error) {
    return actionError(error);
  }
}

export async function assignAction(_previous: unknown, formData: unknown): Promise<TTeamFormState> {
  const form = ZFormData.safeParse(formData);
  if (!form.success) return actionError(form.error);
  const team = String(form.data.get("team") ?? "");
  const user = await requireUser(`/teams/${encodeURIComponent(team)}`);
  try {
    await createAssignment(teamDeps, user.id, {
      team,
      target: String(form.data.get("target") ?? ""),
      assignees: form.data.getAll("assignees").map(String),
      note: String(form.data.get("note") ?? ""),
      due: String(form.data.get("due") ?? ""),
    });
    deliverAfterResponse(teamDeps);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/teams/${team}`);
  return { notice: "Assigned. Everyone it is for got an e-mail." };
}

export async function deleteAssignmentAction(_previous: unknown, formData: unknown): Promise<TTeamFormState> {
  const parsed = safeParseFormData(ZDeleteAssignmentRequest, formData);
  if (!parsed.success) return actionError(parsed.error);
  const user = await requireUser(`/teams/${encodeURIComponent(parsed.data.team)}`);
  try {
    await deleteAssignment(teamDeps, user.id, parsed.data);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath(`/teams/${parsed.data.team}`);
  return { notice: "Assignment deleted." };
}
