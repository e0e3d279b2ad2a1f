"use client";

import { ActionForm, type TActionFormProps, type TFormState } from "@/components/forms/action-form";

export type TTeamFormState = TFormState;

/** A team page's form (components/forms/action-form.tsx) in the team pages' look. */
export function TeamForm({ className, label, ...props }: TActionFormProps & { label: string }) {
  return <ActionForm {...props} label={label} className={className ?? "team-form"} noticeClassName="team-notice" />;
}
