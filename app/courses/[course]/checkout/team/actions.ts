"use server";

import { redirect } from "next/navigation";
import { requireUser } from "@/lib/access/get-viewer.server";
import { commerceDeps, paymentProvider } from "@/lib/commerce/commerce-deps.server";
import { actionError } from "@/lib/http/action-error";
import { safeParseFormData } from "@/lib/http/parse-form-data";
import { startTeamCheckout, ZTeamCheckoutRequest } from "@/lib/teams/start-team-checkout";
import type { TTeamFormState } from "@/components/teams/team-form";

/** "Pay" for team seats: validate, create the order at the server's price, go to the provider. */
export async function payForTeamAction(_previous: unknown, formData: unknown): Promise<TTeamFormState> {
  const parsed = safeParseFormData(ZTeamCheckoutRequest, formData);
  if (!parsed.success) return actionError(parsed.error);
  const user = await requireUser(`/courses/${parsed.data.course}/checkout/team`);
  let redirectUrl: string;
  try {
    ({ redirectUrl } = await startTeamCheckout({ ...commerceDeps, provider: paymentProvider() }, user.id, parsed.data));
  } catch (error) {
    return actionError(error, "Something went wrong on our side. Nothing was charged; please try again.");
  }
  redirect(redirectUrl);
}
