"use client";

import { useActionState } from "react";
import type { TRetryState } from "@/app/admin/jobs/actions";

/** Retry for one failed job; the action's answer (or refusal) shows beside the button. */
export function RetryJobButton(props: { jobId: string; action: (state: TRetryState, formData: FormData) => Promise<TRetryState> }) {
  const [state, formAction, pending] = useActionState(props.action, {});
  return (
    <form action={formAction} className="job__actions">
      <input type="hidden" name="jobId" value={props.jobId} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Retrying…" : "Retry"}
      </button>
      {state.error ? (
        <span className="form-error" role="alert">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
