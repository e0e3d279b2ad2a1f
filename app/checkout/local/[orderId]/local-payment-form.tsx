"use client";

import { useActionState } from "react";
import { localPaymentAction, type TLocalPaymentState } from "./actions";

export function LocalPaymentForm({ orderId }: { orderId: string }) {
  const [state, action, pending] = useActionState<TLocalPaymentState, FormData>(localPaymentAction, {});
  return (
    <form action={action} className="local-pay__form">
      <input type="hidden" name="orderId" value={orderId} />
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      <div className="local-pay__buttons">
        <button type="submit" name="outcome" value="pay" className="button button--primary" disabled={pending}>
          Pay (test)
        </button>
        <button type="submit" name="outcome" value="decline" className="button" disabled={pending}>
          Decline (test)
        </button>
      </div>
    </form>
  );
}
