"use client";

import { ActionForm as Form, type TActionFormProps } from "@/components/forms/action-form";

export { FieldError, SubmitButton } from "@/components/forms/action-form";

/** An admin form (components/forms/action-form.tsx) in the admin area's look. */
export function ActionForm({ className, ...props }: TActionFormProps) {
  return <Form {...props} className={className ?? "admin-form"} noticeClassName="admin-notice" />;
}
