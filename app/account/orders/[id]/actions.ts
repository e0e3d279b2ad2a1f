"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireUser } from "@/lib/access/get-viewer.server";
import { ZBillingDetails } from "@/lib/commerce/invoices/billing-details";
import { updateBillingDetails } from "@/lib/commerce/invoices/update-billing-details";
import { db } from "@/lib/db.server";
import { actionError, type TActionState } from "@/lib/http/action-error";
import { safeParseFormData } from "@/lib/http/parse-form-data";
import { ZOrderParams } from "./load-invoice-page";

export type TBillingState = TActionState & {
  saved?: string;
  /** What was typed, handed back on an error: React resets the form after every action. */
  values?: Record<"billingCompany" | "billingAddress" | "billingVatId", string>;
  /** Counts answers, so the fields re-mount with `values` after each one. */
  attempt?: number;
};

const ZBillingForm = ZBillingDetails.extend({ orderId: ZOrderParams.shape.id });
const ZPrevious = z.object({ attempt: z.number().int().min(0).max(1e6).optional() });

function typed(formData: unknown): TBillingState["values"] {
  const get = (name: string) => {
    const value = formData instanceof FormData ? formData.get(name) : null;
    return typeof value === "string" ? value.slice(0, 2000) : "";
  };
  return { billingCompany: get("billingCompany"), billingAddress: get("billingAddress"), billingVatId: get("billingVatId") };
}

/**
 * "Save billing details" on the order page. A server action is a public endpoint: the form is
 * parsed (lengths, characters) before anything else, the session is required, and the owner
 * or admin check is made by updateBillingDetails itself — the order id in the form is a claim.
 */
export async function saveBillingAction(previous: unknown, formData: unknown): Promise<TBillingState> {
  const attempt = (ZPrevious.safeParse(previous).data?.attempt ?? 0) + 1;
  const parsed = safeParseFormData(ZBillingForm, formData);
  if (!parsed.success) return { ...actionError(parsed.error), values: typed(formData), attempt };
  const { orderId, ...details } = parsed.data;
  const user = await requireUser(`/account/orders/${orderId}/receipt`);
  try {
    const result = await updateBillingDetails({ db }, { orderId, viewer: { userId: user.id, role: user.role }, details });
    revalidatePath(`/account/orders/${orderId}/receipt`);
    revalidatePath(`/account/orders/${orderId}/invoice`);
    return {
      attempt,
      saved:
        result.outcome === "reissued"
          ? `Saved. The invoice was re-issued (revision ${result.revision}); its number stays the same.`
          : result.outcome === "saved"
            ? "Saved. The invoice will show these details once the payment is confirmed."
            : "Nothing changed.",
    };
  } catch (error) {
    return { ...actionError(error), values: typed(formData), attempt };
  }
}
