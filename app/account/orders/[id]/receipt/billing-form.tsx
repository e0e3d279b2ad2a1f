"use client";

import { useActionState } from "react";
import { BillingFields } from "@/components/commerce/billing-fields";
import type { TBillingDetails } from "@/lib/commerce/invoices/billing-details";
import { saveBillingAction, type TBillingState } from "../actions";

/** The order page's billing details: saving after payment re-issues the invoice. */
export function BillingForm({ orderId, values, invoiced }: { orderId: string; values: TBillingDetails; invoiced: boolean }) {
  const [state, action, pending] = useActionState<TBillingState, FormData>(saveBillingAction, {});
  return (
    <form action={action} className="billing-form" data-testid="billing-form">
      <input type="hidden" name="orderId" value={orderId} />
      <BillingFields
        key={state.attempt ?? 0}
        idPrefix="order"
        values={
          state.values
            ? {
                billingCompany: state.values.billingCompany,
                billingAddress: state.values.billingAddress,
                billingVatId: state.values.billingVatId,
              }
            : values
        }
        errors={state.fields}
      />
      {state.error ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.saved ? (
        <p className="form-success" role="status" data-testid="billing-saved">
          {state.saved}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? "Saving…" : invoiced ? "Save and re-issue the invoice" : "Save billing details"}
      </button>
    </form>
  );
}
