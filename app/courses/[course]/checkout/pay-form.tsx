"use client";

import { useActionState } from "react";
import { payAction, type TPayState } from "./actions";

export function PayForm({ course, coupon, label }: { course: string; coupon: string | null; label: string }) {
  const [state, action, pending] = useActionState<TPayState, FormData>(payAction, {});
  return (
    <form action={action} className="checkout-pay">
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="coupon" value={coupon ?? ""} />
      {state.error ? (
        <p className="form-error checkout-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary checkout-pay__button" disabled={pending}>
        {pending ? "Starting payment…" : "Pay"}
      </button>
      <p className="checkout-pay__note">{label}</p>
    </form>
  );
}
