"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from "react";
import type { TActionState } from "@/lib/http/action-error";

/** What a form's server action answers: an error (and field messages), or a notice of what it did. */
export type TFormState = TActionState & { notice?: string };

type TAction = (previous: TFormState, formData: FormData) => Promise<TFormState>;

export type TActionFormProps = {
  action: TAction;
  children: React.ReactNode;
  className?: string;
  label?: string;
  testId?: string;
  resetOnSuccess?: boolean;
};

const StateContext = createContext<{ state: TFormState; pending: boolean }>({ state: {}, pending: false });

/**
 * A form posting to a server action (the admin area's and the team pages'). Before JavaScript
 * loads it is a plain form post (progressive enhancement); afterwards the submit is sent from
 * onSubmit so React does not reset the fields — a refused submit keeps what was typed, beside
 * each field's message (<FieldError name>) — and one submit at a time. The answer (error or
 * notice) shows above the fields. `resetOnSuccess` clears a "new …" form once it worked.
 */
export function ActionForm({
  action,
  children,
  className,
  label,
  testId,
  resetOnSuccess = false,
  noticeClassName,
}: TActionFormProps & { noticeClassName: string }) {
  const [state, formAction, pending] = useActionState<TFormState, FormData>(action, {});
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
        if (pending) return; // one submit at a time: a double click sends one request
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const data = new FormData(event.currentTarget, submitter);
        startTransition(() => formAction(data));
      }}
      className={className}
      aria-label={label}
      aria-busy={pending}
      data-testid={testId}
    >
      <StateContext.Provider value={{ state, pending }}>
        {state.error ? (
          <p className="form-error" role="alert">
            {state.error}
          </p>
        ) : state.notice ? (
          <p className={noticeClassName} role="status">
            {state.notice}
          </p>
        ) : null}
        {children}
      </StateContext.Provider>
    </form>
  );
}

/** The message for one field of the surrounding ActionForm, if the last submit had one. */
export function FieldError({ name }: { name: string }) {
  const message = useContext(StateContext).state.fields?.[name];
  return message ? <span className="field-error">{message}</span> : null;
}

/** A submit button that is disabled while its form is being sent. */
export function SubmitButton({
  children,
  className,
  name,
  value,
  ariaLabel,
  title,
  testId,
}: {
  children: React.ReactNode;
  className?: string;
  name?: string;
  value?: string;
  ariaLabel?: string;
  title?: string;
  testId?: string;
}) {
  const { pending } = useContext(StateContext);
  return (
    <button
      type="submit"
      className={className ?? "button"}
      name={name}
      value={value}
      disabled={pending}
      aria-label={ariaLabel}
      title={title}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
