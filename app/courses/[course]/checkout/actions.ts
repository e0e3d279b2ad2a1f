"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/access/get-viewer.server";
import { commerceDeps, paymentProvider } from "@/lib/commerce/commerce-deps.server";
import { startCheckout, ZCheckoutRequest } from "@/lib/commerce/start-checkout";
import { AppError } from "@/lib/errors";

export type TPayState = { error?: string; fields?: Record<string, string> };

/** "Pay": validate, create the order at the server's price, send the buyer to the provider. */
export async function payAction(_previous: TPayState, formData: FormData): Promise<TPayState> {
  const parsed = ZCheckoutRequest.safeParse({ course: formData.get("course"), coupon: formData.get("coupon") });
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message]));
    return { error: "Please check the form.", fields };
  }
  const { course, coupon } = parsed.data;
  const user = await requireUser(`/courses/${course}/checkout${coupon ? `?coupon=${encodeURIComponent(coupon)}` : ""}`);
  let redirectUrl: string;
  try {
    ({ redirectUrl } = await startCheckout({ ...commerceDeps, provider: paymentProvider() }, { course, coupon, userId: user.id }));
  } catch (error) {
    if (error instanceof AppError) {
      return error.details?.field === "coupon" ? { error: error.message, fields: { coupon: error.message } } : { error: error.message };
    }
    console.error("Checkout failed:", error);
    return { error: "Something went wrong on our side. Nothing was charged; please try again." };
  }
  redirect(redirectUrl); // outside the try: redirect() works by throwing
}
