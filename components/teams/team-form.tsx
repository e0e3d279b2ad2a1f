"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";

export type TTeamFormState = { error?: string; notice?: string; fields?: Record<string, string> };
type TAction = (previous: TTeamFormState, formData: FormData) => Promise<TTeamFormState>;

/**
 * A form posting to a team server action: a plain form post before JavaScript loads, and
 * afterwards one submit at a time with the answer (error or notice) above the fields.
 */
export function TeamForm({
  action,
  children,
  className,
  label,
  testId,
  resetOnSuccess = false,
}: {
  action: TAction;
  children: React.ReactNode;
  className?: string;
  label: string;
  testId?: string;
  resetOnSuccess?: boolean;
}) {
  const [state, formAction, pending] = useActionState<TTeamFormState, FormData>(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.notice) form.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
      className={className ?? "team-form"}
      aria-label={label}
      aria-busy={pending}
      data-testid={testId}
    >
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : state.notice ? (
        <p className="team-notice" role="status">
          {state.notice}
        </p>
      ) : null}
      {children}
    </form>
  );
}
