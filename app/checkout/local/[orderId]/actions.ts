"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/access/get-viewer.server";
import { commerceDeps } from "@/lib/commerce/commerce-deps.server";
import { settleLocalPayment, ZLocalPaymentForm } from "@/lib/commerce/payments/settle-local-payment";
import { AppError } from "@/lib/errors";

export type TLocalPaymentState = { error?: string };

/** The buyer pressed "Pay (test)" or "Decline (test)" on the local test payment page. */
export async function localPaymentAction(_previous: TLocalPaymentState, formData: FormData): Promise<TLocalPaymentState> {
  const parsed = ZLocalPaymentForm.safeParse({ orderId: formData.get("orderId"), outcome: formData.get("outcome") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid request" };
  const user = await requireUser(`/checkout/local/${encodeURIComponent(parsed.data.orderId)}`);
  let target: string;
  try {
    const result = await settleLocalPayment(commerceDeps, { ...parsed.data, userId: user.id });
    target =
      result.outcome === "paid"
        ? `/account/orders/${result.orderId}/receipt?welcome=1`
        : `/checkout/local/${result.orderId}`; // the page now explains the decline and offers a retry
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    console.error("Local payment failed:", error);
    return { error: "Something went wrong on our side. Please try again." };
  }
  redirect(target);
}
