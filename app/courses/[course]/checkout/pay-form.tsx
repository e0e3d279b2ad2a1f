"use client";

import { useActionState } from "react";
import { BillingFields } from "@/components/commerce/billing-fields";
import type { TBillingDetails } from "@/lib/commerce/invoices/billing-details";
import { payAction, type TPayState } from "./actions";

type TProps = { course: string; coupon: string | null; label: string; billing: TBillingDetails };

export function PayForm({ course, coupon, label, billing }: TProps) {
  const [state, action, pending] = useActionState<TPayState, FormData>(payAction, {});
  const values = state.values ?? billing;
  const filled = Object.values(values).some(Boolean);
  return (
    <form action={action} className="checkout-pay">
      <input type="hidden" name="course" value={course} />
      <input type="hidden" name="coupon" value={coupon ?? ""} />
      {/* Optional, and open when there is something in it (the last order's details, or an error). */}
      <details className="checkout-billing" open={filled || undefined} data-testid="checkout-billing" key={state.attempt ?? 0}>
        <summary>Company details for the invoice (optional)</summary>
        <BillingFields idPrefix="checkout" values={values} errors={state.fields} />
      </details>
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
