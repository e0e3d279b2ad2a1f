import type { Db } from "../../db";
import { AppError } from "../../errors";
import { sameBillingDetails, type TBillingDetails } from "./billing-details";

export type TBillingUpdate =
  /** Nothing changed (same details as now). */
  | { outcome: "unchanged"; revision: number }
  /** A pending order: the details go on the invoice when it is paid. */
  | { outcome: "saved"; revision: 0 }
  /** A paid or refunded order: the invoice was re-issued with the same number. */
  | { outcome: "reissued"; revision: number };

/**
 * The buyer changes the billing details of one order (parsed by ZBillingDetails). Only the
 * order's owner or an admin — anyone else is told "not found", like the order pages. Before
 * payment the details are simply saved; after it (paid or refunded), the invoice is re-issued
 * as a new revision dated now, keeping its number and its seller. Orders that ended unpaid
 * have no invoice and refuse. The revision counter is incremented on the order row (a
 * conditional, atomic update), so two edits at once make revisions n+1 and n+2, never two n+1.
 */
export async function updateBillingDetails(
  deps: { db: Db; now?: () => Date },
  input: { orderId: string; viewer: { userId: string; role: "learner" | "admin" }; details: TBillingDetails },
): Promise<TBillingUpdate> {
  const now = deps.now?.() ?? new Date();
  return deps.db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: input.orderId },
      select: {
        userId: true,
        status: true,
        invoiceSeq: true,
        invoiceRevision: true,
        billingCompany: true,
        billingAddress: true,
        billingVatId: true,
      },
    });
    if (!order || (input.viewer.role !== "admin" && input.viewer.userId !== order.userId)) {
      throw new AppError("NOT_FOUND", "Order not found");
    }
    if (sameBillingDetails(order, input.details)) return { outcome: "unchanged", revision: order.invoiceRevision };

    if (order.status === "pending") {
      const saved = await tx.order.updateMany({ where: { id: input.orderId, status: "pending" }, data: input.details });
      if (saved.count === 1) return { outcome: "saved", revision: 0 };
      throw new AppError("CONFLICT", "The order was paid meanwhile: please submit the details again");
    }
    if (order.invoiceSeq === null || (order.status !== "paid" && order.status !== "refunded")) {
      throw new AppError("CONFLICT", "This order was not paid, so it has no invoice to change");
    }

    const updated = await tx.order.update({
      where: { id: input.orderId },
      data: { ...input.details, invoiceRevision: { increment: 1 } },
      select: { invoiceRevision: true, buyerName: true, buyerEmail: true },
    });
    // The seller and the tax label stay those of the first issue: a re-issue corrects the buyer.
    const first = await tx.invoiceRevision.findUniqueOrThrow({
      where: { orderId_revision: { orderId: input.orderId, revision: 1 } },
      select: { sellerName: true, sellerAddress: true, sellerTaxId: true, taxLabel: true },
    });
    await tx.invoiceRevision.create({
      data: {
        ...first,
        orderId: input.orderId,
        revision: updated.invoiceRevision,
        issuedAt: now,
        buyerName: updated.buyerName,
        buyerEmail: updated.buyerEmail,
        company: input.details.billingCompany,
        address: input.details.billingAddress,
        vatId: input.details.billingVatId,
      },
      select: { id: true },
    });
    return { outcome: "reissued", revision: updated.invoiceRevision };
  });
}
