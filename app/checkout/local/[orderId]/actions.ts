"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/access/get-viewer.server";
import { commerceDeps } from "@/lib/commerce/commerce-deps.server";
import { settleLocalPayment, ZLocalPaymentForm } from "@/lib/commerce/payments/settle-local-payment";
import { AppError } from "@/lib/errors";
import { actionError, type TActionState } from "@/lib/http/action-error";
import { safeParseFormData } from "@/lib/http/parse-form-data";

export type TLocalPaymentState = TActionState;

/**
 * The buyer pressed "Pay (test)" or "Decline (test)" on the local test payment page.
 * Arguments are `unknown` until parsed: anyone can call a server action with anything.
 */
export async function localPaymentAction(_previous: unknown, formData: unknown): Promise<TLocalPaymentState> {
  const parsed = safeParseFormData(ZLocalPaymentForm, formData);
  if (!parsed.success) return actionError(parsed.error);
  const user = await requireUser(`/checkout/local/${encodeURIComponent(parsed.data.orderId)}`);
  let target: string;
  try {
    const result = await settleLocalPayment(commerceDeps, { ...parsed.data, userId: user.id });
    target =
      result.outcome === "paid"
        ? `/account/orders/${result.orderId}/receipt?welcome=1`
        : `/checkout/local/${result.orderId}`; // the page now explains the decline and offers a retry
  } catch (error) {
    // The order can no longer take this answer (void: already owned; expired; already paid):
    // its page says why and offers the next step instead of the Pay buttons.
    if (error instanceof AppError && error.code === "CONFLICT") redirect(`/checkout/local/${encodeURIComponent(parsed.data.orderId)}`);
    return actionError(error);
  }
  redirect(target);
}
