"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/access/get-viewer.server";
import { commerceDeps, paymentProvider } from "@/lib/commerce/commerce-deps.server";
import { startCheckout, ZCheckoutRequest } from "@/lib/commerce/start-checkout";
import { actionError, type TActionState } from "@/lib/http/action-error";
import { safeParseFormData } from "@/lib/http/parse-form-data";

export type TPayState = TActionState;

/**
 * "Pay": validate, create the order at the server's price, send the buyer to the provider.
 * The arguments are `unknown`: a server action is a public endpoint and may be called with
 * anything, which must be answered with a message, not a 500 (issue 8).
 */
export async function payAction(_previous: unknown, formData: unknown): Promise<TPayState> {
  const parsed = safeParseFormData(ZCheckoutRequest, formData);
  if (!parsed.success) return actionError(parsed.error);
  const { course, coupon } = parsed.data;
  const user = await requireUser(`/courses/${course}/checkout${coupon ? `?coupon=${encodeURIComponent(coupon)}` : ""}`);
  let redirectUrl: string;
  try {
    ({ redirectUrl } = await startCheckout({ ...commerceDeps, provider: paymentProvider() }, { course, coupon, userId: user.id }));
  } catch (error) {
    return actionError(error, "Something went wrong on our side. Nothing was charged; please try again.");
  }
  redirect(redirectUrl); // outside the try: redirect() works by throwing
}
