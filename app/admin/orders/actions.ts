"use server";

import type { TAdminActionState } from "@/lib/admin/admin-action-state";
import { refundOrderAsAdmin, ZRefundOrder } from "@/lib/admin/orders/refund-order-as-admin";
import { runAdminAction } from "@/lib/admin/run-admin-action.server";
import { stripe } from "@/lib/commerce/commerce-deps.server";
import { env } from "@/lib/env.server";
import { AppError } from "@/lib/errors";

function stripeClient() {
  if (!env.STRIPE_SECRET_KEY) {
    throw new AppError("UNAVAILABLE", "Stripe isn't configured here (STRIPE_SECRET_KEY), so this Stripe order can't be refunded from this server.");
  }
  return stripe();
}

export async function refundOrderAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZRefundOrder, async (deps, input) => {
    const result = await refundOrderAsAdmin({ ...deps, stripe: stripeClient }, input);
    return { notice: result.refunded ? "Refunded. The buyer's access has ended." : "This order was already refunded; nothing more was done." };
  });
}
