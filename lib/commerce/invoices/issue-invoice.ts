import type { Prisma } from "../../generated/sqlite/client";
import { allocateNumber } from "./allocate-number";
import { computeIncludedTax } from "./compute-tax";
import type { TInvoiceSettings } from "./invoice-settings";
import { formatInvoiceNumber } from "./invoice-number";

/**
 * Issues the invoice of an order that this transaction has just made paid (fulfilOrder):
 * the next number of the seller's series, the tax fixed at today's rate, and revision 1 with
 * the buyer's billing details and the seller as configured now. Nothing here runs for an
 * order that is not paid in the same transaction, so unpaid, failed and void orders never
 * take a number.
 */
export async function issueInvoice(
  tx: Prisma.TransactionClient,
  settings: TInvoiceSettings,
  input: { orderId: string; now: Date },
): Promise<{ number: string }> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: input.orderId },
    select: {
      status: true,
      invoiceSeq: true,
      totalCents: true,
      buyerName: true,
      buyerEmail: true,
      billingCompany: true,
      billingAddress: true,
      billingVatId: true,
    },
  });
  if (order.status !== "paid") throw new Error(`Order ${input.orderId} is ${order.status}: only a paid order gets an invoice`);
  if (order.invoiceSeq !== null) throw new Error(`Order ${input.orderId} already has an invoice`);
  const { taxCents } = computeIncludedTax(order.totalCents, settings.taxRateBps);
  const seq = await allocateNumber(tx, settings.series);
  await tx.order.update({
    where: { id: input.orderId },
    data: { invoiceSeries: settings.series, invoiceSeq: seq, invoiceRevision: 1, taxRateBps: settings.taxRateBps, taxCents },
    select: { id: true },
  });
  await tx.invoiceRevision.create({
    data: {
      orderId: input.orderId,
      revision: 1,
      issuedAt: input.now,
      buyerName: order.buyerName,
      buyerEmail: order.buyerEmail,
      company: order.billingCompany,
      address: order.billingAddress,
      vatId: order.billingVatId,
      sellerName: settings.seller.name,
      sellerAddress: settings.seller.address,
      sellerTaxId: settings.seller.taxId,
      taxLabel: settings.taxLabel,
    },
    select: { id: true },
  });
  return { number: formatInvoiceNumber(settings.series, seq) };
}
