import type { Db } from "../../db";
import { NO_BILLING_DETAILS, type TBillingDetails } from "./billing-details";

/** The billing details of the buyer's most recent order that had any: checkout starts from them. */
export async function lastBillingDetails(db: Pick<Db, "order">, userId: string): Promise<TBillingDetails> {
  const order = await db.order.findFirst({
    where: {
      userId,
      OR: [{ billingCompany: { not: null } }, { billingAddress: { not: null } }, { billingVatId: { not: null } }],
    },
    orderBy: { createdAt: "desc" },
    select: { billingCompany: true, billingAddress: true, billingVatId: true },
  });
  return order ?? NO_BILLING_DETAILS;
}
