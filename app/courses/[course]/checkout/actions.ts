"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/access/get-viewer.server";
import { commerceDeps, paymentProvider } from "@/lib/commerce/commerce-deps.server";
import { startCheckout, ZCheckoutRequest } from "@/lib/commerce/start-checkout";
import { actionError, type TActionState } from "@/lib/http/action-error";
import { safeParseFormData } from "@/lib/http/parse-form-data";

export type TPayState = TActionState & {
  /** The billing details as typed, handed back on an error: React resets the form after every action. */
  values?: Record<"billingCompany" | "billingAddress" | "billingVatId", string>;
  attempt?: number;
};

function typedBilling(formData: FormData): NonNullable<TPayState["values"]> {
  const get = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value.slice(0, 2000) : "";
  };
  return { billingCompany: get("billingCompany"), billingAddress: get("billingAddress"), billingVatId: get("billingVatId") };
}

/**
 * "Pay": validate (the optional billing details too), create the order at the server's price
 * with them, send the buyer to the provider.
 * The arguments are `unknown`: a server action is a public endpoint and may be called with
 * anything, which must be answered with a message, not a 500 (issue 8).
 */
export async function payAction(previous: unknown, formData: unknown): Promise<TPayState> {
  const parsed = safeParseFormData(ZCheckoutRequest, formData);
  if (!parsed.success) {
    if (!(formData instanceof FormData)) return actionError(parsed.error);
    const attempt = ((previous as TPayState | null)?.attempt ?? 0) + 1;
    return { ...actionError(parsed.error), values: typedBilling(formData), attempt: Number.isInteger(attempt) ? attempt : 1 };
  }
  const { course, coupon, ...billing } = parsed.data;
  const user = await requireUser(`/courses/${course}/checkout${coupon ? `?coupon=${encodeURIComponent(coupon)}` : ""}`);
  let redirectUrl: string;
  try {
    ({ redirectUrl } = await startCheckout({ ...commerceDeps, provider: paymentProvider() }, { course, coupon, ...billing, userId: user.id }));
  } catch (error) {
    return actionError(error, "Something went wrong on our side. Nothing was charged; please try again.");
  }
  redirect(redirectUrl); // outside the try: redirect() works by throwing
}
